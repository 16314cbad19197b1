import { Buffer } from 'node:buffer'; // the global Buffer is a getter, costly on hot paths
import { EncodeError } from './errors.js';
import { HIGH_CODE, LOW_CODE, codeArray, fromCodes } from './text.js';

const BYTE_HEX: string[] = [];
for (let i = 0; i < 256; i++) BYTE_HEX.push(i.toString(16).padStart(2, '0'));

/** Hex digit value by character code (below 128), -1 for anything else. */
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[0x30 + i] = i;
for (let i = 0; i < 6; i++) NIBBLE[0x61 + i] = NIBBLE[0x41 + i] = 10 + i;

/** From this many bytes the native call's fixed cost pays off. */
const NATIVE_FROM = 48;

/** Bytes [start, end) of b as lowercase hex, as one flat string. */
export function hexOf(b: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 1) return n === 1 ? BYTE_HEX[b[start]!]! : '';
  if (n >= NATIVE_FROM) return Buffer.from(b.buffer, b.byteOffset + start, n).toString('hex');
  const a = codeArray(2 * n);
  for (let i = 0; i < n; i++) {
    const x = b[start + i]!;
    a[2 * i] = HIGH_CODE[x]!;
    a[2 * i + 1] = LOW_CODE[x]!;
  }
  return fromCodes(a);
}

export function toHex(b: Uint8Array): string {
  return hexOf(b, 0, b.length);
}

/** Write already-validated hex into out at off; returns bytes written. */
export function writeHexInto(s: string, out: Buffer, off: number): number {
  const n = s.length >>> 1;
  if (n >= NATIVE_FROM) return out.write(s, off, 'hex');
  for (let i = 0; i < n; i++) out[off + i] = (NIBBLE[s.charCodeAt(2 * i)]! << 4) | NIBBLE[s.charCodeAt(2 * i + 1)]!;
  return n;
}

/** decodeHexInto's failures. */
export const NOT_HEX = -1;
export const ODD_HEX = -2;

/**
 * Decode hex s into out from off, skipping ":" between bytes (aa:bb).
 * Returns the bytes written, NOT_HEX or ODD_HEX (whichever a left-to-right
 * scan meets first). The caller makes room for s.length / 2 bytes.
 */
export function decodeHexInto(s: string, out: Uint8Array, off: number): number {
  const len = s.length;
  let p = off;
  let i = 0;
  while (i < len) {
    const c = s.charCodeAt(i);
    if (c === 0x3a) {
      i++;
      continue;
    }
    const hi = c < 128 ? NIBBLE[c]! : -1;
    if (hi < 0) return NOT_HEX;
    if (i + 1 === len) return ODD_HEX;
    const d = s.charCodeAt(i + 1);
    const lo = d < 128 ? NIBBLE[d]! : -1;
    if (lo < 0) return NOT_HEX;
    out[p++] = (hi << 4) | lo;
    i += 2;
  }
  return p - off;
}

/** True if s is an even-length run of hex digits (no separators). */
function plainHex(s: string): boolean {
  const len = s.length;
  if (len & 1) return false;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || NIBBLE[c]! < 0) return false;
  }
  return true;
}

/** Validate a hex string for encoding; accepts ":" separators (aa:bb:cc) for readability. */
export function cleanHex(s: unknown, path: string): string {
  if (typeof s !== 'string') throw new EncodeError(path, 'expected a hex string');
  const h = s.includes(':') ? s.replace(/:/g, '') : s;
  if (!plainHex(h)) throw new EncodeError(path, `not an even-length hex string: "${s.slice(0, 40)}"`);
  return h;
}

export function fromHex(s: string, path: string): Buffer {
  return Buffer.from(cleanHex(s, path), 'hex');
}
