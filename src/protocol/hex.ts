import { EncodeError } from './errors.js';

const HEX_RE = /^(?:[0-9a-f]{2})*$/i;

export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
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
