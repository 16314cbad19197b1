/** Lease records for tests: valid by default, any field overridable. */
import { canonicalIpv6 } from '../../protocol/address.js';
import type { Lease6 } from '../types.js';

export const DUID_A = '000100012db8a580000c29123456';
export const DUID_B = '00030001000c29abcdef';

export function lease6(over: Partial<Lease6> = {}): Lease6 {
  const cltt = over.cltt ?? 1_700_000_000;
  const validLifetime = over.validLifetime ?? 7200;
  return {
    type: 'na',
    address: '2001:db8::1',
    duid: DUID_A,
    iaid: 1,
    subnetId: 1,
    preferredLifetime: Math.floor(validLifetime / 2),
    state: 'assigned',
    ...over,
    cltt,
    validLifetime,
    expiresAt: over.expiresAt ?? cltt + validLifetime,
  };
}

/** The n-th address of 2001:db8::/64, canonical. */
export function nthAddress(n: number): string {
  return canonicalIpv6(`2001:db8::${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`)!;
}
