import { Buffer } from 'node:buffer'; // the global Buffer is a getter, costly on hot paths
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { EncodeError } from '../errors.js';
import { formatIpv4, parseIpv4Into } from '../address.js';
import { cleanHex, hexOf, writeHexInto } from '../hex.js';
import { OPS, OP_CODES } from './types.js';
import { asciiText } from '../text.js';

/**
 * The fixed BOOTP header (RFC 2131 §2, after RFC 951):
 *
 *    0 op | 1 htype | 2 hlen | 3 hops | 4 xid (4) | 8 secs (2) | 10 flags (2)
 *   12 ciaddr | 16 yiaddr | 20 siaddr | 24 giaddr | 28 chaddr (16)
 *   44 sname (64) | 108 file (128) | 236 options (or the BOOTP vendor area)
 */
export const HEADER_SIZE = 236;
export const CHADDR_AT = 28;
export const SNAME_AT = 44;
export const SNAME_SIZE = 64;
export const FILE_AT = 108;
export const FILE_SIZE = 128;
const BROADCAST = 0x8000;

/** sname and file: the text up to the first NUL, or {hex} (trailing zeros dropped) when text would lose bytes. */
export type HeaderText = string | { hex: string };

export interface Header4 {
  /** 'BOOTREQUEST', 'BOOTREPLY', or the number for any other value. */
  op: string | number;
  htype: number;
  hlen: number;
  hops: number;
  xid: number;
  secs: number;
  /** The B flag (RFC 2131 §2, figure 2): reply by broadcast. */
  broadcast: boolean;
  /** The other 15 flag bits, which must be zero; present only when some are set. */
  reservedFlags?: number;
  ciaddr: string;
  yiaddr: string;
  siaddr: string;
  giaddr: string;
  /** The first hlen (at most 16) bytes as hex, longer when non-zero bytes follow them. */
  chaddr: string;
  /** Absent when option overload (52) uses the field for options. */
  sname?: HeaderText;
  file?: HeaderText;
}

const FIELDS: readonly [string, number, number][] = [
  ['op', 0, 1],
  ['htype', 1, 1],
  ['hlen', 2, 1],
  ['hops', 3, 1],
  ['xid', 4, 4],
  ['secs', 8, 2],
  ['flags', 10, 2],
  ['ciaddr', 12, 4],
  ['yiaddr', 16, 4],
  ['siaddr', 20, 4],
  ['giaddr', 24, 4],
  ['chaddr', 28, 16],
  ['sname', 44, 64],
  ['file', 108, 128],
];

/** Name the first header field a short packet cuts, at its offset. */
function failShort(r: Reader, base: number): never {
  const have = r.end - base;
  for (const [name, at, size] of FIELDS) {
    if (at + size > have) r.fail(`truncated ${name}: need ${size} bytes, have ${have - at}`, base + at);
  }
  return r.fail('truncated BOOTP header');
}

function readChaddr(b: Uint8Array, at: number, hlen: number): string {
  let n = hlen < 16 ? hlen : 16;
  for (let i = 15; i >= n; i--) {
    if (b[at + i] !== 0) {
      n = i + 1;
      break;
    }
  }
  return hexOf(b, at, at + n);
}

/** Op through chaddr (sname and file wait until we know whether they carry options); leaves r after the header. */
export function readHeader(r: Reader): Header4 {
  const base = r.pos;
  if (r.end - base < HEADER_SIZE) failShort(r, base);
  const b = r.buf;
  const op = b[base]!;
  const hlen = b[base + 2]!;
  const flags = (b[base + 10]! << 8) | b[base + 11]!;
  const h: Header4 = {
    op: OPS[op] ?? op,
    htype: b[base + 1]!,
    hlen,
    hops: b[base + 3]!,
    xid: ((b[base + 4]! << 24) >>> 0) + ((b[base + 5]! << 16) | (b[base + 6]! << 8) | b[base + 7]!),
    secs: (b[base + 8]! << 8) | b[base + 9]!,
    broadcast: (flags & BROADCAST) !== 0,
    ciaddr: formatIpv4(b, base + 12),
    yiaddr: formatIpv4(b, base + 16),
    siaddr: formatIpv4(b, base + 20),
    giaddr: formatIpv4(b, base + 24),
    chaddr: readChaddr(b, base + CHADDR_AT, hlen),
  };
  if (flags & ~BROADCAST) h.reservedFlags = flags & ~BROADCAST;
  r.pos = base + HEADER_SIZE;
  return h;
}

