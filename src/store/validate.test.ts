import { describe, expect, it } from 'vitest';
import { LeaseInvalidError } from './errors.js';
import { lease6 } from './testing/leases.js';
import { checkChange6, checkLease6 } from './validate.js';
import type { Lease6 } from './types.js';

function fieldOf(l: Lease6): string | undefined {
  try {
    checkLease6(l);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(LeaseInvalidError);
    return (e as LeaseInvalidError).field;
  }
}

describe('checkLease6', () => {
  it('accepts canonical addresses and prefixes', () => {
    expect(fieldOf(lease6())).toBeUndefined();
    expect(fieldOf(lease6({ type: 'pd', address: '2001:db8:100::/56' }))).toBeUndefined();
    expect(fieldOf(lease6({ type: 'pd', address: '2001:db8::1/128' }))).toBeUndefined();
    expect(fieldOf(lease6({ hwaddr: '000c29123456', hostname: 'cpe', userContext: { a: 1 } }))).toBeUndefined();
  });

  it('refuses keys that are not canonical, so one address cannot have two spellings', () => {
    for (const address of ['2001:DB8::1', '2001:db8:0::1', '2001:db8::1/64', 'fe80::1%eth0', 'nonsense']) {
      expect(fieldOf(lease6({ address }))).toBe('address');
    }
    for (const address of ['2001:db8::/0', '2001:db8::/129', '2001:db8::/056', '2001:db8::1/64', '2001:db8::', '2001:0db8::/48']) {
      expect(fieldOf(lease6({ type: 'pd', address }))).toBe('address');
    }
  });

  it('names the field that is wrong', () => {
    expect(fieldOf(lease6({ duid: '0001ABCD' }))).toBe('duid');
    expect(fieldOf(lease6({ duid: '0001' }))).toBe('duid');
    expect(fieldOf(lease6({ iaid: 2 ** 32 }))).toBe('iaid');
    expect(fieldOf(lease6({ subnetId: -1 }))).toBe('subnetId');
    expect(fieldOf(lease6({ preferredLifetime: 9000 }))).toBe('preferredLifetime');
    expect(fieldOf(lease6({ cltt: 1.5 }))).toBe('cltt');
    expect(fieldOf(lease6({ expiresAt: 1 }))).toBe('expiresAt');
    expect(fieldOf(lease6({ state: 'free' as never }))).toBe('state');
    expect(fieldOf(lease6({ type: 'ia' as never }))).toBe('type');
    expect(fieldOf(lease6({ hwaddr: '00:0c' }))).toBe('hwaddr');
    expect(fieldOf(lease6({ hostname: 'x'.repeat(256) }))).toBe('hostname');
    expect(fieldOf(lease6({ userContext: [] as never }))).toBe('userContext');
  });

  it('allows the infinite lifetime', () => {
    expect(fieldOf(lease6({ preferredLifetime: 0xffffffff, validLifetime: 0xffffffff }))).toBeUndefined();
  });
});

describe('checkChange6', () => {
  it('checks the key of a delete and refuses unknown ops', () => {
    expect(() => checkChange6({ op: 'delete', type: 'na', address: '2001:db8::1' })).not.toThrow();
    expect(() => checkChange6({ op: 'delete', type: 'na', address: '2001:DB8::1' })).toThrow(LeaseInvalidError);
    expect(() => checkChange6({ op: 'upsert' } as never)).toThrow(/op/);
  });
});
