import type { TransactionRecord } from '../types.js';

/**
 * The form records cross to the event worker in: one ArrayBuffer per batch,
 * transferred (not copied) and handed back for reuse, holding each record's
 * small fields and its messages' wire bytes. Structured clone of the fields
 * as objects cost ~1.5 µs per record on the sending thread; writing them as
 * bytes costs a fraction of that, and no JSON and no walk of the decoded
 * messages happens on the DHCP thread.
 *
 * Per record: at, micros, subnet (f64; NaN = none); type, reply, drop, duid,
 * hwaddr, source, iface (strings); ids (u8 count, key/value strings); granted,
 * status (u16 count, strings); request, response (u32 length, bytes).
 * A string is a u16 length then latin1 bytes (0xffff: none; bit 15: utf-8).
 * A message length of NONE is an absent message, OBJECT one that travels
 * decoded beside the buffer (callers without wire bytes: tests, benchmarks).
 */

const NONE = 0xffffffff;
const OBJECT = 0xfffffffe;
const NO_STRING = 0xffff;
const UTF8 = 0x8000;
/** Strings, counts and messages beyond these are cut: a record is never the DHCP thread's problem. */
const MAX_STRING = 10_000; // 3 bytes a char in utf-8 still fits 15 bits
const MAX_ITEMS = 255;

/** Bytes per batch buffer; a record needing more gets a buffer of its own size, up to MAX_BYTES. */
export const BATCH_BYTES = 64 * 1024;
const MAX_BYTES = 1024 * 1024;

export interface Batch {
  bytes: ArrayBuffer;
  used: number;
  count: number;
  /** Decoded messages of records published without wire bytes, in order. */
  objects?: unknown[];
}

class Full extends Error {}
const full = new Full();

export class BatchWriter {
  private buf: Buffer;
  private off = 0;
  private n = 0;
  private objects: unknown[] | undefined;
  /** Buffers the worker handed back, reused so a batch allocates nothing. */
  private readonly spare: ArrayBuffer[] = [];

  constructor(private readonly includeMessages: boolean) {
    this.buf = Buffer.from(new ArrayBuffer(BATCH_BYTES));
  }

  get count(): number {
    return this.n;
  }

  /** A buffer back from the worker (bounded: a few are enough). */
  recycle(b: ArrayBuffer): void {
    if (b.byteLength === BATCH_BYTES && this.spare.length < 8) this.spare.push(b);
  }

  /** False when the record does not fit: take() the batch and add again. Throws only for a record over 1 MiB. */
  add(r: TransactionRecord, req: Uint8Array | undefined, res: Uint8Array | undefined): boolean {
    const start = this.off;
    const objects = this.objects?.length ?? 0;
    try {
      this.write(r, req, res);
      this.n++;
      return true;
    } catch (e) {
      if (!(e instanceof Full)) throw e;
      this.off = start;
      if (this.objects) this.objects.length = objects;
      if (this.n > 0) return false;
      // Alone and still too big: a buffer of its own.
      const need = Math.min(MAX_BYTES, this.buf.length * 4);
      if (need <= this.buf.length) throw new RangeError('transaction record over 1 MiB');
      this.buf = Buffer.from(new ArrayBuffer(need));
      return this.add(r, req, res);
    }
  }

  /** The batch so far (its buffer to be transferred), and a fresh one started. */
  take(): Batch {
    const b: Batch = { bytes: this.buf.buffer as ArrayBuffer, used: this.off, count: this.n };
    if (this.objects) b.objects = this.objects;
    this.buf = Buffer.from(this.spare.pop() ?? new ArrayBuffer(BATCH_BYTES));
    this.off = 0;
    this.n = 0;
    this.objects = undefined;
    return b;
  }

  private write(r: TransactionRecord, req: Uint8Array | undefined, res: Uint8Array | undefined): void {
    this.f64(r.at);
    this.f64(r.micros);
    this.f64(r.subnet ?? NaN);
    this.str(r.type);
    this.str(r.reply);
    this.str(r.drop);
    this.str(r.duid);
    this.str(r.hwaddr);
    this.str(r.source);
    this.str(r.iface);
    // The count goes first: leave its byte, fill it in after the pairs.
    this.room(1);
    const count = this.off++;
    let nIds = 0;
    for (const k in r.ids) {
      if (nIds === MAX_ITEMS) break;
      this.str(k);
      this.str(r.ids[k]);
      nIds++;
    }
    this.buf[count] = nIds;
    this.list(r.granted);
    this.list(r.status);
    // Bytes only where the record has a message: a request that failed to decode stays absent.
    this.message(this.includeMessages ? r.request : undefined, req);
    this.message(this.includeMessages ? r.response : undefined, res);
  }

