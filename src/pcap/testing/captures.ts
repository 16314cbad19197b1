/**
 * Capture-file builders for tests: classic pcap in either byte order and unit,
 * and pcapng blocks. Small and explicit so a test shows exactly which bytes it feeds.
 */

export interface ClassicRecord {
  data: Uint8Array;
  seconds: number;
  /** Microseconds, or nanoseconds when the file is `nanos`. */
  fraction: number;
  originalLength?: number;
}

export interface ClassicOptions {
  littleEndian?: boolean;
  nanos?: boolean;
  linkType?: number;
  version?: [number, number];
}

export function classicPcap(records: readonly ClassicRecord[], o: ClassicOptions = {}): Buffer {
  const le = o.littleEndian ?? true;
  const head = Buffer.alloc(24);
  const u32 = (b: Buffer, v: number, at: number) => (le ? b.writeUInt32LE(v, at) : b.writeUInt32BE(v, at));
  const u16 = (b: Buffer, v: number, at: number) => (le ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at));
  u32(head, o.nanos ? 0xa1b23c4d : 0xa1b2c3d4, 0);
  u16(head, o.version?.[0] ?? 2, 4);
  u16(head, o.version?.[1] ?? 4, 6);
  u32(head, 65535, 16);
  u32(head, o.linkType ?? 1, 20);
  const parts: Buffer[] = [head];
  for (const r of records) {
    const h = Buffer.alloc(16);
    u32(h, r.seconds, 0);
    u32(h, r.fraction, 4);
    u32(h, r.data.length, 8);
    u32(h, r.originalLength ?? r.data.length, 12);
    parts.push(h, Buffer.from(r.data));
  }
  return Buffer.concat(parts);
}

/** One pcapng block: type, total length, body padded to 4 bytes, total length. */
export function block(type: number, body: Uint8Array, le = true): Buffer {
  const padded = (body.length + 3) & ~3;
  const total = 12 + padded;
  const b = Buffer.alloc(total);
  const u32 = (v: number, at: number) => (le ? b.writeUInt32LE(v, at) : b.writeUInt32BE(v, at));
  u32(type, 0);
  u32(total, 4);
  b.set(body, 8);
  u32(total, total - 4);
  return b;
}

function words(le: boolean, ...fields: [number, 2 | 4 | 8][]): Buffer {
  const b = Buffer.alloc(fields.reduce((n, [, s]) => n + s, 0));
  let at = 0;
  for (const [v, size] of fields) {
    if (size === 2) {
      if (le) b.writeUInt16LE(v, at);
      else b.writeUInt16BE(v, at);
    } else if (size === 4) {
      if (le) b.writeUInt32LE(v >>> 0, at);
      else b.writeUInt32BE(v >>> 0, at);
    } else if (le) b.writeBigInt64LE(BigInt(v), at);
    else b.writeBigInt64BE(BigInt(v), at);
    at += size;
  }
  return b;
}

/** One pcapng option: code, length, value padded to 4 bytes. */
function option(le: boolean, code: number, value: Uint8Array): Buffer {
  const pad = Buffer.alloc(((value.length + 3) & ~3) - value.length);
  return Buffer.concat([words(le, [code, 2], [value.length, 2]), Buffer.from(value), pad]);
}

export function shb(le = true, version: [number, number] = [1, 0]): Buffer {
  return block(0x0a0d0d0a, words(le, [0x1a2b3c4d, 4], [version[0], 2], [version[1], 2], [-1, 8]), le);
}

export interface InterfaceOptions {
  snapLen?: number;
  tsresol?: number;
  tsoffsetSeconds?: number;
}

export function idb(linkType: number, o: InterfaceOptions = {}, le = true): Buffer {
  const opts: Buffer[] = [];
  if (o.tsresol !== undefined) opts.push(option(le, 9, Uint8Array.of(o.tsresol)));
  if (o.tsoffsetSeconds !== undefined) opts.push(option(le, 14, words(le, [o.tsoffsetSeconds, 8])));
  if (opts.length) opts.push(option(le, 0, new Uint8Array(0)));
  return block(1, Buffer.concat([words(le, [linkType, 2], [0, 2], [o.snapLen ?? 0, 4]), ...opts]), le);
}

/** Enhanced Packet Block; `units` is the timestamp in the interface's resolution. */
export function epb(interfaceId: number, units: bigint, data: Uint8Array, le = true, originalLength = data.length): Buffer {
  const hi = Number(units >> 32n);
  const lo = Number(units & 0xffffffffn);
  return block(6, Buffer.concat([words(le, [interfaceId, 4], [hi, 4], [lo, 4], [data.length, 4], [originalLength, 4]), Buffer.from(data)]), le);
}

/** Obsolete Packet Block: a 16-bit interface id and a drops counter where EPB has a 32-bit id. */
export function opb(interfaceId: number, units: bigint, data: Uint8Array, le = true): Buffer {
  const hi = Number(units >> 32n);
  const lo = Number(units & 0xffffffffn);
  return block(2, Buffer.concat([words(le, [interfaceId, 2], [0, 2], [hi, 4], [lo, 4], [data.length, 4], [data.length, 4]), Buffer.from(data)]), le);
}

export function spb(data: Uint8Array, le = true, originalLength = data.length): Buffer {
  return block(3, Buffer.concat([words(le, [originalLength, 4]), Buffer.from(data)]), le);
}
