import { parseIpv6Into, formatIpv6 } from './address.js';

/** IPv6 address and prefix arithmetic on bigint, for config checks and pools. */

const scratch = new Uint8Array(16);
const view = new DataView(scratch.buffer);

// Four 32-bit words rather than sixteen bytes: a quarter of the BigInt operations (pools rebuild from millions of leases).
export function ipv6ToBigInt(s: string): bigint | undefined {
  if (!parseIpv6Into(s, scratch)) return undefined;
  return (
    (BigInt(view.getUint32(0)) << 96n) |
    (BigInt(view.getUint32(4)) << 64n) |
    (BigInt(view.getUint32(8)) << 32n) |
    BigInt(view.getUint32(12))
  );
}

export function bigIntToIpv6(v: bigint): string {
  view.setUint32(0, Number((v >> 96n) & 0xffffffffn));
  view.setUint32(4, Number((v >> 64n) & 0xffffffffn));
  view.setUint32(8, Number((v >> 32n) & 0xffffffffn));
  view.setUint32(12, Number(v & 0xffffffffn));
  return formatIpv6(scratch);
}

export interface Prefix6 {
  /** First address, with host bits cleared. */
  base: bigint;
  length: number;
}

const ALL = (1n << 128n) - 1n;

export function prefixMask(length: number): bigint {
  return length === 0 ? 0n : (ALL << BigInt(128 - length)) & ALL;
}

/** "2001:db8::/48" → prefix; undefined if malformed or host bits are set. */
export function parsePrefix6(s: string): Prefix6 | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const len = Number(s.slice(slash + 1));
  if (!/^[0-9]{1,3}$/.test(s.slice(slash + 1)) || len > 128) return undefined;
  const base = ipv6ToBigInt(s.slice(0, slash));
  if (base === undefined || (base & ~prefixMask(len) & ALL) !== 0n) return undefined;
  return { base, length: len };
}

export function prefixLast(p: Prefix6): bigint {
  return p.base | (~prefixMask(p.length) & ALL);
}

export function prefixContains(outer: Prefix6, addr: bigint): boolean {
  return (addr & prefixMask(outer.length)) === outer.base;
}

export function formatPrefix6(p: Prefix6): string {
  return `${bigIntToIpv6(p.base)}/${p.length}`;
}

/** An inclusive address range "first-last" or a prefix "a::/len"; undefined if malformed. */
export function parseRange6(s: string): { first: bigint; last: bigint } | undefined {
  if (s.includes('/')) {
    const p = parsePrefix6(s.trim());
    return p && { first: p.base, last: prefixLast(p) };
  }
  const dash = s.indexOf('-');
  if (dash < 0) return undefined;
  const first = ipv6ToBigInt(s.slice(0, dash).trim());
  const last = ipv6ToBigInt(s.slice(dash + 1).trim());
  if (first === undefined || last === undefined || last < first) return undefined;
  return { first, last };
}
