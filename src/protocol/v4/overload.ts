import { Buffer } from 'node:buffer'; // the global Buffer is a getter, costly on hot paths
import type { Writer } from '../writer.js';
import { FILE_AT, FILE_SIZE, SNAME_AT, SNAME_SIZE } from './header.js';

/**
 * Option overload (RFC 2132 §9.3): option 52 says the `file` (1), `sname` (2)
 * or both (3) header fields carry options, read after the options field in
 * the order options, file, sname (RFC 3396).
 */
export const OVERLOAD = 52;
export const PAD = 0;
export const END = 255;
export const FILE_OVERLOAD = 1;
export const SNAME_OVERLOAD = 2;

/**
 * RFC 2131 §2: every client takes an options field of 312 bytes, so a
 * 548-byte DHCP message (576-byte IP datagram). Overloaded messages fill the
 * options field up to this size before spilling into file and sname.
 */
export const MIN_MAX_MESSAGE = 548;

/**
 * The overload the options in [start, end) announce: the option 52 bytes
 * there, concatenated, must be a single 1, 2 or 3; anything else is none.
 * Decoder and encoder both ask this of the options field, so they agree.
 */
export function overloadOf(b: Uint8Array, start: number, end: number): number {
  let len = 0;
  let value = 0;
  let p = start;
  while (p < end) {
    const code = b[p]!;
    if (code === PAD) {
      p++;
      continue;
    }
    if (code === END || p + 1 >= end) break;
    const n = b[p + 1]!;
    if (code === OVERLOAD) {
      if (len === 0 && n > 0) value = b[p + 2]!;
      len += n;
    }
    p += 2 + n;
  }
  return len === 1 && value >= 1 && value <= 3 ? value : 0;
}

/** An option instance's size at p in well-formed bytes. */
function sizeAt(b: Uint8Array, p: number): number {
  return b[p] === PAD ? 1 : 2 + b[p + 1]!;
}

/**
 * Encoder side. The options field is [areaStart, w.pos); the header fields
 * that `overload` names are zero. Each becomes an option area ending in END,
 * and whole option instances past a `maxSize` message move into them, file
 * first. When they would not fit (or option 52 itself would have to move)
 * nothing moves: the message is then simply longer than maxSize.
 */
export function spillOverload(w: Writer, base: number, areaStart: number, overload: number, maxSize: number): void {
  const b = w.buf;
  const areas: [number, number][] = [];
  if (overload & FILE_OVERLOAD) areas.push([base + FILE_AT, FILE_SIZE - 1]);
  if (overload & SNAME_OVERLOAD) areas.push([base + SNAME_AT, SNAME_SIZE - 1]);
  for (const [at] of areas) b[at] = END;
  const limit = base + maxSize - 1; // room for the options field's END
  if (w.pos <= limit) return;
  let cut = areaStart;
  while (cut < w.pos && cut + sizeAt(b, cut) <= limit) cut += sizeAt(b, cut);
  if (overloadOf(b, areaStart, cut) !== overload) return;
  // Plan first, so a message that cannot be made to fit is left whole.
  const plan: number[] = [];
  let area = 0;
  let used = 0;
  for (let p = cut; p < w.pos; p += sizeAt(b, p)) {
    const n = sizeAt(b, p);
    while (area < areas.length && used + n > areas[area]![1]) {
      area++;
      used = 0;
    }
    if (area === areas.length) return;
    plan.push(area, used);
    used += n;
  }
  const tail = Buffer.from(b.subarray(cut, w.pos));
  let i = 0;
  for (let p = 0; p < tail.length; p += sizeAt(tail, p), i += 2) {
    const at = areas[plan[i]!]![0] + plan[i + 1]!;
    const n = sizeAt(tail, p);
    tail.copy(b, at, p, p + n);
    b[at + n] = END;
  }
  w.pos = cut;
}
