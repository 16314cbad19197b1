import { EncodeError } from './errors.js';

const HEX_RE = /^(?:[0-9a-f]{2})*$/i;

const BYTE_HEX: string[] = [];
for (let i = 0; i < 256; i++) BYTE_HEX.push(i.toString(16).padStart(2, '0'));

/** Below this many bytes a JS loop beats the native call's fixed cost. */
const NATIVE_FROM = 48;

/** Bytes [start, end) of b as lowercase hex. */
export function hexOf(b: Uint8Array, start: number, end: number): string {
  if (end - start >= NATIVE_FROM) return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('hex');
  let s = '';
  for (let i = start; i < end; i++) s += BYTE_HEX[b[i]!];
  return s;
}

export function toHex(b: Uint8Array): string {
  return hexOf(b, 0, b.length);
}

function nibble(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** Write already-validated hex into out at off; returns bytes written. */
export function writeHexInto(s: string, out: Buffer, off: number): number {
  const n = s.length >>> 1;
  if (n >= NATIVE_FROM) return out.write(s, off, 'hex');
  for (let i = 0; i < n; i++) out[off + i] = (nibble(s.charCodeAt(2 * i)) << 4) | nibble(s.charCodeAt(2 * i + 1));
  return n;
}

/** Validate a hex string for encoding; accepts ":" separators (aa:bb:cc) for readability. */
export function cleanHex(s: unknown, path: string): string {
  if (typeof s !== 'string') throw new EncodeError(path, 'expected a hex string');
  const h = s.includes(':') ? s.replace(/:/g, '') : s;
  if (!HEX_RE.test(h)) throw new EncodeError(path, `not an even-length hex string: "${s.slice(0, 40)}"`);
  return h;
}

export function fromHex(s: string, path: string): Buffer {
  return Buffer.from(cleanHex(s, path), 'hex');
}
