import type { Codec } from '../codec.js';
import type { Option, Space } from '../options.js';
import { Reader } from '../reader.js';
import { LimitError } from '../errors.js';
import { MAX_OPTIONS } from '../codec.js';
import { FILE_AT, FILE_SIZE, SNAME_AT, SNAME_SIZE } from './header.js';
import { END, FILE_OVERLOAD, OVERLOAD, PAD, SNAME_OVERLOAD, overloadOf } from './overload.js';

/**
 * Decoder side of the DHCPv4 option area (RFC 2132 §2, RFC 3396). A first
 * pass checks every length and lists the option instances of the options
 * field, then of `file` and `sname` if overloaded; a second decodes them.
 * RFC 3396: all instances of a code are one option, their bodies
 * concatenated, decoded where the first one stood.
 */
export interface OptionScan {
  /** [code, body start, body length] per instance; a pad is [0, its offset, 0]. */
  readonly entries: number[];
  /** Some code has more than one instance. */
  repeated: boolean;
  /** The END option of the options field, or -1 when the options run to the end. */
  end: number;
  /** 0, or which header fields carry options (RFC 2132 §9.3). */
  overload: number;
  /** Bit per code seen, for `repeated`. */
  readonly seen: number[];
}

function scanArea(r: Reader, s: OptionScan, start: number, end: number, where: string): number {
  const b = r.buf;
  const e = s.entries;
  let p = start;
  while (p < end) {
    const code = b[p]!;
    if (code === PAD) {
      e.push(PAD, p++, 0);
      continue;
    }
    if (code === END) return p;
    if (p + 1 >= end) r.fail(`truncated option ${code} in ${where}: no length byte`, p);
    const len = b[p + 1]!;
    if (p + 2 + len > end) r.fail(`option ${code} length ${len} runs past ${where} (${end - p - 2} left)`, p);
    const word = code >>> 5;
    const bit = 1 << (code & 31);
    if (s.seen[word]! & bit) s.repeated = true;
    else s.seen[word]! |= bit;
    e.push(code, p + 2, len);
    p += 2 + len;
  }
  return -1;
}

/** Scan the options field [r.pos, r.end) and the header fields option 52 lends (message at `base`). */
export function scanOptions(r: Reader, base: number): OptionScan {
  const s: OptionScan = { entries: [], repeated: false, end: -1, overload: 0, seen: [0, 0, 0, 0, 0, 0, 0, 0] };
  s.end = scanArea(r, s, r.pos, r.end, 'the options field');
  s.overload = overloadOf(r.buf, r.pos, s.end < 0 ? r.end : s.end);
  if (s.overload === 0) return s;
  const fieldEntries = s.entries.length;
  if (s.overload & FILE_OVERLOAD) scanArea(r, s, base + FILE_AT, base + FILE_AT + FILE_SIZE, 'the file field');
  if (s.overload & SNAME_OVERLOAD) scanArea(r, s, base + SNAME_AT, base + SNAME_AT + SNAME_SIZE, 'the sname field');
  for (let i = fieldEntries; i < s.entries.length; i += 3) {
    // It would change which fields hold options, so the message could not be re-encoded as decoded.
    if (s.entries[i] === OVERLOAD) r.fail('option overload (52) inside an overloaded field', s.entries[i + 1]! - 2);
  }
  return s;
}

/** Decode the scanned options, leaving r.pos where it was. */
export function readOptions4(r: Reader, codec: Codec, s: OptionScan): Option[] {
  const space = codec.space('dhcp4');
  const e = s.entries;
  const out: Option[] = [];
  const done = s.repeated ? [0, 0, 0, 0, 0, 0, 0, 0] : undefined;
  const pos = r.pos;
  for (let i = 0; i < e.length; i += 3) {
    const code = e[i]!;
    const start = e[i + 1]!;
    if (code === PAD) {
      if (++codec.optionCount > MAX_OPTIONS) throw new LimitError(start, `more than ${MAX_OPTIONS} options`);
      out.push({ code: PAD, name: 'pad' });
    } else if (done === undefined) {
      r.pos = start;
      out.push(codec.readOptionBody(r, space, code, start + e[i + 2]!));
    } else {
      const bit = 1 << (code & 31);
      if (done[code >>> 5]! & bit) continue;
      done[code >>> 5]! |= bit;
      out.push(readJoined(r, codec, space, e, i));
    }
  }
  r.pos = pos;
  return out;
}

/**
 * The option whose first instance is entry i, with the bodies of all its
 * instances joined. Offsets in errors from a joined body count from its start.
 */
function readJoined(r: Reader, codec: Codec, space: Space, e: number[], i: number): Option {
  const code = e[i]!;
  let total = 0;
  let count = 0;
  for (let j = i; j < e.length; j += 3) {
    if (e[j] === code) {
      total += e[j + 2]!;
      count++;
    }
  }
  if (count === 1) {
    r.pos = e[i + 1]!;
    return codec.readOptionBody(r, space, code, r.pos + total);
  }
  const joined = new Uint8Array(total);
  let k = 0;
  for (let j = i; j < e.length; j += 3) {
    if (e[j] !== code) continue;
    joined.set(r.buf.subarray(e[j + 1]!, e[j + 1]! + e[j + 2]!), k);
    k += e[j + 2]!;
  }
  return codec.readOptionBody(new Reader(joined), space, code, total);
}
