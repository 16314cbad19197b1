import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import type { Codec } from '../codec.js';
import type { Option } from '../options.js';
import { EncodeError, within } from '../errors.js';
import { hexOf } from '../hex.js';
import { FILE_AT, FILE_SIZE, SNAME_AT, SNAME_SIZE, readHeader, readHeaderText, writeHeader, type Header4 } from './header.js';
import { readOptions4, scanOptions } from './option-area.js';
import { writeOptions4 } from './option-write.js';
import { END, FILE_OVERLOAD, MIN_MAX_MESSAGE, SNAME_OVERLOAD, overloadOf, spillOverload } from './overload.js';
import { MAGIC_COOKIE } from './types.js';

/**
 * A DHCPv4 (or BOOTP) message in JSON form: the BOOTP header, then either
 * the options (after the magic cookie, RFC 2131 §3) or, for plain BOOTP, the
 * vendor area as hex. What follows the end option is kept so that client
 * packets padded to 300 bytes re-encode byte for byte.
 *
 * Not byte-exact by design: an option split into several instances is
 * re-encoded whole (up to 255-byte pieces), options that overload (52)
 * carried in `file`/`sname` may land elsewhere, and compressed domain names
 * (RFC 3397) are re-encoded uncompressed.
 */
export interface Message4 extends Header4 {
  /** Options in wire order (options field, then file, then sname); a pad byte is {code: 0, name: 'pad'}. */
  options: Option[];
  /** Plain BOOTP: no magic cookie, and these bytes (hex) instead of options. */
  vendor?: string;
  /** How many zero bytes follow the end option. */
  padding?: number;
  /** The bytes after the end option when they are not all zero (hex). */
  trailer?: string;
  /** The options run to the end of the packet with no end option. */
  noEnd?: true;
}

function hasCookie(b: Uint8Array, p: number, end: number): boolean {
  return end - p >= 4 && ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0 === MAGIC_COOKIE;
}

/** [r.pos, r.end) is one message; reads all of it. */
export function readMessage4(r: Reader, codec: Codec): Message4 {
  const base = r.pos;
  const m = readHeader(r) as Message4;
  const b = r.buf;
  if (!hasCookie(b, r.pos, r.end)) {
    m.sname = readHeaderText(b, base + SNAME_AT, SNAME_SIZE);
    m.file = readHeaderText(b, base + FILE_AT, FILE_SIZE);
    m.options = [];
    m.vendor = hexOf(b, r.pos, r.end);
    r.pos = r.end;
    return m;
  }
  r.pos += 4;
  const scan = scanOptions(r, base);
  if (!(scan.overload & SNAME_OVERLOAD)) m.sname = readHeaderText(b, base + SNAME_AT, SNAME_SIZE);
  if (!(scan.overload & FILE_OVERLOAD)) m.file = readHeaderText(b, base + FILE_AT, FILE_SIZE);
  m.options = readOptions4(r, codec, scan);
  if (scan.end < 0) m.noEnd = true;
  else readTail(r, m, scan.end + 1);
  r.pos = r.end;
  return m;
}

function readTail(r: Reader, m: Message4, from: number): void {
  const b = r.buf;
  let p = from;
  while (p < r.end && b[p] === 0) p++;
  if (p === r.end) {
    if (r.end > from) m.padding = r.end - from;
  } else m.trailer = hexOf(b, from, r.end);
}

/**
 * Encode `m`. With option 52 present, `file`/`sname` (which must then be
 * empty) become option areas, and options that would take the message past
 * `maxSize` bytes move there; without it nothing is ever overloaded.
 */
export function writeMessage4(w: Writer, m: Message4, codec: Codec, path: string, maxSize = MIN_MAX_MESSAGE): void {
  try {
    writeBody(w, m, codec, maxSize);
  } catch (e) {
    within(e, path);
  }
}

/** Error paths from here on are relative to the message (".options[2]"). */
function writeBody(w: Writer, m: Message4, codec: Codec, maxSize: number): void {
  if (typeof m !== 'object' || m === null) throw new EncodeError('', 'expected a DHCPv4 message object');
  const base = writeHeader(w, m);
  if (m.vendor !== undefined) {
    if ((m.options !== undefined && m.options.length > 0) || m.padding || m.trailer || m.noEnd) {
      throw new EncodeError('.vendor', 'a BOOTP vendor area replaces the options: give no options, padding, trailer or noEnd');
    }
    w.hexChecked(m.vendor, '.vendor');
    return;
  }
  w.u32(MAGIC_COOKIE);
  const areaStart = w.pos;
  // With no option 52 written there is no overload to look for.
  const overload = writeOptions4(w, m.options, codec, '.options') ? overloadOf(w.buf, areaStart, w.pos) : 0;
  if (overload) {
    if (overload & SNAME_OVERLOAD && m.sname) throw new EncodeError('.sname', 'must be empty: option overload (52) uses it for options');
    if (overload & FILE_OVERLOAD && m.file) throw new EncodeError('.file', 'must be empty: option overload (52) uses it for options');
    spillOverload(w, base, areaStart, overload, maxSize);
  }
  writeTail(w, m);
}

function writeTail(w: Writer, m: Message4): void {
  if (m.noEnd) {
    if (m.padding || m.trailer) throw new EncodeError('.noEnd', 'with no end option nothing can follow the options');
    return;
  }
  w.u8(END);
  if (m.trailer !== undefined) {
    if (m.padding) throw new EncodeError('.trailer', 'give padding or trailer, not both');
    w.hexChecked(m.trailer, '.trailer');
  } else if (m.padding !== undefined) {
    const n = m.padding;
    if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new EncodeError('.padding', `expected a byte count, got ${JSON.stringify(n)}`);
    w.zeros(n);
  }
}

/** The message type (option 53) by name, or its number when unnamed; undefined without one. */
export function messageType4(m: Message4): string | number | undefined {
  for (const o of m.options) if (o.code === 53) return o.value as string | number | undefined;
  return undefined;
}
