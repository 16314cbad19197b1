import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build, fakeContext, fakeEnv, issues } from '../testing.js';
import { rateLimitHandler } from './rate-limit.js';
import { TokenBuckets } from './token-buckets.js';

function clocked() {
  let t = 1000;
  return { def: rateLimitHandler(() => t), advance: (ms: number) => void (t += ms) };
}

describe('rate-limit handler', () => {
  it('answers N requests per T seconds per key, then ignores and counts', () => {
    const { def, advance } = clocked();
    const env = fakeEnv();
    const h = build(def, { key: 'duid', requests: 3, seconds: 10 }, env);
    const send = (duid = 'aa') => {
      const ctx = fakeContext({ ids: { duid } });
      h.pre!(ctx);
      return ctx.ignore;
    };
    expect([send(), send(), send(), send()]).toEqual([undefined, undefined, undefined, 'rate-limited']);
    expect(send('bb')).toBeUndefined(); // other keys have their own budget
    expect(env.counts.get('pkt6-rate-limited')).toBe(1);
    advance(3000); // 0.9 of a token back
    expect(send()).toBe('rate-limited');
    advance(400); // 1.02 tokens
    expect([send(), send()]).toEqual([undefined, 'rate-limited']);
    advance(60_000); // refills to the burst, not beyond
    expect([send(), send(), send(), send()]).toEqual([undefined, undefined, undefined, 'rate-limited']);
    expect(env.counts.get('pkt6-rate-limited')).toBe(4);
  });

  it('requests without the identifier pass; source key uses the sender', () => {
    const { def } = clocked();
    const byRid = build(def, { key: 'remote-id', requests: 1, seconds: 1 });
    for (let i = 0; i < 3; i++) {
      const ctx = fakeContext();
      byRid.pre!(ctx);
      expect(ctx.ignore).toBeUndefined();
    }
    const bySource = build(def, { key: 'source', requests: 1, seconds: 1 });
    const a = fakeContext({ source: '2001:db8::1' });
    const b = fakeContext({ source: '2001:db8::1' });
    const c = fakeContext({ source: '2001:db8::2' });
    for (const ctx of [a, b, c]) bySource.pre!(ctx);
    expect([a.ignore, b.ignore, c.ignore]).toEqual([undefined, 'rate-limited', undefined]);
  });

  it('keeps an earlier ignore reason', () => {
    const { def } = clocked();
    const h = build(def, { key: 'duid', requests: 1, seconds: 1 });
    h.pre!(fakeContext());
    const ctx = fakeContext();
    ctx.ignore = 'backup';
    h.pre!(ctx);
    expect(ctx.ignore).toBe('backup');
  });

  it('flex-id keys come from the expression', () => {
    const { def } = clocked();
    const env = fakeEnv({ value: { 'relay[0].peer_address': (q) => q.relays[0]?.peerAddress } });
    const h = build(def, { key: 'flex-id', expression: 'relay[0].peer_address', requests: 1, seconds: 1 }, env);
    const ctxs = [fakeContext(), fakeContext(), fakeContext()];
    for (const c of ctxs) h.pre!(c);
    expect(ctxs.map((c) => c.ignore)).toEqual([undefined, undefined, undefined]); // no relay, no key
    expect(() => build(def, { key: 'flex-id', expression: 'nope', requests: 1, seconds: 1 }, env)).toThrow(/^rate-limit\.expression: /);
  });

  it('schema bounds and defaults', () => {
    const { def } = clocked();
    expect(def.schema.parse({ key: 'duid', requests: 5, seconds: 1 })['max-keys']).toBe(100_000);
    expect(issues(def, { key: 'duid', requests: 0, seconds: 1 })[0]).toMatch(/^requests:/);
    expect(issues(def, { key: 'duid', requests: 1, seconds: 0 })[0]).toMatch(/^seconds:/);
    expect(issues(def, { key: 'ip', requests: 1, seconds: 1 })[0]).toMatch(/^key:/);
    expect(issues(def, { key: 'flex-id', requests: 1, seconds: 1 })).toEqual(['expression: key "flex-id" needs an expression that computes the id']);
  });
});

describe('TokenBuckets', () => {
  it('holds at most max-keys, forgetting the least recently used', () => {
    const b = new TokenBuckets(1, 1000, 2);
    expect(b.take('a', 0)).toBe(true);
    expect(b.take('b', 0)).toBe(true);
    expect(b.take('a', 1)).toBe(false); // a is now the most recent
    expect(b.take('c', 1)).toBe(true); // evicts b
    expect(b.size).toBe(2);
    expect(b.take('a', 2)).toBe(false); // a kept its (empty) bucket
    expect(b.take('b', 2)).toBe(true); // b was forgotten: a fresh bucket
  });

  it('never lets more than burst + rate * time through', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 10_000 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 300 }), (burst, period, times) => {
        const b = new TokenBuckets(burst, period, 10);
        const sorted = [...times].sort((x, y) => x - y);
        let passed = 0;
        for (const t of sorted) {
          if (b.take('k', t)) passed++;
          expect(passed).toBeLessThanOrEqual(burst + ((t - sorted[0]!) * burst) / period + 1e-9);
        }
      }),
    );
  });

  it('a clock going backwards adds no tokens', () => {
    const b = new TokenBuckets(1, 1000, 10);
    b.take('a', 5000);
    expect(b.take('a', 0)).toBe(false);
  });
});
