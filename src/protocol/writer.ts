import { Buffer } from 'node:buffer'; // the global Buffer is a getter, costly on hot paths
import { EncodeError } from './errors.js';
import { NOT_HEX, decodeHexInto, writeHexInto } from './hex.js';

/** Largest thing we ever encode: a UDP payload (or one bulk-leasequery TCP message). */
export const MAX_ENCODED = 65535;

/**
 * Append-only byte writer over a growable buffer. Length fields are written as
 * placeholders and patched once the body is known, so nothing is encoded twice.
 */
export class Writer {
  buf: Buffer;
  pos = 0;
  /** Where the message being written starts in buf (always 0 here; see SlabWriter). */
  protected start = 0;
  private bytesView: Uint8Array;

  constructor(initial = 1500) {
    this.buf = Buffer.allocUnsafe(initial);
    this.bytesView = new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.buf.length);
  }

  reset(): void {
    this.pos = 0;
  }

  /** Make room for n more bytes at pos, for callers that fill w.buf directly. */
  reserve(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
  }

  /** Move the message to a bigger buffer, at the same offset: positions callers hold stay valid. */
  private grow(n: number): void {
    if (this.pos - this.start + n > MAX_ENCODED + 4) throw new EncodeError('message', `longer than ${MAX_ENCODED} bytes`);
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, this.start, this.start, this.pos);
    this.buf = next;
    this.bytesView = new Uint8Array(next.buffer, next.byteOffset, next.length);
  }

  u8(v: number): void {
    if (this.pos + 1 > this.buf.length) this.grow(1);
    this.buf[this.pos++] = v;
  }

  u16(v: number): void {
    if (this.pos + 2 > this.buf.length) this.grow(2);
    const p = this.pos;
    this.buf[p] = v >>> 8;
    this.buf[p + 1] = v;
    this.pos = p + 2;
  }

  u24(v: number): void {
    if (this.pos + 3 > this.buf.length) this.grow(3);
    const p = this.pos;
    this.buf[p] = v >>> 16;
    this.buf[p + 1] = v >>> 8;
    this.buf[p + 2] = v;
    this.pos = p + 3;
  }

  u32(v: number): void {
    if (this.pos + 4 > this.buf.length) this.grow(4);
    const b = this.buf;
    const p = this.pos;
    b[p] = v >>> 24;
    b[p + 1] = v >>> 16;
    b[p + 2] = v >>> 8;
    b[p + 3] = v;
    this.pos = p + 4;
  }

  bytes(src: Uint8Array): void {
    const n = src.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    const b = this.buf;
    const p = this.pos;
    if (n > 32) b.set(src, p);
    else for (let i = 0; i < n; i++) b[p + i] = src[i]!;
    this.pos = p + n;
  }

  /** A string as UTF-8; ASCII (the usual case) is copied by hand, sparing the native encoder. */
  utf8(s: string): void {
    const n = s.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    const b = this.buf;
    const p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.bytes(Buffer.from(s, 'utf8'));
        return;
      }
      b[p + i] = c;
    }
    this.pos = p + n;
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
    const written = decodeHexInto(s, this.buf, this.pos);
    if (written >= 0) this.pos += written;
    else if (written === NOT_HEX) throw new EncodeError(path, `not a hex string: "${s.slice(0, 40)}"`);
    else throw new EncodeError(path, `odd number of hex digits: "${s.slice(0, 40)}"`);
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
    const out = Buffer.allocUnsafe(this.pos - this.start);
    // A plain Uint8Array view: its subarray is cheaper than Buffer#copy's argument checks.
    out.set(this.bytesView.subarray(this.start, this.pos));
    return out;
  }
}
