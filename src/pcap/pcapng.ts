import { CaptureError, type CapturedPacket, type ReadOptions } from './types.js';

/**
 * pcapng files (draft-ietf-opsawg-pcapng): blocks of type, total length, body,
 * total length again. A Section Header Block sets the byte order and starts a
 * fresh list of interfaces; Interface Description Blocks give each interface's
 * link type and timestamp unit; packets come in Enhanced, Simple and
 * (obsolete) Packet Blocks. Other blocks are skipped.
 */

const SHB = 0x0a0d0d0a;
const IDB = 1;
const OPB = 2;
const SPB = 3;
const EPB = 6;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const MIN_SHB = 28;
const OPT_IF_TSRESOL = 9;
const OPT_IF_TSOFFSET = 14;

interface Interface {
  linkType: number;
  /** 0: no limit. */
  snapLen: number;
  /** Timestamp units to ns: units * mul / div + offsetNs. */
  mul: bigint;
  div: bigint;
  offsetNs: bigint;
}

/** A block's place in the file, or why it cannot be framed. */
type Frame = { type: number; total: number; le: boolean } | string;

export function isPcapng(buf: Uint8Array, at = 0): boolean {
  return buf.length >= at + 4 && buf[at] === 0x0a && buf[at + 1] === 0x0d && buf[at + 2] === 0x0d && buf[at + 3] === 0x0a;
}

/** Checks the first section header now (throwing CaptureError), then yields packets lazily. */
export function readPcapng(buf: Uint8Array, opts: ReadOptions = {}): Generator<CapturedPacket> {
  if (!isPcapng(buf)) throw new CaptureError('not a pcapng file');
  if (buf.length < MIN_SHB) throw new CaptureError(`pcapng section header is truncated: ${buf.length} of ${MIN_SHB} bytes`);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const first = frame(buf, dv, 0, true);
  if (typeof first === 'string') throw new CaptureError(first);
  return blocks(buf, dv, opts);
}

/** Frames the block at `pos`; a section header also sets the byte order and must be version 1. */
function frame(buf: Uint8Array, dv: DataView, pos: number, le: boolean): Frame {
  if (buf.length - pos < 12) return `block header is truncated: ${buf.length - pos} of 12 bytes`;
  const shb = isPcapng(buf, pos);
  if (shb) {
    const bom = dv.getUint32(pos + 8, true);
    if (bom !== BYTE_ORDER_MAGIC && bom !== 0x4d3c2b1a) return `section header has a bad byte-order magic 0x${bom.toString(16)}`;
    le = bom === BYTE_ORDER_MAGIC;
  }
  const type = dv.getUint32(pos, le);
  const total = dv.getUint32(pos + 4, le);
  const what = shb ? 'section header block' : `block of type 0x${type.toString(16)}`;
  if (total < 12 || total % 4 !== 0 || (shb && total < MIN_SHB)) return `${what} has a bad length ${total}`;
  if (total > buf.length - pos) return `${what} is truncated: ${buf.length - pos} of ${total} bytes`;
  if (dv.getUint32(pos + total - 4, le) !== total) return `${what}'s trailing length does not match ${total}`;
  if (shb && dv.getUint16(pos + 12, le) !== 1) return `unsupported pcapng version ${dv.getUint16(pos + 12, le)}.${dv.getUint16(pos + 14, le)} (expected 1.x)`;
  return { type, total, le };
}

