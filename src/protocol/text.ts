/**
 * Building short ASCII strings from character codes in one step. Joining
 * pieces with `+` makes a rope once the text reaches 13 characters, and the
 * encoder (or any later read) then pays to flatten it; String.fromCharCode
 * over an array of the exact length allocates one flat string and no garbage.
 */

/** The longest text built this way (hex of up to 47 bytes, an IPv6 prefix). */
export const MAX_CODES = 96;

// One reused array per length, so apply() sees the exact number of codes.
const byLength: number[][] = [];
for (let n = 0; n <= MAX_CODES; n++) byLength.push(Array.from({ length: n }, () => 0)); // packed, not holey

/** The scratch array of length n (at most MAX_CODES) to fill with character codes. */
export function codeArray(n: number): number[] {
  return byLength[n]!;
}

/** The string of the codes in `a` (an array from codeArray). */
export function fromCodes(a: number[]): string {
  return String.fromCharCode.apply(null, a);
}

/** Character codes of each byte's two lowercase hex digits. */
export const HIGH_CODE = new Uint8Array(256);
export const LOW_CODE = new Uint8Array(256);
for (let i = 0; i < 256; i++) {
  HIGH_CODE[i] = '0123456789abcdef'.charCodeAt(i >>> 4);
  LOW_CODE[i] = '0123456789abcdef'.charCodeAt(i & 15);
}

/**
 * Bytes [start, end) of b as text when they are all ASCII (which UTF-8
 * decodes to the same characters), else undefined: most strings in options
 * are, and this spares the native UTF-8 decoder's call.
 */
export function asciiText(b: Uint8Array, start: number, end: number): string | undefined {
  const n = end - start;
  if (n > MAX_CODES) return undefined;
  const a = byLength[n]!;
  for (let i = 0; i < n; i++) {
    const c = b[start + i]!;
    if (c >= 0x80) return undefined;
    a[i] = c;
  }
  return n === 0 ? '' : fromCodes(a);
}