// ignoreBOM: a leading U+FEFF is data here, and dropping it would lose bytes.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** sname or file as text when the bytes after the first NUL are all zero and the rest is UTF-8. */
export function readHeaderText(b: Uint8Array, at: number, size: number): HeaderText {
  const end = at + size;
  let nul = at;
  while (nul < end && b[nul] !== 0) nul++;
  let last = end;
  while (last > nul && b[last - 1] === 0) last--;
  if (last === nul) {
    if (nul === at) return '';
    const ascii = asciiText(b, at, nul);
    if (ascii !== undefined) return ascii;
    try {
      return utf8.decode(b.subarray(at, nul));
    } catch {
      // not UTF-8: fall through to hex
    }
  }
  return { hex: hexOf(b, at, last) };
}

// Error paths are relative (".xid"): the message puts its own path in front.

function uint(v: unknown, max: number, field: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) {
    throw new EncodeError(field, `expected an integer 0..${max}, got ${JSON.stringify(v)}`);
  }
  return v;
}

function opCode(v: unknown): number {
  if (typeof v === 'string') {
    const c = OP_CODES.get(v);
    if (c === undefined) throw new EncodeError('.op', `expected BOOTREQUEST, BOOTREPLY or a number, got "${v}"`);
    return c;
  }
  return uint(v, 0xff, '.op');
}

function writeAddress(b: Buffer, at: number, v: unknown, field: string): void {
  if (typeof v !== 'string' || !parseIpv4Into(v, b, at)) throw new EncodeError(field, `not an IPv4 address: ${JSON.stringify(v)}`);
}

/** Into zeroed bytes: text must not hold a NUL (it would end the text early) and must fit. */
function writeHeaderText(b: Buffer, at: number, size: number, v: unknown, field: string): void {
  if (v === undefined || v === '') return;
  if (typeof v === 'string') {
    if (v.includes('\0')) throw new EncodeError(field, 'text holds a NUL: give the bytes as {hex}');
    if (Buffer.byteLength(v) > size) throw new EncodeError(field, `longer than ${size} bytes`);
    b.write(v, at, 'utf8');
    return;
  }
  const hex = typeof v === 'object' && v !== null ? (v as { hex?: unknown }).hex : undefined;
  if (hex === undefined) throw new EncodeError(field, 'expected a string or {hex}');
  const h = cleanHex(hex, `${field}.hex`);
  if (h.length > size * 2) throw new EncodeError(`${field}.hex`, `longer than ${size} bytes`);
  writeHexInto(h, b, at);
}

/** Write the 236 header bytes; returns where the message starts. */
export function writeHeader(w: Writer, h: Header4): number {
  const base = w.pos;
  w.zeros(HEADER_SIZE);
  const b = w.buf;
  b[base] = opCode(h.op);
  b[base + 1] = uint(h.htype, 0xff, '.htype');
  b[base + 2] = uint(h.hlen, 0xff, '.hlen');
  b[base + 3] = uint(h.hops, 0xff, '.hops');
  b.writeUInt32BE(uint(h.xid, 0xffffffff, '.xid'), base + 4);
  b.writeUInt16BE(uint(h.secs, 0xffff, '.secs'), base + 8);
  if (typeof h.broadcast !== 'boolean') throw new EncodeError('.broadcast', 'expected true or false');
  const reserved = h.reservedFlags === undefined ? 0 : uint(h.reservedFlags, 0x7fff, '.reservedFlags');
  b.writeUInt16BE((h.broadcast ? BROADCAST : 0) | reserved, base + 10);
  writeAddress(b, base + 12, h.ciaddr, '.ciaddr');
  writeAddress(b, base + 16, h.yiaddr, '.yiaddr');
  writeAddress(b, base + 20, h.siaddr, '.siaddr');
  writeAddress(b, base + 24, h.giaddr, '.giaddr');
  const chaddr = cleanHex(h.chaddr, '.chaddr');
  if (chaddr.length > 32) throw new EncodeError('.chaddr', 'longer than 16 bytes');
  writeHexInto(chaddr, b, base + CHADDR_AT);
  writeHeaderText(b, base + SNAME_AT, SNAME_SIZE, h.sname, '.sname');
  writeHeaderText(b, base + FILE_AT, FILE_SIZE, h.file, '.file');
  return base;
}
