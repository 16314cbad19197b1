import { describe, expect, it } from 'vitest';
import { Authenticator } from './authenticator.js';
import { hashPassword, hashToken } from './hash.js';

const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

describe('Authenticator', async () => {
  const pwHash = await hashPassword('pw');
  const auth = new Authenticator([
    { name: 'tok', role: 'read-only', hash: hashToken('T0KEN') },
    { name: 'ops', role: 'read-write', hash: pwHash },
  ]);

  it('accepts a bearer token, Bearer NAME:SECRET and Basic', async () => {
    expect(await auth.authenticate('Bearer T0KEN')).toEqual({ ok: true, user: { name: 'tok', role: 'read-only' } });
    expect(await auth.authenticate('bearer tok:T0KEN')).toEqual({ ok: true, user: { name: 'tok', role: 'read-only' } });
    expect(await auth.authenticate(basic('ops', 'pw'))).toEqual({ ok: true, user: { name: 'ops', role: 'read-write' } });
  });

  it('refuses missing, malformed and wrong credentials', async () => {
    expect(await auth.authenticate(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(await auth.authenticate('Digest x')).toEqual({ ok: false, reason: 'malformed' });
    expect(await auth.authenticate('Basic')).toEqual({ ok: false, reason: 'malformed' });
    expect(await auth.authenticate(`Bearer ${'x'.repeat(5000)}`)).toEqual({ ok: false, reason: 'malformed' });
    expect(await auth.authenticate('Bearer nope')).toEqual({ ok: false, reason: 'wrong' });
    expect(await auth.authenticate(basic('ops', 'PW'))).toEqual({ ok: false, reason: 'wrong' });
    expect(await auth.authenticate(basic('nobody', 'pw'))).toEqual({ ok: false, reason: 'wrong' });
    // A password user's secret is not a bare bearer token.
    expect(await auth.authenticate('Bearer pw')).toEqual({ ok: false, reason: 'wrong' });
  });

  it('runs scrypt once per credential: a cached success is fast', async () => {
    const fresh = new Authenticator([{ name: 'ops', role: 'read-write', hash: pwHash }]);
    let start = performance.now();
    await fresh.authenticate(basic('ops', 'pw'));
    const first = performance.now() - start;
    start = performance.now();
    for (let i = 0; i < 20; i++) await fresh.authenticate(basic('ops', 'pw'));
    expect((performance.now() - start) / 20).toBeLessThan(first / 5);
  });
});
