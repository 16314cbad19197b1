import type { Field } from '../../protocol/fields.js';
import type { Option } from '../../protocol/index.js';
import { DHCP6_OPTIONS, parseIpv4Into, parseIpv6Into } from '../../protocol/index.js';
import { hexOf } from '../../protocol/hex.js';

/**
 * `option[N]` is the option's body as bytes (lowercase hex), like Kea's
 * `option[N].hex`. The decoder keeps the body only for unknown or malformed
 * options (`raw`); for decoded ones the body is rebuilt from the JSON value
 * for the simple field types (binary, strings, integers, addresses, DUIDs,
 * tuples, and records of those). Other shapes (nested options, FQDNs,
 * vendor sub-options) give "absent" — their presence is still seen by
 * `exists()`. Which serializer a code uses is decided once, at load time.
 */
export type BodyReader = (o: Option) => string | undefined;

type Ser = (v: unknown) => string | undefined;

const scratch = new Uint8Array(16);

const ints: Record<string, number> = { u8: 1, u16: 2, u32: 4 };

function fixedInt(bytes: number, names?: Readonly<Record<number, string>>): Ser {
  const max = 2 ** (8 * bytes) - 1;
  const byName = new Map<string, number>();
  if (names) for (const [k, v] of Object.entries(names)) byName.set(v, Number(k));
  return (v) => {
    const n = typeof v === 'string' ? byName.get(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max) return undefined;
    return n.toString(16).padStart(2 * bytes, '0');
  };
}

const hexString: Ser = (v) => (typeof v === 'string' ? v : undefined);

/** Serializer for one field type, or undefined when the body cannot be rebuilt. */
export function serializer(f: Field): Ser | undefined {
  switch (f.t) {
    case 'empty':
      return () => '';
    case 'binary':
    case 'fixed-binary':
      return hexString;
    case 'string':
      return (v) => (typeof v === 'string' ? Buffer.from(v, 'utf8').toString('hex') : undefined);
    case 'u8':
    case 'u16':
    case 'u32':
      return fixedInt(ints[f.t]!, f.enum);
    case 'i32':
      return (v) => (typeof v === 'number' && Number.isInteger(v) ? (v >>> 0).toString(16).padStart(8, '0') : undefined);
    case 'bool':
      return (v) => (v === true ? '01' : v === false ? '00' : undefined);
    case 'ipv6':
      return (v) => (typeof v === 'string' && parseIpv6Into(v, scratch) ? hexOf(scratch, 0, 16) : undefined);
    case 'ipv4':
      return (v) => (typeof v === 'string' && parseIpv4Into(v, scratch) ? hexOf(scratch, 0, 4) : undefined);
    case 'duid':
      return (v) => {
        const h = typeof v === 'object' && v !== null ? (v as { hex?: unknown }).hex : undefined;
        return typeof h === 'string' ? h : undefined;
      };
    case 'tuples': {
      const width = f.lenSize * 2;
      return (v) => {
        if (!Array.isArray(v)) return undefined;
        let s = '';
        for (const item of v) {
          if (typeof item !== 'string') return undefined;
          s += (item.length >>> 1).toString(16).padStart(width, '0') + item;
        }
        return s;
      };
    }
    case 'array': {
      const of = serializer(f.of);
      if (!of) return undefined;
      return (v) => {
        if (!Array.isArray(v)) return undefined;
        let s = '';
        for (const item of v) {
          const h = of(item);
          if (h === undefined) return undefined;
          s += h;
        }
        return s;
      };
    }
    case 'record': {
      const parts: [string, Ser][] = [];
      for (const field of f.fields) {
        const s = serializer(field.type);
        if (!s) return undefined;
        parts.push([field.name, s]);
      }
      return (v) => {
        if (typeof v !== 'object' || v === null) return undefined;
        let s = '';
        for (const [name, ser] of parts) {
          const h = ser((v as Record<string, unknown>)[name]);
          if (h === undefined) return undefined;
          s += h;
        }
        return s;
      };
    }
    default:
      return undefined;
  }
}

let byCode: Map<number, Ser | undefined> | undefined;

/** How to read the body of option `code` of the dhcp6 space. */
export function bodyReader(code: number): BodyReader {
  byCode ??= new Map(DHCP6_OPTIONS.map((d) => [d.code, serializer(d.type)]));
  const ser = byCode.get(code);
  if (!ser) return (o) => o.raw;
  return (o) => (o.raw !== undefined ? o.raw : ser(o.value));
}
