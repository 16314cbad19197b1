import { canonicalIpv6, parseIpv4Into, parseIpv6Into } from '../../protocol/index.js';

/**
 * Parsers for `fulmar decode` option values: each returns the canonical form
 * the filter compares with, or throws an Error saying what is wrong.
 */

/** "00:01:aa", "00-01-aa", "0001aa" → "0001aa". */
export function parseHex(s: string): string {
  const h = s.replace(/[:\-\s]/g, '').toLowerCase();
  if (h === '' || !/^(?:[0-9a-f]{2})+$/.test(h)) throw new Error('expected hex bytes, e.g. 000100012db8a580 or 00:01:00:01');
  return h;
}

/** A link-layer address in any usual notation (aa:bb:.., aa-bb-.., aabb.ccdd.eeff) → hex; up to 20 bytes (InfiniBand). */
export function parseMac(s: string): string {
  const h = s.replace(/[:\-.\s]/g, '').toLowerCase();
  if (!/^(?:[0-9a-f]{2}){1,20}$/.test(h)) throw new Error('expected a link-layer address, e.g. 00:0c:29:12:34:56');
  return h;
}

/** An IPv6 address in its RFC 5952 form, or a dotted-quad IPv4 address. */
export function parseAddress(s: string): string {
  const v6 = canonicalIpv6(s);
  if (v6 !== undefined) return v6;
  if (parseIpv4Into(s, new Uint8Array(4))) return s;
  throw new Error('expected an IPv6 or IPv4 address');
}

export interface Prefix {
  bytes: Uint8Array;
  length: number;
}

/** "2001:db8::/48" → its 16 bytes and length; bits past the length must be 0. */
export function parsePrefix(s: string): Prefix {
  const slash = s.lastIndexOf('/');
  const lenText = s.slice(slash + 1);
  const bytes = new Uint8Array(16);
  if (slash < 0 || !/^\d{1,3}$/.test(lenText) || Number(lenText) > 128 || !parseIpv6Into(s.slice(0, slash), bytes)) {
    throw new Error('expected an IPv6 prefix, e.g. 2001:db8:100::/40');
  }
  const length = Number(lenText);
  if (hasBitsPast(bytes, length)) throw new Error(`bits are set past /${length}`);
  return { bytes, length };
}

function hasBitsPast(b: Uint8Array, length: number): boolean {
  for (let bit = length; bit < 128; bit++) if (b[bit >> 3]! & (0x80 >> (bit & 7))) return true;
  return false;
}

/** Whether the prefix `inner`/`innerLength` lies inside `outer` (or equals it). */
export function prefixContains(outer: Prefix, inner: Uint8Array, innerLength: number): boolean {
  if (innerLength < outer.length) return false;
  const full = outer.length >> 3;
  for (let i = 0; i < full; i++) if (inner[i] !== outer.bytes[i]) return false;
  const rest = outer.length & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (inner[full]! & mask) === (outer.bytes[full]! & mask);
}

export function parsePort(s: string): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < 1 || n > 65535) throw new Error('expected a UDP port 1..65535');
  return n;
}

export function parseCount(s: string): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < 1 || !Number.isSafeInteger(n)) throw new Error('expected a whole number of at least 1');
  return n;
}
