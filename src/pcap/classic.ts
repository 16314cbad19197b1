import { CaptureError, type CapturedPacket, type ReadOptions } from './types.js';

/**
 * Classic libpcap files (draft-ietf-opsawg-pcap): a 24-byte file header whose
 * magic gives the byte order and the timestamp unit, then records of a 16-byte
 * header (seconds, fraction, captured length, original length) and the bytes.
 */

export const PCAP_MAGIC_US = 0xa1b2c3d4;
export const PCAP_MAGIC_NS = 0xa1b23c4d;
const FILE_HEADER = 24;
const RECORD_HEADER = 16;

/** The file's byte order and timestamp unit from its magic, or undefined if it is not classic pcap. */
export function classicMagic(buf: Uint8Array): { littleEndian: boolean; nanos: boolean } | undefined {
  if (buf.length < 4) return undefined;
  const be = ((buf[0]! << 24) | (buf[1]! << 16) | (buf[2]! << 8) | buf[3]!) >>> 0;
  const le = ((buf[3]! << 24) | (buf[2]! << 16) | (buf[1]! << 8) | buf[0]!) >>> 0;
  if (be === PCAP_MAGIC_US || be === PCAP_MAGIC_NS) return { littleEndian: false, nanos: be === PCAP_MAGIC_NS };
  if (le === PCAP_MAGIC_US || le === PCAP_MAGIC_NS) return { littleEndian: true, nanos: le === PCAP_MAGIC_NS };
  return undefined;
}

/** Checks the file header now (throwing CaptureError), then yields records lazily. */
export function readClassic(buf: Uint8Array, opts: ReadOptions = {}): Generator<CapturedPacket> {
  const magic = classicMagic(buf);
  if (!magic) throw new CaptureError('not a classic pcap file');
  if (buf.length < FILE_HEADER) throw new CaptureError(`pcap file header is truncated: ${buf.length} of ${FILE_HEADER} bytes`);
  const le = magic.littleEndian;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const major = dv.getUint16(4, le);
  const minor = dv.getUint16(6, le);
  if (major !== 2) throw new CaptureError(`unsupported pcap version ${major}.${minor} (expected 2.x)`);
  // The upper bits of this field carry FCS information, not the link type.
  const linkType = dv.getUint32(20, le) & 0xffff;
  return records(buf, dv, le, linkType, magic.nanos ? 1 : 1000, opts);
}

function* records(buf: Uint8Array, dv: DataView, le: boolean, linkType: number, fracToNs: number, opts: ReadOptions): Generator<CapturedPacket> {
  let pos = FILE_HEADER;
  let index = 0;
  while (pos < buf.length) {
    if (buf.length - pos < RECORD_HEADER) {
      opts.onProblem?.({ offset: pos, reason: `record header is truncated: ${buf.length - pos} of ${RECORD_HEADER} bytes` });
      return;
    }
    const seconds = dv.getUint32(pos, le);
    const fraction = dv.getUint32(pos + 4, le);
    const capLen = dv.getUint32(pos + 8, le);
    const origLen = dv.getUint32(pos + 12, le);
    const start = pos + RECORD_HEADER;
    index++;
    if (capLen > buf.length - start) {
      opts.onProblem?.({ offset: pos, reason: `record ${index} is truncated: ${buf.length - start} of ${capLen} bytes` });
      return;
    }
    yield {
      index,
      timestampNs: BigInt(seconds) * 1_000_000_000n + BigInt(fraction * fracToNs),
      linkType,
      data: buf.subarray(start, start + capLen),
      originalLength: origLen,
    };
    pos = start + capLen;
  }
}
