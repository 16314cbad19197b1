import { describe, expect, it } from 'vitest';
import type { AssignmentEntry } from '../../sources.js';
import type { Handler } from '../../types.js';
import { SetupError } from '../errors.js';
import { build, fakeContext, fakeEnv, fakeSource, issues } from '../testing.js';
import { staticHandler } from './static.js';

const entries: AssignmentEntry[] = [
  { idType: 'remote-id', id: '4491:0a0b', prefix: '2001:db8:100::/56', options: [{ code: 23, value: ['2001:db8::53'] }] },
  { idType: 'duid', id: '000100010000000000112233', address: '2001:db8::10' },
  { idType: 'flex-id', id: 'port-7', address: '2001:db8::7', prefix: '2001:db8:700::/56' },
  { idType: 'interface-id', id: '65746830', options: [{ code: 31, value: ['2001:db8::123'] }] },
];

async function run(h: Handler, ctx = fakeContext()) {
  await h.pre!(ctx);
  return ctx;
}

describe('static handler', () => {
  for (const async of [false, true]) {
    const src = fakeSource('lines', entries, { async });
    const env = fakeEnv({ sources: [src], value: { 'relay[0].interface_id': (q) => (q.ids['interface-id'] === '01' ? ' port-7 ' : undefined) } });

    it(`${async ? 'async' : 'sync'} source: a remote-id key assigns the prefix, bound to the line, with options`, async () => {
      const h = build(staticHandler, { source: 'lines', key: 'remote-id' }, env);
      const ctx = fakeContext({ ids: { 'remote-id': '4491:0a0b' }, options: [{ code: 23, value: ['2001:db8::1'] }, { code: 24, value: ['example.com'] }] });
      const r = h.pre!(ctx);
      expect(r instanceof Promise).toBe(async); // the sync path stays sync
      await r;
      expect(ctx.assigned).toEqual({ addresses: [], prefixes: ['2001:db8:100::/56'], lineBound: true });
      expect(ctx.options).toEqual([{ code: 24, value: ['example.com'] }, { code: 23, value: ['2001:db8::53'] }]);
    });

    it(`${async ? 'async' : 'sync'} source: a duid key is not line-bound; no entry or no id changes nothing`, async () => {
      const h = build(staticHandler, { source: 'lines', key: 'duid' }, env);
      expect((await run(h)).assigned).toEqual({ addresses: ['2001:db8::10'], prefixes: [], lineBound: false });
      expect((await run(h, fakeContext({ ids: { duid: '0003' } }))).assigned.addresses).toEqual([]);
      const byRid = build(staticHandler, { source: 'lines', key: 'remote-id' }, env);
      const ctx = await run(byRid);
      expect(ctx.assigned).toEqual({ addresses: [], prefixes: [], lineBound: false });
    });
  }

  it('flex-id: the expression value (trimmed) is the key', async () => {
    const src = fakeSource('t', entries);
    const env = fakeEnv({ sources: [src], value: { 'relay[0].interface_id': (q) => (q.ids['interface-id'] === '01' ? ' port-7 ' : undefined) } });
    const h = build(staticHandler, { source: 't', key: 'flex-id', expression: 'relay[0].interface_id' }, env);
    const ctx = await run(h, fakeContext({ ids: { 'interface-id': '01' } }));
    expect(ctx.assigned).toEqual({ addresses: ['2001:db8::7'], prefixes: ['2001:db8:700::/56'], lineBound: false });
    expect(src.lookups).toEqual(['flex-id/port-7']);
    await run(h); // no value: no lookup
    expect(src.lookups).toHaveLength(1);
  });

  it('line-bound can be set either way; an options-only entry does not make the request line-bound', async () => {
    const env = fakeEnv({ sources: [fakeSource('t', entries)] });
    const ctx = await run(build(staticHandler, { source: 't', key: 'interface-id' }, env), fakeContext({ ids: { 'interface-id': '65746830' } }));
    expect(ctx.assigned.lineBound).toBe(false);
    expect(ctx.options).toEqual([{ code: 31, value: ['2001:db8::123'] }]);
    const off = await run(build(staticHandler, { source: 't', key: 'remote-id', 'line-bound': false }, env), fakeContext({ ids: { 'remote-id': '4491:0a0b' } }));
    expect(off.assigned.lineBound).toBe(false);
    const on = await run(build(staticHandler, { source: 't', key: 'duid', 'line-bound': true }, env));
    expect(on.assigned.lineBound).toBe(true);
  });

  it("converts an entry's options once, and logs (not throws) options that do not convert", async () => {
    let conversions = 0;
    const bad: AssignmentEntry = { idType: 'duid', id: 'aa', address: '2001:db8::aa', options: [{ name: 'nope' }] };
    const env = fakeEnv({
      sources: [fakeSource('t', [...entries, bad])],
      options: (list) => {
        conversions++;
        if ((list[0] as { name?: string }).name === 'nope') throw new Error('[0].name: unknown option "nope"');
        return list as never;
      },
    });
    const h = build(staticHandler, { source: 't', key: 'remote-id' }, env);
    for (let i = 0; i < 3; i++) await run(h, fakeContext({ ids: { 'remote-id': '4491:0a0b' } }));
    expect(conversions).toBe(1);
    const d = build(staticHandler, { source: 't', key: 'duid' }, env);
    const ctx = await run(d, fakeContext({ ids: { duid: 'aa' } }));
    await run(d, fakeContext({ ids: { duid: 'aa' } }));
    expect(ctx.assigned.addresses).toEqual(['2001:db8::aa']);
    expect(ctx.options).toEqual([]);
    expect(env.logs).toEqual([{ level: 'warn', obj: expect.objectContaining({ msgId: 'FULMAR_PIPELINE_ASSIGNMENT_OPTIONS_INVALID', source: 't', error: '[0].name: unknown option "nope"' }), msg: undefined }]);
  });

  it('two handlers add each resource once', async () => {
    const env = fakeEnv({ sources: [fakeSource('t', entries)] });
    const h = build(staticHandler, { source: 't', key: 'duid' }, env);
    const ctx = fakeContext();
    await h.pre!(ctx);
    await h.pre!(ctx);
    expect(ctx.assigned.addresses).toEqual(['2001:db8::10']);
  });

  it('load-time errors name the field', () => {
    const env = fakeEnv({ sources: [fakeSource('t', entries)] });
    expect(() => build(staticHandler, { source: 'lines', key: 'duid' }, env)).toThrow(new SetupError('static.source', 'no assignment source named "lines"'));
    expect(() => build(staticHandler, { source: 'lines', key: 'duid' }, env)).toThrow(/^static\.source: no assignment source named "lines"$/);
    expect(() => build(staticHandler, { source: 't', key: 'flex-id', expression: 'bad' }, env)).toThrow(/^static\.expression: column 1: cannot parse "bad"$/);
    expect(issues(staticHandler, { source: 't', key: 'flex-id' })).toEqual(['expression: key "flex-id" needs an expression that computes the id']);
    expect(issues(staticHandler, { source: 't', key: 'duid', expression: 'x' })).toEqual(['expression: expression is used only with key "flex-id", not "duid"']);
    expect(issues(staticHandler, { source: 't', key: 'mac' })[0]).toMatch(/^key: /);
  });
});