function* blocks(buf: Uint8Array, dv: DataView, opts: ReadOptions): Generator<CapturedPacket> {
  let le = true;
  let interfaces: Interface[] = [];
  let index = 0;
  let pos = 0;
  while (pos < buf.length) {
    const f = frame(buf, dv, pos, le);
    if (typeof f === 'string') {
      opts.onProblem?.({ offset: pos, reason: f });
      return; // without a sound length there is no next block to find
    }
    const body = pos + 8;
    const end = pos + f.total - 4;
    if (f.type === SHB) {
      le = f.le;
      interfaces = [];
    } else if (f.type === IDB) {
      const iface = readInterface(dv, body, end, le);
      if (iface) interfaces.push(iface);
      else opts.onProblem?.({ offset: pos, reason: 'interface description block is too short' });
    } else if (f.type === EPB || f.type === OPB || f.type === SPB) {
      index++;
      const r = f.type === SPB ? readSimple(buf, dv, body, end, le, interfaces, index) : readEnhanced(buf, dv, body, end, le, interfaces, index, f.type === OPB);
      if (typeof r === 'string') opts.onProblem?.({ offset: pos, reason: r });
      else yield r;
    }
    pos += f.total;
  }
}

function readInterface(dv: DataView, body: number, end: number, le: boolean): Interface | undefined {
  if (end - body < 8) return undefined;
  const iface: Interface = { linkType: dv.getUint16(body, le), snapLen: dv.getUint32(body + 4, le), mul: 1000n, div: 1n, offsetNs: 0n };
  let p = body + 8;
  while (p + 4 <= end) {
    const code = dv.getUint16(p, le);
    const len = dv.getUint16(p + 2, le);
    const value = p + 4;
    if (code === 0 || value + len > end) break;
    if (code === OPT_IF_TSRESOL && len >= 1) Object.assign(iface, resolution(dv.getUint8(value)));
    if (code === OPT_IF_TSOFFSET && len >= 8) iface.offsetNs = dv.getBigInt64(value, le) * 1_000_000_000n;
    p = value + ((len + 3) & ~3);
  }
  return iface;
}

/** if_tsresol: the high bit picks base 2, else base 10; the rest is the negative exponent. */
function resolution(v: number): { mul: bigint; div: bigint } {
  const n = v & 0x7f;
  if (v & 0x80) return { mul: 1_000_000_000n, div: 1n << BigInt(n) };
  return n <= 9 ? { mul: 10n ** BigInt(9 - n), div: 1n } : { mul: 1n, div: 10n ** BigInt(n - 9) };
}

/** EPB, and OPB whose only difference is a 16-bit interface id followed by a drops counter. */
function readEnhanced(
  buf: Uint8Array,
  dv: DataView,
  body: number,
  end: number,
  le: boolean,
  interfaces: Interface[],
  index: number,
  obsolete: boolean,
): CapturedPacket | string {
  if (end - body < 20) return `packet ${index}: block is too short`;
  const ifId = obsolete ? dv.getUint16(body, le) : dv.getUint32(body, le);
  const iface = interfaces[ifId];
  if (!iface) return `packet ${index}: interface ${ifId} is not described (the section has ${interfaces.length})`;
  const capLen = dv.getUint32(body + 12, le);
  const start = body + 20;
  if (capLen > end - start) return `packet ${index}: captured length ${capLen} runs past its block`;
  const units = (BigInt(dv.getUint32(body + 4, le)) << 32n) | BigInt(dv.getUint32(body + 8, le));
  const scaled = iface.div === 1n ? units * iface.mul : (units * iface.mul) / iface.div;
  return {
    index,
    timestampNs: scaled + iface.offsetNs,
    linkType: iface.linkType,
    data: buf.subarray(start, start + capLen),
    originalLength: dv.getUint32(body + 16, le),
  };
}

/** SPB: interface 0, no timestamp; the captured length is implied by the block and the snap length. */
function readSimple(buf: Uint8Array, dv: DataView, body: number, end: number, le: boolean, interfaces: Interface[], index: number): CapturedPacket | string {
  const iface = interfaces[0];
  if (!iface) return `packet ${index}: simple packet block before any interface description`;
  if (end - body < 4) return `packet ${index}: block is too short`;
  const origLen = dv.getUint32(body, le);
  const start = body + 4;
  let capLen = Math.min(origLen, end - start);
  if (iface.snapLen > 0) capLen = Math.min(capLen, iface.snapLen);
  return { index, timestampNs: undefined, linkType: iface.linkType, data: buf.subarray(start, start + capLen), originalLength: origLen };
}