  private message(decoded: unknown, wire: Uint8Array | undefined): void {
    if (decoded === undefined) return this.u32(NONE);
    if (!wire) {
      this.u32(OBJECT);
      (this.objects ??= []).push(decoded);
      return;
    }
    this.room(4 + wire.length);
    this.u32(wire.length);
    this.buf.set(wire, this.off);
    this.off += wire.length;
  }

  private list(v: readonly string[]): void {
    const n = Math.min(v.length, MAX_ITEMS);
    this.u8(n);
    for (let i = 0; i < n; i++) this.str(v[i]);
  }

  private str(s: string | undefined): void {
    if (s === undefined) return this.u16(NO_STRING);
    const n = Math.min(s.length, MAX_STRING);
    this.room(2 + 3 * n);
    const buf = this.buf;
    const at = this.off + 2;
    if (n > 24) {
      // Native: one call, then memcpy (ASCII or latin1 texts come out byte for byte).
      const len = buf.write(s.length > n ? s.slice(0, n) : s, at, 'utf8');
      this.u16(len === n ? n : UTF8 | len);
      this.off += len;
      return;
    }
    // A JS loop beats a native call for short strings.
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0xff) {
        const len = buf.write(s.slice(0, n), at, 'utf8');
        this.u16(UTF8 | len);
        this.off += len;
        return;
      }
      buf[at + i] = c;
    }
    this.u16(n);
    this.off += n;
  }

  private room(n: number): void {
    if (this.off + n > this.buf.length) throw full;
  }

  private u8(v: number): void {
    this.room(1);
    this.buf[this.off++] = v;
  }

  private u16(v: number): void {
    this.room(2);
    this.buf[this.off++] = v & 0xff;
    this.buf[this.off++] = v >>> 8;
  }

  private u32(v: number): void {
    this.room(4);
    this.buf.writeUInt32LE(v, this.off);
    this.off += 4;
  }

  private f64(v: number): void {
    this.room(8);
    this.buf.writeDoubleLE(v, this.off);
    this.off += 8;
  }
}

/**
 * A record as the worker queues it: the messages still as bytes, in strings
 * of one char per byte (latin1). A string is allocated at its exact size, so a
 * record kept in a sink's queue does not pin its batch buffer.
 */
export interface WireRecord extends TransactionRecord {
  wire?: [string | undefined, string | undefined];
}

/** Worker side: a batch back into records. The buffer is not referenced afterwards. */
export function readBatch(b: Batch): WireRecord[] {
  const buf = Buffer.from(b.bytes, 0, b.used);
  let off = 0;
  let obj = 0;
  const f64 = (): number => {
    const v = buf.readDoubleLE(off);
    off += 8;
    return v;
  };
  const u8 = (): number => buf[off++]!;
  const str = (): string | undefined => {
    const n = buf[off]! | (buf[off + 1]! << 8);
    off += 2;
    if (n === NO_STRING) return undefined;
    const len = n & ~UTF8;
    const s = buf.toString(n & UTF8 ? 'utf8' : 'latin1', off, off + len);
    off += len;
    return s;
  };
  const list = (): string[] => {
    const n = u8();
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(str()!);
    return out;
  };
  const message = (r: WireRecord, which: 0 | 1): void => {
    const len = buf.readUInt32LE(off);
    off += 4;
    if (len === NONE) return;
    if (len === OBJECT) {
      const v = b.objects?.[obj++];
      if (which === 0) r.request = v;
      else r.response = v;
      return;
    }
    r.wire ??= [undefined, undefined];
    r.wire[which] = buf.toString('latin1', off, off + len);
    off += len;
  };
  const out: WireRecord[] = [];
  for (let i = 0; i < b.count; i++) {
    const at = f64();
    const micros = f64();
    const subnet = f64();
    const type = str()!;
    const reply = str();
    const drop = str();
    const duid = str();
    const hwaddr = str();
    const source = str()!;
    const iface = str();
    const ids: Record<string, string> = {};
    for (let k = u8(); k > 0; k--) {
      const key = str()!;
      ids[key] = str()!;
    }
    const r: WireRecord = { at, micros, type, ids, source, granted: list(), status: list() };
    if (reply !== undefined) r.reply = reply;
    if (drop !== undefined) r.drop = drop;
    if (duid !== undefined) r.duid = duid;
    if (hwaddr !== undefined) r.hwaddr = hwaddr;
    if (!Number.isNaN(subnet)) r.subnet = subnet;
    if (iface !== undefined) r.iface = iface;
    message(r, 0);
    message(r, 1);
    out.push(r);
  }
  return out;
}
