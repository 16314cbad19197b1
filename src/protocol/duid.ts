import type { Reader } from './reader.js';
import type { Writer } from './writer.js';
import { EncodeError } from './errors.js';
import { cleanHex, hexOf } from './hex.js';

/**
 * DUIDs (RFC 8415 §11). `hex` is the whole DUID and is what identifies a client;
 * the typed fields are there to read. A DUID whose layout does not fit its type
 * (or of a type we do not know) carries only `type` (a number) and `hex`.
 */
export type Duid =
  | { type: 'LLT'; hwtype: number; time: number; lladdr: string; hex: string }
  | { type: 'EN'; enterprise: number; id: string; hex: string }
  | { type: 'LL'; hwtype: number; lladdr: string; hex: string }
  | { type: 'UUID'; uuid: string; hex: string }
  | { type: number; hex: string };

/** RFC 8415 §11.1: a DUID is 2 to 130 bytes (type + up to 128). */
export const MAX_DUID = 130;

/** Big-endian u32 at p (bounds already checked): Buffer#readUInt32BE checks its arguments again. */
function u32At(b: Uint8Array, p: number): number {
  return ((b[p]! << 24) >>> 0) + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
}

export function readDuid(r: Reader): Duid {
  const n = r.remaining;
  if (n < 2) r.fail('DUID shorter than 2 bytes');
  if (n > MAX_DUID) r.fail(`DUID longer than ${MAX_DUID} bytes`);
  const b = r.buf;
  const p = r.skip(n);
  const end = p + n;
  const type = (b[p]! << 8) | b[p + 1]!;
  // One flat hex string for the whole DUID; the typed part is a slice of it, not hexed again.
  const hex = hexOf(b, p, end);
  switch (type) {
    case 1:
      if (n >= 8) return { type: 'LLT', hwtype: (b[p + 2]! << 8) | b[p + 3]!, time: u32At(b, p + 4), lladdr: hex.slice(16), hex };
      break;
    case 2:
      if (n >= 6) return { type: 'EN', enterprise: u32At(b, p + 2), id: hex.slice(12), hex };
      break;
    case 3:
      if (n >= 4) return { type: 'LL', hwtype: (b[p + 2]! << 8) | b[p + 3]!, lladdr: hex.slice(8), hex };
      break;
    case 4:
      if (n === 18) return { type: 'UUID', uuid: hex.slice(4), hex };
      break;
  }
  return { type, hex };
}

function u16hex(v: number): string {
  return v.toString(16).padStart(4, '0');
}
function u32hex(v: number): string {
  return (v >>> 0).toString(16).padStart(8, '0');
}
function checkInt(v: unknown, max: number, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) {
    throw new EncodeError(path, `expected an integer 0..${max}, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** The hex form of a DUID given by its typed fields (or its hex). */
export function duidHex(d: unknown, path = 'duid'): string {
  return typedDuidHex(d, path).toLowerCase();
}

function typedDuidHex(d: unknown, path: string): string {
  if (typeof d === 'string') return cleanHex(d, path).toLowerCase();
  if (typeof d !== 'object' || d === null) throw new EncodeError(path, 'expected a DUID object or hex string');
  const o = d as Record<string, unknown>;
  if (o.hex !== undefined) return cleanHex(o.hex, `${path}.hex`).toLowerCase();
  switch (o.type) {
    case 'LLT':
      return '0001' + u16hex(checkInt(o.hwtype, 0xffff, `${path}.hwtype`)) + u32hex(checkInt(o.time, 0xffffffff, `${path}.time`)) + cleanHex(o.lladdr, `${path}.lladdr`);
    case 'EN':
      return '0002' + u32hex(checkInt(o.enterprise, 0xffffffff, `${path}.enterprise`)) + cleanHex(o.id, `${path}.id`);
    case 'LL':
      return '0003' + u16hex(checkInt(o.hwtype, 0xffff, `${path}.hwtype`)) + cleanHex(o.lladdr, `${path}.lladdr`);
    case 'UUID': {
      const u = cleanHex(typeof o.uuid === 'string' ? o.uuid.replace(/-/g, '') : o.uuid, `${path}.uuid`);
      if (u.length !== 32) throw new EncodeError(`${path}.uuid`, 'a UUID is 16 bytes');
      return '0004' + u;
    }
    default:
      throw new EncodeError(path, `DUID needs "hex" or a type of LLT, EN, LL, UUID`);
  }
}

export function writeDuid(w: Writer, d: unknown, path: string): void {
  const given = typeof d === 'object' && d !== null ? (d as { hex?: unknown }).hex : undefined;
  if (typeof given === 'string') {
    const start = w.pos;
    w.hexChecked(given, `${path}.hex`); // the common case: a DUID we decoded
    const n = w.pos - start;
    if (n >= 2 && n <= MAX_DUID) return;
    w.pos = start;
    throw new EncodeError(`${path}.hex`, `a DUID is 2..${MAX_DUID} bytes, not ${n}`);
  }
  const h = duidHex(d, path);
  if (h.length < 4 || h.length > MAX_DUID * 2) throw new EncodeError(path, `a DUID is 2..${MAX_DUID} bytes`);
  w.hex(h);
}
