/**
 * RFC 5952 text of an address (and `/len` of a prefix) as one flat string.
 * formatIpv6 builds its result by concatenation, a rope of a dozen small
 * strings; a table of a million entries holding ropes costs ~300 bytes each
 * and the garbage collector's time, and a Map key must be flattened anyway.
 * Here the text is written as bytes and made a string once. The same goes
 * for identifiers cut from a file: a slice keeps a pointer into the file's
 * string, and such Map keys hash and compare at half the speed of flat ones.
 */

const out = Buffer.alloc(64);
const groups = new Uint16Array(8);
const HEX = '0123456789abcdef';
const HEXCODE = Uint8Array.from(HEX, (c) => c.charCodeAt(0));

function putDecimal(v: number, k: number): number {
  if (v >= 100) out[k++] = 0x30 + Math.floor(v / 100);
  if (v >= 10) out[k++] = 0x30 + (Math.floor(v / 10) % 10);
  out[k++] = 0x30 + (v % 10);
  return k;
}

function putGroup(v: number, k: number): number {
  let started = false;
  for (let shift = 12; shift >= 0; shift -= 4) {
    const d = (v >> shift) & 0xf;
    if (d || started || shift === 0) {
      out[k++] = HEXCODE[d]!;
      started = true;
    }
  }
  return k;
}

/** Bytes written to `out` for the 16 address bytes in `b`, RFC 5952 §4. */
function writeAddress(b: Uint8Array): number {
  let bestStart = -1;
  let bestLen = 1;
  let runStart = -1;
  for (let i = 0; i < 8; i++) {
    const v = (b[2 * i]! << 8) | b[2 * i + 1]!;
    groups[i] = v;
    if (v !== 0) runStart = -1;
    else {
      if (runStart < 0) runStart = i;
      if (i - runStart + 1 > bestLen) {
        bestLen = i - runStart + 1;
        bestStart = runStart;
      }
    }
  }
  let k = 0;
  if (bestStart === 0 && bestLen === 5 && groups[5] === 0xffff) {
    // IPv4-mapped, in mixed notation (§5).
    for (const c of '::ffff:') out[k++] = c.charCodeAt(0);
    for (let i = 12; i < 16; i++) {
      if (i > 12) out[k++] = 0x2e;
      k = putDecimal(b[i]!, k);
    }
    return k;
  }
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out[k++] = 0x3a;
      out[k++] = 0x3a;
      i += bestLen - 1;
      continue;
    }
    if (i > 0 && i !== bestStart + bestLen) out[k++] = 0x3a;
    k = putGroup(groups[i]!, k);
  }
  return k;
}

/** Canonical text of the address in `b`, with `/len` when `len` >= 0, as a flat string. */
export function flatText(b: Uint8Array, len: number): string {
  let n = writeAddress(b);
  if (len >= 0) {
    out[n++] = 0x2f;
    n = putDecimal(len, n);
  }
  return out.toString('latin1', 0, n);
}

/** A flat copy of ASCII text (a canonical identifier) of at most 64 characters; longer ones as they are. */
export function flatAscii(s: string): string {
  const n = s.length;
  if (n > out.length) return s;
  for (let i = 0; i < n; i++) out[i] = s.charCodeAt(i);
  return out.toString('latin1', 0, n);
}
