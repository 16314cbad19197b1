import { describe, expect, it } from 'vitest';
import { build, fakeContext, fakeEnv, issues } from '../testing.js';
import { assignHandler } from './assign.js';
import { dumpHandler } from './dump.js';
import { ignoreHandler } from './ignore.js';
import { markHandler } from './mark.js';
import { poolsHandler } from './pools.js';
import { preferenceHandler } from './preference.js';

describe('assign handler', () => {
  it('adds the inline resources once, canonical', () => {
    const h = build(assignHandler, { addresses: ['2001:DB8::0010'], prefixes: ['2001:db8:0100::/56'] });
    const ctx = fakeContext();
    h.pre!(ctx);
    h.pre!(ctx);
    expect(ctx.assigned).toEqual({ addresses: ['2001:db8::10'], prefixes: ['2001:db8:100::/56'], lineBound: false });
    const bound = fakeContext();
    build(assignHandler, { prefixes: ['2001:db8:100::/56'], 'line-bound': true }).pre!(bound);
    expect(bound.assigned.lineBound).toBe(true);
  });

  it('refuses bad or missing resources', () => {
    expect(issues(assignHandler, {})).toEqual([': give at least one of "addresses" or "prefixes"']);
    expect(issues(assignHandler, { prefixes: ['2001:db8::1/56'] })[0]).toMatch(/^prefixes\.0: bad prefix .*host bits set \(did you mean 2001:db8::\/56\?\)/);
    expect(issues(assignHandler, { addresses: ['ff02::1'] })[0]).toMatch(/^addresses\.0: bad address "ff02::1": a multicast address/);
  });
});

describe('pools, preference, ignore, mark', () => {
  it('pools lets the request use dynamic pools', () => {
    const ctx = fakeContext();
    build(poolsHandler, {}).pre!(ctx);
    expect(ctx.dynamic).toBe(true);
    expect(issues(poolsHandler, { x: 1 })).not.toEqual([]);
  });

  it('preference', () => {
    const ctx = fakeContext();
    build(preferenceHandler, { value: 255 }).pre!(ctx);
    expect(ctx.preference).toBe(255);
    expect(issues(preferenceHandler, { value: 256 })[0]).toMatch(/^value:/);
  });

  it('ignore, with a default reason', () => {
    const a = fakeContext();
    build(ignoreHandler, {}).pre!(a);
    expect(a.ignore).toBe('ignored');
    const b = fakeContext();
    build(ignoreHandler, { reason: 'backup-server' }).pre!(b);
    expect(b.ignore).toBe('backup-server');
    expect(issues(ignoreHandler, { reason: 'Not Me' })[0]).toMatch(/^reason: a reason is/);
  });

  it('mark', () => {
    const ctx = fakeContext();
    build(markHandler, { name: 'known' }).pre!(ctx);
    expect([...ctx.marks]).toEqual(['known']);
  });
});

describe('dump handler', () => {
  it('flags the transaction and logs it all in post', () => {
    const env = fakeEnv();
    const h = build(dumpHandler, {}, env);
    const ctx = fakeContext({ type: 'request', marks: ['m'] });
    h.pre!(ctx);
    expect(ctx.dump).toBe(true);
    ctx.response = { type: 'reply', xid: 0x123456, options: [] };
    h.post!(ctx);
    expect(env.logs).toHaveLength(1);
    const { level, obj } = env.logs[0]!;
    expect(level).toBe('info');
    expect(obj).toMatchObject({
      msgId: 'FULMAR_PIPELINE_DUMP',
      type: 'request',
      request: ctx.request.msg,
      relays: [],
      marks: ['m'],
      response: { type: 'reply', xid: 0x123456, options: [] },
    });
  });
});
