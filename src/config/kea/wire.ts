import { parseIpv4Into, parseIpv6Into } from '../../protocol/index.js';
import { keaHex } from './csv.js';
import type { KeaDef, KeaType } from './kea-defs.js';

/**
 * Kea's CSV values → the option bytes Kea would send, per Kea's definition
 * (option_data_types.cc). Fulmar's codec then reads those bytes, so the
 * result is typed by Fulmar's table and means exactly what Kea sent.
 */
export class KeaDataError extends Error {}

const INT_RANGES: Partial<Record<KeaType, [number, number, number]>> = {
  uint8: [0, 0xff, 1],
  uint16: [0, 0xffff, 2],
  uint32: [0, 0xffffffff, 4],
  int8: [-0x80, 0x7f, 1],
  int16: [-0x8000, 0x7fff, 2],
  int32: [-0x80000000, 0x7fffffff, 4],
};

/** Decimal, else hex with or without 0x (Kea falls back to a std::hex stream). */
function parseInteger(v: string): number {
  if (/^[+-]?[0-9]+$/.test(v)) return Number(v);
  return /^(0x)?[0-9a-f]+$/i.test(v) ? parseInt(v.replace(/^0x/i, ''), 16) : NaN;
}

function integer(type: KeaType, v: string): Buffer {
  const [min, max, size] = INT_RANGES[type]!;
  const n = parseInteger(v);
  if (!(n >= min && n <= max)) throw new KeaDataError(`"${v}" is not a ${type} (${min}..${max})`);
  const b = Buffer.alloc(size);
  b.writeUIntBE(n < 0 ? n + 2 ** (8 * size) : n, 0, size);
  return b;
}

function boolean(v: string): Buffer {
  const t = v.toLowerCase();
  if (t === 'true' || t === '1') return Buffer.from([1]);
  if (t === 'false' || t === '0') return Buffer.from([0]);
  throw new KeaDataError(`"${v}" is not a boolean`);
}

function address(v: string, size: 4 | 16): Buffer {
  const b = new Uint8Array(16);
  const ok = size === 4 ? parseIpv4Into(v, b) : parseIpv6Into(v, b);
  if (!ok) throw new KeaDataError(`"${v}" is not an IPv${size === 4 ? 4 : 6} address`);
  return Buffer.from(b.subarray(0, size));
}

/** Length byte, then only the bytes the length covers, bits past it cleared (Kea's writePrefix). */
function prefix(v: string): Buffer {
  const m = /^(.*)\/([0-9]{1,3})$/.exec(v);
  const len = m ? Number(m[2]) : NaN;
  if (!m || len > 128) throw new KeaDataError(`"${v}" is not an IPv6 prefix ADDRESS/LENGTH`);
  const a = address(m[1]!, 16).subarray(0, Math.ceil(len / 8));
  if (len % 8) a[a.length - 1]! &= 0xff << (8 - (len % 8));
  return Buffer.concat([Buffer.from([len]), a]);
}

/** "PSID/PSID-len": the length byte, then the PSID in the top bits of 16 (RFC 7597). */
function psid(v: string): Buffer {
  const m = /^([0-9]+)\/([0-9]+)$/.exec(v);
  const value = Number(m?.[1]);
  const len = Number(m?.[2]);
  if (!m || len > 16 || value >= 2 ** len) throw new KeaDataError(`"${v}" is not a PSID/PSID-length`);
  const b = Buffer.alloc(3);
  b[0] = len;
  b.writeUInt16BE(len === 0 ? 0 : (value << (16 - len)) & 0xffff, 1);
  return b;
}

/** A domain name in wire form, fully qualified as Kea writes every fqdn. */
function fqdn(v: string): Buffer {
  const name = v.endsWith('.') ? v.slice(0, -1) : v;
  const labels = name === '' ? [] : name.split('.');
  const parts: Buffer[] = [];
  for (const l of labels) {
    const b = Buffer.from(l, 'utf8');
    if (b.length === 0 || b.length > 63 || l.includes('\\')) throw new KeaDataError(`"${v}" is not a domain name`);
    parts.push(Buffer.from([b.length]), b);
  }
  parts.push(Buffer.from([0]));
  const wire = Buffer.concat(parts);
  if (wire.length > 255) throw new KeaDataError(`"${v}" is longer than 255 bytes`);
  return wire;
}

function tuple(v: string): Buffer {
  const b = Buffer.from(v, 'utf8');
  if (b.length > 0xffff) throw new KeaDataError('tuple longer than 65535 bytes');
  return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
}

function binary(v: string): Buffer {
  const h = keaHex(v);
  if (h === undefined) throw new KeaDataError(`"${v}" is not hex`);
  return Buffer.from(h, 'hex');
}

export function fieldBytes(type: KeaType, v: string): Buffer {
  switch (type) {
    case 'boolean':
      return boolean(v);
    case 'ipv4-address':
      return address(v, 4);
    case 'ipv6-address':
      return address(v, 16);
    case 'ipv6-prefix':
      return prefix(v);
    case 'psid':
      return psid(v);
    case 'string':
      return Buffer.from(v, 'utf8');
    case 'fqdn':
      return fqdn(v);
    case 'tuple':
      return tuple(v);
    case 'binary':
      return binary(v);
    case 'empty':
    case 'record':
      throw new KeaDataError(`${type} is not a field type`);
    default:
      return integer(type, v);
  }
}

/** How many of `given` values Kea reads: it ignores the rest unless the definition is an array. */
export function valuesRead(def: KeaDef, given: number): number {
  if (def.array || def.type === 'empty') return given;
  return Math.min(given, def.type === 'record' ? def.recordTypes.length : 1);
}

/** The option body for the CSV values of `data`, laid out by Kea's definition. */
export function dataBytes(def: KeaDef, values: readonly string[]): Buffer {
  if (def.type === 'empty') {
    if (values.some((v) => v !== '')) throw new KeaDataError(`${def.name} takes no data`);
    return Buffer.alloc(0);
  }
  const fields = def.type === 'record' ? def.recordTypes : [def.type];
  const last = fields[fields.length - 1]!;
  if (values.length < fields.length) throw new KeaDataError(`${def.name} needs ${fields.length} value(s), got ${values.length}`);
  if (values.length > fields.length && !def.array) throw new KeaDataError(`${def.name} takes ${fields.length} value(s), got ${values.length} (escape commas in text as "\\\\,")`);
  return Buffer.concat(values.map((v, i) => fieldBytes(fields[i] ?? last, v)));
}
