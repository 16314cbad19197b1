import { describe, expect, it } from 'vitest';
import { Pipeline, newContext, type PipelineNode } from './pipeline.js';
import type { Filter, Handler, PipelineRequest } from './types.js';

const request: PipelineRequest = { type: 'solicit', msg: { type: 'solicit', xid: 1, options: [] }, relays: [], ids: { duid: '01' }, source: 'fe80::1', elapsedSeconds: 0 };

function node(filter: Filter, handlers: Handler[], children: PipelineNode[] = []): PipelineNode {
  return { path: 'p', filter, handlers, children };
}
const yes: Filter = { match: () => true };
const no: Filter = { match: () => false };
const later = <T>(v: T): Promise<T> => new Promise((r) => setImmediate(() => r(v)));

describe('Pipeline', () => {
  it('runs the handlers of every matching filter in order, and nested filters only under a match', () => {
    const seen: string[] = [];
    const mark = (s: string): Handler => ({ pre: () => void seen.push(s) });
    const p = new Pipeline([node(yes, [mark('a')], [node(yes, [mark('a1')]), node(no, [mark('a2')])]), node(no, [mark('b')], [node(yes, [mark('b1')])]), node(yes, [mark('c')])], true);
    const posts = p.pre(newContext(request));
    expect(posts).toEqual([]); // synchronous: no promise when nothing is async
    expect(seen).toEqual(['a', 'a1', 'c']);
  });

  it('goes async only when a filter or handler returns a promise, keeping the order', async () => {
    const seen: string[] = [];
    const p = new Pipeline(
      [
        node({ match: () => later(true) }, [{ pre: () => later(undefined).then(() => void seen.push('slow')) }, { pre: () => void seen.push('after-slow') }]),
        node(yes, [{ pre: () => void seen.push('last') }]),
      ],
      true,
    );
    const r = p.pre(newContext(request));
    expect(r).toBeInstanceOf(Promise);
    await r;
    expect(seen).toEqual(['slow', 'after-slow', 'last']);
  });

  it('stops once a handler ignores the request', () => {
    const seen: string[] = [];
    const p = new Pipeline([node(yes, [{ pre: (c) => void (c.ignore = 'rate-limited') }, { pre: () => void seen.push('x') }]), node(yes, [{ pre: () => void seen.push('y') }])], true);
    const ctx = newContext(request);
    p.pre(ctx);
    expect(ctx.ignore).toBe('rate-limited');
    expect(seen).toEqual([]);
  });

  it('collects post handlers of matching filters and runs them in order', async () => {
    const seen: string[] = [];
    const p = new Pipeline([node(yes, [{ post: () => later(undefined).then(() => void seen.push('1')) }]), node(no, [{ post: () => void seen.push('no') }]), node(yes, [{ post: () => void seen.push('2') }])], true);
    const ctx = newContext(request);
    const posts = await p.pre(ctx);
    await p.post(ctx, posts);
    expect(seen).toEqual(['1', '2']);
  });
});
