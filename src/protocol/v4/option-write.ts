import type { Writer } from '../writer.js';
import type { Codec } from '../codec.js';
import type { Option, Space } from '../options.js';
import { EncodeError, within } from '../errors.js';
import { OVERLOAD, PAD } from './overload.js';

/**
 * Encoder side of the DHCPv4 option area: code, length, body (RFC 2132 §2);
 * a pad entry is the single byte 0. A body over 255 bytes goes out as
 * consecutive instances of 255 bytes and the rest (RFC 3396), which a
 * decoder joins back into one option. Returns whether any option written
 * was option overload (52), so the caller need not look for one.
 */
export function writeOptions4(w: Writer, options: unknown, codec: Codec, path: string): boolean {
  if (!Array.isArray(options)) throw new EncodeError(path, 'expected an array of options');
  const space = codec.space('dhcp4');
  let overload = false;
  let i = 0;
  try {
    for (; i < options.length; i++) if (writeOption4(w, options[i], space, codec) === OVERLOAD) overload = true;
  } catch (e) {
    within(e, `${path}[${i}]`);
  }
  return overload;
}

/** Paths start at the option: the list puts its own in front on failure. Returns the code written. */
function writeOption4(w: Writer, v: unknown, space: Space, codec: Codec): number {
  if (typeof v !== 'object' || v === null) throw new EncodeError('', 'expected an option object');
  const o = v as Option;
  if (o.code === PAD || (o.code === undefined && o.name === 'pad')) {
    w.u8(PAD);
    return PAD;
  }
  const code = codec.resolveCode(o, space, '');
  if (!Number.isInteger(code) || code < 1 || code > 254) {
    throw new EncodeError('.code', `expected 1..254 (0 is pad, 255 is end: RFC 2132 §3.1, §3.2), got ${JSON.stringify(code)}`);
  }
  w.u8(code);
  const at = w.pos;
  w.u8(0);
  codec.writeOptionBody(w, o, code, space, '');
  const len = w.pos - at - 1;
  if (len <= 255) w.buf[at] = len;
  else splitLong(w, at, code, len);
  return code;
}

/**
 * The body of `len` bytes after the length byte at `at` becomes instances of
 * 255 bytes and a remainder, in place: grow by two bytes per extra instance,
 * then move chunks right, last first, so none is overwritten before it moves.
 */
function splitLong(w: Writer, at: number, code: number, len: number): void {
  const chunks = Math.ceil(len / 255);
  w.zeros(2 * (chunks - 1));
  const b = w.buf;
  let dst = w.pos;
  for (let i = chunks - 1; i >= 1; i--) {
    const from = at + 1 + i * 255;
    const n = i === chunks - 1 ? len - i * 255 : 255;
    dst -= n;
    b.copyWithin(dst, from, from + n);
    dst -= 2;
    b[dst] = code;
    b[dst + 1] = n;
  }
  b[at] = 255;
}
