import { HIGH_CODE, LOW_CODE, codeArray, fromCodes } from './text.js';

/**
 * IPv6 and IPv4 addresses as text. Formatting follows RFC 5952 (lowercase, no
 * leading zeros, the longest run of two or more zero groups shortened to "::",
 * IPv4-mapped addresses in mixed notation); parsing accepts any RFC 4291 form.
 */

const HEX16: string[] = [];
for (let i = 0; i < 0x10000; i++) HEX16.push(i.toString(16));

const COLON = 0x3a;
const DOT = 0x2e;
const SLASH = 0x2f;
const DIGIT_0 = 0x30;

/** Format 16 bytes at `off` of `b` per RFC 5952. */
export function formatIpv6(b: Uint8Array, off = 0): string {
  return ipv6Text(b, off, -1);
}

/** "address/length": formatIpv6 with the prefix length appended, built as one string. */
export function formatIpv6Prefix(b: Uint8Array, off: number, length: number): string {
  return ipv6Text(b, off, length);
}

/** The text of the address at off, with "/length" when length >= 0. */
function ipv6Text(b: Uint8Array, off: number, length: number): string {
  let bestStart = -1;
  let bestLen = 1;
  let runStart = -1;
  let digits = 0;
  for (let i = 0; i < 8; i++) {
    const hi = b[off + 2 * i]! | 0; // | 0: a short buffer reads as zeros, as it always has
    const lo = b[off + 2 * i + 1]! | 0;
    digits += hi >= 0x10 ? 4 : hi !== 0 ? 3 : lo >= 0x10 ? 2 : 1;
    if ((hi | lo) === 0) {
      if (runStart < 0) runStart = i;
      if (i - runStart + 1 > bestLen) {
        bestLen = i - runStart + 1;
        bestStart = runStart;
      }
    } else runStart = -1;
  }
  if (bestStart === 0 && bestLen === 5 && b[off + 10] === 0xff && b[off + 11] === 0xff) {
    const mapped = `::ffff:${b[off + 12]}.${b[off + 13]}.${b[off + 14]}.${b[off + 15]}`;
    return length < 0 ? mapped : `${mapped}/${length}`;
  }
  // Groups [0, left) go before "::" and [right, 8) after it; with no "::" all are on the left.
  const left = bestStart < 0 ? 8 : bestStart;
  const right = bestStart < 0 ? 8 : bestStart + bestLen;
  // The text's length: digits (less the run's zeros, one each), colons, "/length".
  let n = bestStart < 0 ? digits + 7 : digits - bestLen + 2 + (left > 0 ? left - 1 : 0) + (right < 8 ? 7 - right : 0);
  if (length >= 0) n += length >= 100 ? 4 : length >= 10 ? 3 : 2;
  if (n <= 12) return joinedText(b, off, left, right, length);
  // Long enough that joining would make a rope: build it flat from character codes.
  const a = codeArray(n);
  let p = 0;
  for (let i = 0; i < 8; i++) {
    if (i === left) {
      a[p++] = COLON;
      a[p++] = COLON;
      i = right - 1;
      continue;
    }
    if (i > 0 && i !== right) a[p++] = COLON;
    const hi = b[off + 2 * i]! | 0;
    const lo = b[off + 2 * i + 1]! | 0;
    // No leading zeros (RFC 5952 §4.1).
    if (hi >= 0x10) {
      a[p++] = HIGH_CODE[hi]!;
      a[p++] = LOW_CODE[hi]!;
      a[p++] = HIGH_CODE[lo]!;
    } else if (hi !== 0) {
      a[p++] = LOW_CODE[hi]!;
      a[p++] = HIGH_CODE[lo]!;
    } else if (lo >= 0x10) a[p++] = HIGH_CODE[lo]!;
    a[p++] = LOW_CODE[lo]!;
  }
  if (length >= 0) {
    a[p++] = SLASH;
    if (length >= 100) a[p++] = DIGIT_0 + Math.floor(length / 100);
    if (length >= 10) a[p++] = DIGIT_0 + (Math.floor(length / 10) % 10);
    a[p] = DIGIT_0 + (length % 10);
  }
  return fromCodes(a);
}

/** ipv6Text for short results (12 characters at most), which joining keeps flat. */
function joinedText(b: Uint8Array, off: number, left: number, right: number, length: number): string {
  let s = '';
  for (let i = 0; i < left; i++) s += (i ? ':' : '') + HEX16[(b[off + 2 * i]! << 8) | b[off + 2 * i + 1]!];
  if (left < 8) s += '::';
  for (let i = right; i < 8; i++) s += (i > right ? ':' : '') + HEX16[(b[off + 2 * i]! << 8) | b[off + 2 * i + 1]!];
  return length < 0 ? s : s + '/' + length;
}

/** Each byte value in decimal, and its character codes. */
const DECIMAL: string[] = [];
const DECIMAL_CODES: number[][] = [];
for (let i = 0; i < 256; i++) {
  DECIMAL.push(String(i));
  DECIMAL_CODES.push(Array.from(String(i), (c) => c.charCodeAt(0)));
}

