import { Buffer } from 'node:buffer'; // the global Buffer is a getter, costly on hot paths
import { Writer } from './writer.js';

/** Slab size: Node's Buffer pool is 8 KiB; a few more messages per slab halve the slab allocations. */
const SLAB_SIZE = 16 * 1024;
/** Start a new slab when less than this is left: most messages then fit without growing. */
const MIN_ROOM = 2048;

/**
 * The codec's writer. Messages are written one after another into a slab,
 * and take() hands out a view of the bytes just written instead of a copy
 * (as Buffer.allocUnsafe hands out pieces of its pool). The next message
 * starts after every view handed out, so views stay valid; a full slab is
 * left to them and a fresh one begun.
 */
export class SlabWriter extends Writer {
  /** Where the next message may start. */
  private free = 0;
  /** The memory of `memoryOf` (the slab, or the buffer a long message grew into): reading `buf.buffer` is a runtime call. */
  private memory: ArrayBuffer;
  private memoryOf: Buffer;

  constructor() {
    super(SLAB_SIZE);
    this.memoryOf = this.buf;
    this.memory = this.buf.buffer as ArrayBuffer;
  }

  override reset(): void {
    if (this.buf.length - this.free < MIN_ROOM) {
      this.buf = Buffer.allocUnsafeSlow(SLAB_SIZE);
      this.free = 0;
    }
    this.start = this.free;
    this.pos = this.free;
  }

  override take(): Buffer {
    if (this.buf !== this.memoryOf) {
      this.memoryOf = this.buf;
      this.memory = this.buf.buffer as ArrayBuffer;
    }
    const out = Buffer.from(this.memory, this.buf.byteOffset + this.start, this.pos - this.start);
    this.free = (this.pos + 7) & ~7; // keep views 8-byte aligned, as the Buffer pool does
    return out;
  }
}
