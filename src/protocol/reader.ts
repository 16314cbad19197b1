import { Buffer } from 'node:buffer'; // the global Buffer is a getter, costly on hot paths
import { DecodeError } from './errors.js';
import { hexOf } from './hex.js';

/**
 * Bounds-checked cursor over a received buffer. Every read checks against `end`
 * (which nested structures narrow), so a lying length field can never read past
 * what its parent owns. Positions are absolute, so errors name true offsets.
 */
export class Reader {
  readonly buf: Buffer;
  pos: number;
  end: number;

  constructor(buf: Uint8Array, start = 0, end = buf.length) {
    this.buf = Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    this.pos = start;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  fail(reason: string, offset = this.pos): never {
    throw new DecodeError(offset, reason);
  }

  need(n: number, what: string): void {
    if (this.end - this.pos < n) this.fail(`truncated ${what}: need ${n} bytes, have ${this.end - this.pos}`);
  }

  u8(what = 'u8'): number {
    this.need(1, what);
    return this.buf[this.pos++]!;
  }

  u16(what = 'u16'): number {
    this.need(2, what);
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 2;
    return (b[p]! << 8) | b[p + 1]!;
  }

  u24(what = 'u24'): number {
    this.need(3, what);
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 3;
    return (b[p]! << 16) | (b[p + 1]! << 8) | b[p + 2]!;
  }

  u32(what = 'u32'): number {
    this.need(4, what);
    const b = this.buf;
    const p = this.pos;
    this.pos = p + 4;
    return ((b[p]! << 24) >>> 0) + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
  }

  /** The next n bytes as lowercase hex (no intermediate view). */
  hex(n: number, what = 'bytes'): string {
    this.need(n, what);
    const p = this.pos;
    this.pos = p + n;
    return hexOf(this.buf, p, p + n);
  }

  /** Skip n bytes, returning where they started. */
  skip(n: number, what = 'bytes'): number {
    this.need(n, what);
    const p = this.pos;
    this.pos = p + n;
    return p;
  }

  /** A view (no copy) of the next n bytes. */
  bytes(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  /** Narrow the readable window to the next n bytes; returns the previous end to restore. */
  enter(n: number, what: string): number {
    this.need(n, what);
    const saved = this.end;
    this.end = this.pos + n;
    return saved;
  }

  /** Leave a window entered with `enter`; everything in it must have been consumed. */
  leave(savedEnd: number, what: string): void {
    if (this.pos !== this.end) this.fail(`${this.end - this.pos} trailing bytes in ${what}`);
    this.end = savedEnd;
  }
}