export function formatIpv4(b: Uint8Array, off = 0): string {
  // | 0: a short buffer reads as zeros rather than failing.
  const x0 = b[off]! | 0;
  const x1 = b[off + 1]! | 0;
  const x2 = b[off + 2]! | 0;
  const x3 = b[off + 3]! | 0;
  if ((x0 | x1 | x2 | x3) === 0) return '0.0.0.0'; // the usual unset header address, without building it
  const n = DECIMAL[x0]!.length + DECIMAL[x1]!.length + DECIMAL[x2]!.length + DECIMAL[x3]!.length + 3;
  if (n <= 12) return DECIMAL[x0]! + '.' + DECIMAL[x1]! + '.' + DECIMAL[x2]! + '.' + DECIMAL[x3]!;
  // Joined, 13 or more characters would make a rope: build it flat from character codes.
  const a = codeArray(n);
  let p = putDecimal(a, 0, x0);
  a[p++] = DOT;
  p = putDecimal(a, p, x1);
  a[p++] = DOT;
  p = putDecimal(a, p, x2);
  a[p++] = DOT;
  putDecimal(a, p, x3);
  return fromCodes(a);
}

function putDecimal(a: number[], p: number, v: number): number {
  const digits = DECIMAL_CODES[v]!;
  for (let i = 0; i < digits.length; i++) a[p++] = digits[i]!;
  return p;
}

/** Dotted-quad IPv4 in s[start, end) into out at off; parseIpv4Into without a slice. */
export function parseIpv4Range(s: string, start: number, end: number, out: Uint8Array, off: number): boolean {
  const n = end - start;
  if (n < 7 || n > 15) return false;
  let part = 0;
  let v = 0;
  let digits = 0;
  for (let i = start; i <= end; i++) {
    const c = i < end ? s.charCodeAt(i) : DOT;
    if (c === DOT) {
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

/** Parse dotted-quad IPv4 (no leading zeros) into `out` at `off`; false if it is not one. */
export function parseIpv4Into(s: string, out: Uint8Array, off = 0): boolean {
  return parseIpv4Range(s, 0, s.length, out, off);
}

/**
 * Parse any RFC 4291 §2.2 text form (no zone index) into `out` at `off`;
 * false if invalid (the 16 bytes at `off` are then unspecified).
 */
export function parseIpv6Into(s: string, out: Uint8Array, off = 0): boolean {
  return parseIpv6Range(s, 0, s.length, out, off);
}

/**
 * parseIpv6Into for the text s[start, end), so a prefix's address part needs
 * no slice. A single scan that writes groups straight into `out`, then slides
 * the part after "::" to the end: it is on the encode path.
 */
export function parseIpv6Range(s: string, start: number, end: number, out: Uint8Array, off: number): boolean {
  const n = end - start;
  if (n < 2 || n > 45) return false;
  let count = 0; // groups written, at out[off + 2 * count]
  let gap = -1; // index in groups where "::" stands
  let i = start;
  if (s.charCodeAt(i) === COLON) {
    if (s.charCodeAt(i + 1) !== COLON) return false;
    gap = 0;
    i += 2;
  }
  while (i < end) {
    if (count === 8) return false;
    const groupStart = i;
    let v = 0;
    let c = 0;
    while (i < end) {
      c = s.charCodeAt(i);
      let d = c - DIGIT_0;
      if (d > 9) {
        d = (c | 0x20) - 0x57; // a-f and A-F to 10-15
        if (d < 10 || d > 15) break;
      } else if (d < 0) break;
      v = (v << 4) | d;
      i++;
    }
    if (i < end && c === DOT) {
      // Embedded IPv4 in the last 32 bits.
      if (count > 6 || !parseIpv4Range(s, groupStart, end, out, off + 2 * count)) return false;
      count += 2;
      break;
    }
    const digits = i - groupStart;
    if (digits === 0 || digits > 4) return false;
    const k = off + 2 * count++;
    out[k] = v >>> 8;
    out[k + 1] = v;
    if (i === end) break;
    if (c !== COLON) return false;
    i++;
    if (i < end && s.charCodeAt(i) === COLON) {
      if (gap >= 0) return false;
      gap = count;
      i++;
    } else if (i === end) return false; // trailing single ":"
  }
  if (gap < 0) return count === 8;
  if (count > 7) return false;
  // Slide the groups after "::" to the end (last first, as they move right), then zero the gap.
  const tail = 2 * (count - gap);
  const from = off + 2 * gap;
  const to = off + 16 - tail;
  for (let j = tail - 1; j >= 0; j--) out[to + j] = out[from + j]!;
  for (let j = from; j < to; j++) out[j] = 0;
  return true;
}

/** Canonical RFC 5952 text of any valid IPv6 text, or undefined if invalid. */
export function canonicalIpv6(s: string): string | undefined {
  const b = new Uint8Array(16);
  return parseIpv6Into(s, b) ? formatIpv6(b) : undefined;
}
