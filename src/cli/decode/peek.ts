/**
 * Message types read straight from the bytes, so --type can skip most
 * packets without decoding them. Each peek stops at whatever it cannot follow;
 * the caller treats "not found" as "unknown", never as "no match".
 */

const RELAY_FORW = 12;
const RELAY_REPL = 13;
const RELAY_HEADER = 34;
const OPTION_RELAY_MSG = 9;
const MAX_DEPTH = 32;

/** Type codes along a DHCPv6 relay chain, outermost first (RFC 8415 §9: relay-msg carries the next). */
export function typeChain6(b: Uint8Array): number[] {
  const chain: number[] = [];
  let start = 0;
  let end = b.length;
  while (start < end && chain.length <= MAX_DEPTH) {
    const type = b[start]!;
    chain.push(type);
    if (type !== RELAY_FORW && type !== RELAY_REPL) break;
    const inner = findOption16(b, start + RELAY_HEADER, end, OPTION_RELAY_MSG);
    if (!inner) break;
    [start, end] = inner;
  }
  return chain;
}

/** The body bounds of the first option `code` in [p, end), or undefined. */
function findOption16(b: Uint8Array, p: number, end: number, code: number): [number, number] | undefined {
  while (p + 4 <= end) {
    const c = (b[p]! << 8) | b[p + 1]!;
    const len = (b[p + 2]! << 8) | b[p + 3]!;
    if (p + 4 + len > end) return undefined;
    if (c === code) return [p + 4, p + 4 + len];
    p += 4 + len;
  }
  return undefined;
}

const DHCP4_OPTIONS = 240;
const MAGIC_COOKIE = 0x63825363;
const PAD = 0;
const END = 255;
const MESSAGE_TYPE = 53;

/** Option 53 from the options field of a DHCPv4 message (RFC 2131 §3, RFC 2132 §9.6), or undefined. */
export function type4(b: Uint8Array): number | undefined {
  if (b.length < DHCP4_OPTIONS + 3) return undefined;
  const cookie = ((b[236]! << 24) | (b[237]! << 16) | (b[238]! << 8) | b[239]!) >>> 0;
  if (cookie !== MAGIC_COOKIE) return undefined;
  let p = DHCP4_OPTIONS;
  while (p < b.length) {
    const code = b[p]!;
    if (code === PAD) {
      p++;
      continue;
    }
    if (code === END || p + 2 > b.length) return undefined;
    const len = b[p + 1]!;
    if (code === MESSAGE_TYPE && len >= 1 && p + 2 < b.length) return b[p + 2];
    p += 2 + len;
  }
  return undefined;
}
