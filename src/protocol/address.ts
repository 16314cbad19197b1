/**
 * IPv6 and IPv4 addresses as text. Formatting follows RFC 5952 (lowercase, no
 * leading zeros, the longest run of two or more zero groups shortened to "::",
 * IPv4-mapped addresses in mixed notation); parsing accepts any RFC 4291 form.
 */

const HEX16: string[] = [];
for (let i = 0; i < 0x10000; i++) HEX16.push(i.toString(16));

const groups16 = new Uint16Array(8);

/** Format 16 bytes at `off` of `b` per RFC 5952. */
export function formatIpv6(b: Uint8Array, off = 0): string {
  const g = groups16;
  let bestStart = -1;
  let bestLen = 1;
  let runStart = -1;
  for (let i = 0; i < 8; i++) {
    const v = (b[off + 2 * i]! << 8) | b[off + 2 * i + 1]!;
    g[i] = v;
    if (v === 0) {
      if (runStart < 0) runStart = i;
      if (i - runStart + 1 > bestLen) {
        bestLen = i - runStart + 1;
        bestStart = runStart;
      }
    } else runStart = -1;
  }
  if (bestStart === 0 && bestLen === 5 && g[5] === 0xffff) {
    return `::ffff:${b[off + 12]}.${b[off + 13]}.${b[off + 14]}.${b[off + 15]}`;
  }
  let s = '';
  if (bestStart < 0) {
    for (let i = 0; i < 8; i++) s += i ? ':' + HEX16[g[i]!] : HEX16[g[i]!];
    return s;
  }
  for (let i = 0; i < bestStart; i++) s += i ? ':' + HEX16[g[i]!] : HEX16[g[i]!];
  s += '::';
  const after = bestStart + bestLen;
  for (let i = after; i < 8; i++) s += i > after ? ':' + HEX16[g[i]!] : HEX16[g[i]!];
  return s;
}

export function formatIpv4(b: Uint8Array, off = 0): string {
  return `${b[off]}.${b[off + 1]}.${b[off + 2]}.${b[off + 3]}`;
}

/** Parse dotted-quad IPv4 (no leading zeros) into `out` at `off`; false if it is not one. */
export function parseIpv4Into(s: string, out: Uint8Array, off = 0): boolean {
  const n = s.length;
  if (n < 7 || n > 15) return false;
  let part = 0;
  let v = 0;
  let digits = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (digits === 0 || part > 3) return false;
      out[off + part++] = v;
      v = 0;
      digits = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (digits > 0 && v === 0) return false; // leading zero
      v = v * 10 + (c - 0x30);
      if (v > 255) return false;
      digits++;
    } else return false;
  }
  return part === 4;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

const v4tail = new Uint8Array(4);
const groups16b = new Uint16Array(8);

/**
 * Parse any RFC 4291 §2.2 text form (no zone index) into `out` at `off`;
 * false if invalid. A single scan without allocation: it is on the encode path.
 */
export function parseIpv6Into(s: string, out: Uint8Array, off = 0): boolean {
  const n = s.length;
  if (n < 2 || n > 45) return false;
  const groups = groups16b;
  let count = 0;
  let gap = -1; // index in groups where "::" stands
  let i = 0;
  if (s.charCodeAt(0) === 0x3a) {
    if (s.charCodeAt(1) !== 0x3a) return false;
    gap = 0;
    i = 2;
    if (i === n) {
      out.fill(0, off, off + 16);
      return true;
    }
  }
  while (i < n) {
    if (count === 8) return false;
    const groupStart = i;
    let v = 0;
    let digits = 0;
    while (i < n) {
      const d = hexDigit(s.charCodeAt(i));
      if (d < 0) break;
      v = (v << 4) | d;
      digits++;
      i++;
    }
    if (i < n && s.charCodeAt(i) === 0x2e) {
      // Embedded IPv4 in the last 32 bits.
      if (count > 6 || !parseIpv4Into(s.slice(groupStart), v4tail)) return false;
      groups[count++] = (v4tail[0]! << 8) | v4tail[1]!;
      groups[count++] = (v4tail[2]! << 8) | v4tail[3]!;
      i = n;
      break;
    }
    if (digits === 0 || digits > 4) return false;
    groups[count++] = v;
    if (i === n) break;
    if (s.charCodeAt(i) !== 0x3a) return false;
    i++;
    if (i < n && s.charCodeAt(i) === 0x3a) {
      if (gap >= 0) return false;
      gap = count;
      i++;
      if (i === n) break;
    } else if (i === n) return false; // trailing single ":"
  }
  if (gap < 0 ? count !== 8 : count > 7) return false;
  const zeros = 8 - count;
  let k = off;
  for (let g = 0; g < count; g++) {
    if (g === gap) for (let z = 0; z < zeros; z++, k += 2) out[k] = out[k + 1] = 0;
    out[k++] = groups[g]! >>> 8;
    out[k++] = groups[g]! & 0xff;
  }
  if (gap === count) for (let z = 0; z < zeros; z++, k += 2) out[k] = out[k + 1] = 0;
  return true;
}

/** Canonical RFC 5952 text of any valid IPv6 text, or undefined if invalid. */
export function canonicalIpv6(s: string): string | undefined {
  const b = new Uint8Array(16);
  return parseIpv6Into(s, b) ? formatIpv6(b) : undefined;
}
