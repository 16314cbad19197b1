import { EncodeError } from './errors.js';
import { writeHexInto } from './hex.js';

/** Largest thing we ever encode: a UDP payload (or one bulk-leasequery TCP message). */
export const MAX_ENCODED = 65535;

/**
 * Append-only byte writer over a growable buffer. Length fields are written as
 * placeholders and patched once the body is known, so nothing is encoded twice.
 */
export class Writer {
  buf: Buffer;
  pos = 0;

  constructor(initial = 1500) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  reset(): void {
    this.pos = 0;
  }

  private grow(n: number): void {
    const want = this.pos + n;
    if (want > MAX_ENCODED + 4) throw new EncodeError('message', `longer than ${MAX_ENCODED} bytes`);
    let size = this.buf.length * 2;
    while (size < want) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  u8(v: number): void {
    if (this.pos + 1 > this.buf.length) this.grow(1);
    this.buf[this.pos++] = v;
  }

  u16(v: number): void {
    if (this.pos + 2 > this.buf.length) this.grow(2);
    this.buf[this.pos++] = v >>> 8;
    this.buf[this.pos++] = v & 0xff;
  }

  u24(v: number): void {
    if (this.pos + 3 > this.buf.length) this.grow(3);
    this.buf[this.pos++] = (v >>> 16) & 0xff;
    this.buf[this.pos++] = (v >>> 8) & 0xff;
    this.buf[this.pos++] = v & 0xff;
  }

  u32(v: number): void {
    if (this.pos + 4 > this.buf.length) this.grow(4);
    this.buf.writeUInt32BE(v >>> 0, this.pos);
    this.pos += 4;
  }

  bytes(src: Uint8Array): void {
    const n = src.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    if (n > 32) this.buf.set(src, this.pos);
    else for (let i = 0; i < n; i++) this.buf[this.pos + i] = src[i]!;
    this.pos += n;
  }

  zeros(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
    this.buf.fill(0, this.pos, this.pos + n);
    this.pos += n;
  }

  /** Write a hex string, validating as it goes; ":" separators are allowed (aa:bb). */
  hexChecked(s: unknown, path: string): void {
    if (typeof s !== 'string') throw new EncodeError(path, 'expected a hex string');
    const n = s.length >>> 1;
    if (this.pos + n > this.buf.length) this.grow(n);
    const b = this.buf;
    const start = this.pos;
    let p = start;
    let hi = -1;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x3a && hi < 0) continue;
      const v = c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x57;
      if (v < 0 || v > 15 || (c > 0x39 && ((c | 0x20) < 0x61 || (c | 0x20) > 0x66))) {
        this.pos = start;
        throw new EncodeError(path, `not a hex string: "${s.slice(0, 40)}"`);
      }
      if (hi < 0) hi = v;
      else {
        b[p++] = (hi << 4) | v;
        hi = -1;
      }
    }
    if (hi >= 0) {
      this.pos = start;
      throw new EncodeError(path, `odd number of hex digits: "${s.slice(0, 40)}"`);
    }
    this.pos = p;
  }

  hex(s: string): void {
    const n = s.length >>> 1;
    if (this.pos + n > this.buf.length) this.grow(n);
    this.pos += writeHexInto(s, this.buf, this.pos);
  }

  /** Reserve a big-endian length field of `size` bytes; returns its position for `patchLength`. */
  placeholder(size: 1 | 2): number {
    const at = this.pos;
    if (size === 1) this.u8(0);
    else this.u16(0);
    return at;
  }

  /** Fill a placeholder with the number of bytes written since it. */
  patchLength(at: number, size: 1 | 2, what: string): void {
    const len = this.pos - at - size;
    const max = size === 1 ? 0xff : 0xffff;
    if (len > max) throw new EncodeError(what, `${len} bytes does not fit a ${size * 8}-bit length`);
    if (size === 1) this.buf[at] = len;
    else {
      this.buf[at] = len >>> 8;
      this.buf[at + 1] = len & 0xff;
    }
  }

  /** A fresh copy of what was written, safe to keep after the writer is reused. */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.pos);
    this.buf.copy(out, 0, 0, this.pos);
    return out;
  }
}
