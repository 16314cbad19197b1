import type { Reader } from './reader.js';
import type { Writer } from './writer.js';
import { EncodeError } from './errors.js';
import { asciiText } from './text.js';

/**
 * Domain names in DNS wire format (RFC 1035 §3.1) as master-file text: labels
 * joined by ".", a trailing "." when the name ends with the root label (fully
 * qualified), none for a partial name (RFC 4704 client FQDN). Bytes other than
 * letters, digits, "-" and "_" are escaped as \DDD so every name round-trips.
 */

const MAX_NAME = 255;
const MAX_LABEL = 63;
/** Compression pointers followed per name; more means a loop. */
const MAX_POINTERS = 16;

function plain(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f;
}

function labelText(b: Uint8Array, start: number, len: number): string {
  let allPlain = true;
  for (let i = start; i < start + len && allPlain; i++) allPlain = plain(b[i]!);
  if (allPlain) {
    const text = asciiText(b, start, start + len); // one string, not one join per character
    if (text !== undefined) return text;
  }
  let s = '';
  for (let i = start; i < start + len; i++) {
    const c = b[i]!;
    s += plain(c) ? String.fromCharCode(c) : '\\' + String(c).padStart(3, '0');
  }
  return s;
}

/**
 * Read one name from r. Without `base`, compression is refused (DHCPv6 names
 * are never compressed, RFC 8415 §10). With `base` (start of the data a pointer
 * is relative to, RFC 3397), pointers are followed, bounded.
 */
export function readName(r: Reader, base?: number): string {
  const b = r.buf;
  let text = '';
  let wire = 0;
  let pos = r.pos;
  let jumped = false;
  let pointers = 0;
  for (;;) {
    if (pos >= r.end) {
      // Ran out without a root label: a partial name (valid only when not jumped).
      if (jumped) r.fail('compressed name runs past the data', pos);
      r.pos = pos;
      return text;
    }
    const len = b[pos]!;
    if (len === 0) {
      if (!jumped) r.pos = pos + 1;
      return text + '.';
    }
    if ((len & 0xc0) === 0xc0) {
      if (base === undefined) r.fail('compressed domain name not allowed', pos);
      if (pos + 1 >= r.end) r.fail('truncated compression pointer', pos);
      if (++pointers > MAX_POINTERS) r.fail('compression pointer loop', pos);
      const target = base + (((len & 0x3f) << 8) | b[pos + 1]!);
      if (target >= r.end) r.fail('compression pointer out of range', pos);
      if (!jumped) r.pos = pos + 2;
      jumped = true;
      pos = target;
      continue;
    }
    if (len > MAX_LABEL) r.fail(`label length ${len} over ${MAX_LABEL}`, pos);
    if (pos + 1 + len > r.end) r.fail('truncated label', pos);
    wire += len + 1;
    if (wire + 1 > MAX_NAME) r.fail(`name longer than ${MAX_NAME} bytes`, pos);
    text += (text ? '.' : '') + labelText(b, pos + 1, len);
    pos += 1 + len;
  }
}

/** Text → labels (as byte arrays) plus whether the name is fully qualified. */
export function parseName(s: string, path: string): { labels: number[][]; absolute: boolean } {
  if (s === '.') return { labels: [], absolute: true };
  if (s === '') return { labels: [], absolute: false };
  const labels: number[][] = [];
  let cur: number[] = [];
  let absolute = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 0x2e) {
      if (cur.length === 0) throw new EncodeError(path, `empty label in "${s}"`);
      labels.push(cur);
      cur = [];
      if (i === s.length - 1) absolute = true;
    } else if (ch === 0x5c) {
      const d = s.slice(i + 1, i + 4);
      if (/^[0-9]{3}$/.test(d) && Number(d) <= 255) {
        cur.push(Number(d));
        i += 3;
      } else if (i + 1 < s.length) {
        cur.push(s.charCodeAt(++i) & 0xff);
      } else throw new EncodeError(path, `dangling escape in "${s}"`);
    } else if (ch > 0x7e || ch < 0x21) {
      throw new EncodeError(path, `character ${JSON.stringify(s[i])} must be escaped as \\DDD in "${s}"`);
    } else cur.push(ch);
  }
  if (cur.length) labels.push(cur);
  // Counted as if fully qualified, as readName counts, so both agree on the limit.
  let wire = 1;
  for (const l of labels) {
    if (l.length > MAX_LABEL) throw new EncodeError(path, `label longer than ${MAX_LABEL} bytes in "${s}"`);
    wire += l.length + 1;
  }
  if (wire > MAX_NAME) throw new EncodeError(path, `name longer than ${MAX_NAME} bytes`);
  return { labels, absolute };
}

/**
 * Write a name of plain characters (no escapes) straight into w: label
 * lengths are filled in as each "." is reached. False, with nothing
 * written, for anything else (escapes, or an error parseName will name).
 */
function writePlainName(w: Writer, s: string): boolean {
  const n = s.length;
  if (n === 0 || s === '.') return false;
  w.reserve(n + 2);
  const b = w.buf;
  const start = w.pos;
  let lenAt = start; // where the current label's length byte goes
  let p = start + 1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) {
      const len = p - lenAt - 1;
      if (len === 0 || len > MAX_LABEL) return false;
      b[lenAt] = len;
      lenAt = p++;
    } else if (c < 0x21 || c > 0x7e || c === 0x5c) return false;
    else b[p++] = c;
  }
  if (s.charCodeAt(n - 1) === 0x2e) {
    b[lenAt] = 0; // the root label: fully qualified
    if (p - start > MAX_NAME) return false;
  } else {
    const len = p - lenAt - 1;
    if (len > MAX_LABEL || p - start + 1 > MAX_NAME) return false;
    b[lenAt] = len;
  }
  w.pos = p;
  return true;
}

export function writeName(w: Writer, s: string, path: string): void {
  if (writePlainName(w, s)) return;
  const { labels, absolute } = parseName(s, path);
  for (const l of labels) {
    w.u8(l.length);
    for (const c of l) w.u8(c);
  }
  if (absolute) w.u8(0);
}
