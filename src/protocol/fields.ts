import type { Reader } from './reader.js';
import type { Writer } from './writer.js';
import { EncodeError, within } from './errors.js';
import { formatIpv4, formatIpv6, formatIpv6Prefix, parseIpv4Range, parseIpv6Range } from './address.js';
import { cleanHex } from './hex.js';
import { asciiText } from './text.js';
import { readName, writeName } from './fqdn.js';
import { readDuid, writeDuid } from './duid.js';

/**
 * The small type vocabulary every option is described with (after Kea's
 * std_option_defs.h). "rest" types take everything up to the end of the
 * enclosing option; they may only stand last in a record.
 */
export type Enum = Readonly<Record<number, string>>;

export type Field =
  | { readonly t: 'empty' }
  | { readonly t: 'u8' | 'u16' | 'u32'; readonly enum?: Enum }
  | { readonly t: 'i32' }
  | { readonly t: 'bool' }
  | { readonly t: 'ipv4' }
  | { readonly t: 'ipv6' }
  /** u8 prefix length + 16 address bytes (IAPREFIX): "2001:db8::/56". */
  | { readonly t: 'prefix6' }
  /** u8 prefix length + only the bytes the length needs (S46, RFC 7598). */
  | { readonly t: 'vprefix6' }
  /** u8 width + only the significant octets of an IPv4 prefix (RFC 3442). */
  | { readonly t: 'vprefix4' }
  | { readonly t: 'string' }
  | { readonly t: 'binary' }
  | { readonly t: 'fixed-binary'; readonly size: number }
  | { readonly t: 'fqdn' }
  | { readonly t: 'fqdn-list'; readonly compression?: boolean }
  | { readonly t: 'duid' }
  /** Length-prefixed opaque items (user class, vendor class data, bootfile params). */
  | { readonly t: 'tuples'; readonly lenSize: 1 | 2 }
  | { readonly t: 'array'; readonly of: Field; readonly min?: number }
  | { readonly t: 'record'; readonly fields: readonly { readonly name: string; readonly type: Field }[] }
  | { readonly t: 'options'; readonly space: string }
  | { readonly t: 'message6' }
  | { readonly t: 'message4' }
  | { readonly t: 'custom'; readonly codec: FieldCodec; readonly name: string };

/** What a field needs from its surroundings: nested option spaces and messages. */
export interface FieldContext {
  hasSpace(space: string): boolean;
  readOptions(r: Reader, space: string): unknown;
  writeOptions(w: Writer, v: unknown, space: string, path: string): void;
  readMessage6(r: Reader): unknown;
  writeMessage6(w: Writer, v: unknown, path: string): void;
  readMessage4(r: Reader): unknown;
  writeMessage4(w: Writer, v: unknown, path: string): void;
}

export interface FieldCodec {
  /** Bytes the field always takes, or undefined if it varies. */
  readonly size: number | undefined;
  /** True if it reads to the end of its window. */
  readonly rest: boolean;
  decode(r: Reader, ctx: FieldContext): unknown;
  encode(w: Writer, v: unknown, ctx: FieldContext, path: string): void;
}

/**
 * The decode and encode of the simplest fields as source text (reading `r`
 * and `ctx`; writing `x` with `w`, `ctx` and `int`), so compiled records run
 * them in line instead of calling through the field's codec. Looked up only
 * when a record is compiled.
 */
const inlineSource = new WeakMap<FieldCodec, { readonly decode: string; readonly encode: string }>();

function int(v: unknown, min: number, max: number, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new EncodeError(path, `expected an integer ${min}..${max}, got ${JSON.stringify(v)}`);
  }
  return v;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new EncodeError(path, `expected a string, got ${JSON.stringify(v)}`);
  return v;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new EncodeError(path, `expected an array, got ${JSON.stringify(v)}`);
  return v;
}

const scratch16 = new Uint8Array(16);

// Addresses are parsed straight into the output: no scratch copy.
function writeIpv6(w: Writer, v: unknown, path: string): void {
  const s = str(v, path);
  w.reserve(16);
  if (!parseIpv6Range(s, 0, s.length, w.buf, w.pos)) throw new EncodeError(path, `not an IPv6 address: "${s}"`);
  w.pos += 16;
}

function writeIpv4(w: Writer, v: unknown, path: string): void {
  const s = str(v, path);
  w.reserve(4);
  if (!parseIpv4Range(s, 0, s.length, w.buf, w.pos)) throw new EncodeError(path, `not an IPv4 address: "${s}"`);
  w.pos += 4;
}

/** Where the "/" of an ADDRESS/LENGTH text is (the last one). */
function prefixSlash(s: string, path: string): number {
  // A loop, not lastIndexOf: that is a runtime call, dear for these few characters.
  let slash = s.length - 1;
  while (slash >= 0 && s.charCodeAt(slash) !== 0x2f) slash--;
  if (slash < 0) throw new EncodeError(path, `expected ADDRESS/LENGTH, got "${s}"`);
  return slash;
}

/** The LENGTH after the slash: 1 to 3 decimal digits, at most max. */
function prefixLength(s: string, slash: number, max: number, path: string): number {
  const digits = s.length - slash - 1;
  let len = digits >= 1 && digits <= 3 ? 0 : -1;
  for (let i = slash + 1; len >= 0 && i < s.length; i++) {
    const d = s.charCodeAt(i) - 0x30;
    len = d >= 0 && d <= 9 ? len * 10 + d : -1;
  }
  if (len < 0 || len > max) throw new EncodeError(path, `prefix length must be 0..${max}: "${s}"`);
  return len;
}

// ignoreBOM: a leading EF BB BF is data, and must survive the round trip.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function makeEnum(base: 'u8' | 'u16' | 'u32', e: Enum | undefined): FieldCodec {
  const size = base === 'u8' ? 1 : base === 'u16' ? 2 : 4;
  const max = base === 'u8' ? 0xff : base === 'u16' ? 0xffff : 0xffffffff;
  const byName = new Map<string, number>();
  if (e) for (const [k, name] of Object.entries(e)) byName.set(name, Number(k));
  const read = base === 'u8' ? (r: Reader) => r.u8() : base === 'u16' ? (r: Reader) => r.u16() : (r: Reader) => r.u32();
  const write =
    base === 'u8' ? (w: Writer, n: number) => w.u8(n) : base === 'u16' ? (w: Writer, n: number) => w.u16(n) : (w: Writer, n: number) => w.u32(n);
  const codec: FieldCodec = {
    size,
    rest: false,
    decode: e ? (r) => { const n = read(r); return e[n] ?? n; } : read,
    encode(w, v, _ctx, path) {
      if (typeof v === 'string' && e) {
        const n = byName.get(v);
        if (n === undefined) throw new EncodeError(path, `unknown name "${v}"`);
        write(w, n);
      } else write(w, int(v, 0, max, path));
    },
  };
  if (!e) inlineSource.set(codec, { decode: `r.${base}()`, encode: `w.${base}(int(x, 0, ${max}, ''))` });
  return codec;
}

const simple: Record<string, FieldCodec> = {
  empty: { size: 0, rest: false, decode: () => undefined, encode: () => {} },
  i32: {
    size: 4,
    rest: false,
    decode: (r) => r.u32() | 0,
    encode: (w, v, _c, p) => w.u32(int(v, -0x80000000, 0x7fffffff, p) >>> 0),
  },
  bool: {
    size: 1,
    rest: false,
    decode: (r) => {
      const b = r.u8('boolean');
      if (b > 1) r.fail(`boolean must be 0 or 1, got ${b}`, r.pos - 1);
      return b === 1;
    },
    encode: (w, v, _c, p) => {
      if (typeof v !== 'boolean') throw new EncodeError(p, 'expected true or false');
      w.u8(v ? 1 : 0);
    },
  },
  ipv4: {
    size: 4,
    rest: false,
    decode: (r) => formatIpv4(r.buf, r.skip(4, 'IPv4 address')),
    encode: (w, v, _c, p) => writeIpv4(w, v, p),
  },
  ipv6: {
    size: 16,
    rest: false,
    decode: (r) => formatIpv6(r.buf, r.skip(16, 'IPv6 address')),
    encode: (w, v, _c, p) => writeIpv6(w, v, p),
  },
  prefix6: {
    size: 17,
    rest: false,
    decode: (r) => {
      const len = r.u8('prefix length');
      if (len > 128) r.fail(`prefix length ${len} over 128`, r.pos - 1);
      return formatIpv6Prefix(r.buf, r.skip(16, 'IPv6 prefix'), len);
    },
    encode: (w, v, _c, p) => {
      const s = str(v, p);
      const slash = prefixSlash(s, p);
      const len = prefixLength(s, slash, 128, p);
      w.reserve(17);
      const at = w.pos;
      if (!parseIpv6Range(s, 0, slash, w.buf, at + 1)) throw new EncodeError(p, `not an IPv6 address: "${s.slice(0, slash)}"`);
      w.buf[at] = len;
      w.pos = at + 17;
    },
  },
  vprefix6: {
    size: undefined,
    rest: false,
    decode: (r) => {
      const len = r.u8('prefix length');
      if (len > 128) r.fail(`prefix length ${len} over 128`, r.pos - 1);
      const n = (len + 7) >>> 3;
      const b = new Uint8Array(16);
      b.set(r.bytes(n, 'IPv6 prefix'));
      return formatIpv6Prefix(b, 0, len);
    },
    encode: (w, v, _c, p) => {
      const s = str(v, p);
      const slash = prefixSlash(s, p);
      const len = prefixLength(s, slash, 128, p);
      if (!parseIpv6Range(s, 0, slash, scratch16, 0)) throw new EncodeError(p, `not an IPv6 prefix: "${s}"`);
      const n = (len + 7) >>> 3;
      for (let i = n; i < 16; i++) if (scratch16[i]) throw new EncodeError(p, `bits set past /${len} in "${s}"`);
      w.u8(len);
      w.bytes(scratch16.subarray(0, n));
    },
  },
  vprefix4: {
    size: undefined,
    rest: false,
    decode: (r) => {
      const len = r.u8('prefix width');
      if (len > 32) r.fail(`prefix width ${len} over 32`, r.pos - 1);
      const b = new Uint8Array(4);
      b.set(r.bytes((len + 7) >>> 3, 'IPv4 prefix'));
      return `${formatIpv4(b)}/${len}`;
    },
    encode: (w, v, _c, p) => {
      const s = str(v, p);
      const slash = prefixSlash(s, p);
      const len = prefixLength(s, slash, 32, p);
      if (!parseIpv4Range(s, 0, slash, scratch16, 0)) throw new EncodeError(p, `not an IPv4 prefix: "${s}"`);
      const n = (len + 7) >>> 3;
      for (let i = n; i < 4; i++) if (scratch16[i]) throw new EncodeError(p, `bits set past /${len} in "${s}"`);
      w.u8(len);
      w.bytes(scratch16.subarray(0, n));
    },
  },
  string: {
    size: undefined,
    rest: true,
    decode: (r) => {
      const at = r.pos;
      const ascii = asciiText(r.buf, at, r.end);
      if (ascii !== undefined) {
        r.pos = r.end;
        return ascii;
      }
      const b = r.bytes(r.remaining);
      try {
        return utf8.decode(b);
      } catch {
        return r.fail('string is not valid UTF-8', at);
      }
    },
    encode: (w, v, _c, p) => w.utf8(str(v, p)),
  },
  binary: {
    size: undefined,
    rest: true,
    decode: (r) => r.hex(r.remaining),
    encode: (w, v, _c, p) => w.hexChecked(v, p),
  },
  fqdn: {
    size: undefined,
    rest: false,
    decode: (r) => readName(r),
    encode: (w, v, _c, p) => writeName(w, str(v, p), p),
  },
  duid: {
    size: undefined,
    rest: true,
    decode: (r) => readDuid(r),
    encode: (w, v, _c, p) => writeDuid(w, v, p),
  },
  message6: {
    size: undefined,
    rest: true,
    decode: (r, ctx) => ctx.readMessage6(r),
    encode: (w, v, ctx, p) => ctx.writeMessage6(w, v, p),
  },
  message4: {
    size: undefined,
    rest: true,
    decode: (r, ctx) => ctx.readMessage4(r),
    encode: (w, v, ctx, p) => ctx.writeMessage4(w, v, p),
  },
};

function fqdnList(compression: boolean): FieldCodec {
  return {
    size: undefined,
    rest: true,
    decode(r) {
      const base = compression ? r.pos : undefined;
      const out: string[] = [];
      while (r.pos < r.end) out.push(readName(r, base));
      return out;
    },
    encode(w, v, _c, p) {
      const a = arr(v, p);
      let i = 0;
      try {
        for (; i < a.length; i++) writeName(w, str(a[i], ''), '');
      } catch (e) {
        within(e, `${p}[${i}]`);
      }
    },
  };
}

function tuples(lenSize: 1 | 2): FieldCodec {
  return {
    size: undefined,
    rest: true,
    decode(r) {
      const out: string[] = [];
      while (r.pos < r.end) {
        const n = lenSize === 1 ? r.u8('item length') : r.u16('item length');
        out.push(r.hex(n, 'item'));
      }
      return out;
    },
    encode(w, v, _c, p) {
      const a = arr(v, p);
      let i = 0;
      try {
        for (; i < a.length; i++) {
          const at = w.placeholder(lenSize);
          w.hexChecked(a[i], '');
          w.patchLength(at, lenSize, '');
        }
      } catch (e) {
        within(e, `${p}[${i}]`);
      }
    },
  };
}

function array(of: FieldCodec, min: number): FieldCodec {
  if (of.rest) throw new Error('array elements cannot be rest-of-data fields');
  if (of.size === 0) throw new Error('array elements cannot be empty');
  const fixed = of.size;
  return {
    size: undefined,
    rest: true,
    decode(r, ctx) {
      if (fixed !== undefined && r.remaining % fixed !== 0) r.fail(`length ${r.remaining} is not a multiple of ${fixed}`);
      const out: unknown[] = [];
      while (r.pos < r.end) out.push(of.decode(r, ctx));
      if (out.length < min) r.fail(`needs at least ${min} item(s)`);
      return out;
    },
    encode(w, v, ctx, p) {
      const a = arr(v, p);
      if (a.length < min) throw new EncodeError(p, `needs at least ${min} item(s)`);
      let i = 0;
      try {
        for (; i < a.length; i++) of.encode(w, a[i], ctx, '');
      } catch (e) {
        within(e, `${p}[${i}]`);
      }
    },
  };
}

function record(fields: readonly { name: string; codec: FieldCodec }[]): FieldCodec {
  fields.forEach((f, i) => {
    if (f.codec.rest && i !== fields.length - 1) throw new Error(`record field ${f.name} reads to the end but is not last`);
  });
  let size: number | undefined = 0;
  for (const f of fields) size = size === undefined || f.codec.size === undefined ? undefined : size + f.codec.size;
  const n = fields.length;
  return {
    size,
    rest: n > 0 && fields[n - 1]!.codec.rest,
    decode: shapedDecoder(fields) ?? genericDecoder(fields),
    encode: shapedEncoder(fields) ?? genericEncoder(fields),
  };
}

type Decode = FieldCodec['decode'];
type Encode = FieldCodec['encode'];

function checkObject(v: unknown, p: string): void {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new EncodeError(p, 'expected an object');
}

function genericEncoder(fields: readonly { name: string; codec: FieldCodec }[]): Encode {
  return (w, v, ctx, p) => {
    checkObject(v, p);
    const o = v as Record<string, unknown>;
    let i = 0;
    try {
      for (; i < fields.length; i++) {
        const f = fields[i]!;
        const fv = o[f.name];
        if (fv === undefined) {
          if (f.codec.rest) continue; // an absent trailing list or blob is empty
          if (f.codec.size !== 0) throw new EncodeError('', 'missing');
        }
        f.codec.encode(w, fv, ctx, '');
      }
    } catch (e) {
      within(e, `${p}.${fields[i]!.name}`);
    }
  };
}

/** The encoding twin of shapedDecoder: plain property reads instead of keyed ones. */
function shapedEncoder(fields: readonly { name: string; codec: FieldCodec }[]): Encode | undefined {
  if (!fields.every((f) => IDENTIFIER.test(f.name))) return undefined;
  const steps = fields.map((f, i) => {
    const absent = f.codec.rest ? '' : f.codec.size === 0 ? '' : `throw missing();`;
    const write = inlineSource.get(f.codec)?.encode ?? `c[${i}].encode(w, x, ctx, '')`;
    return `i = ${i}; x = v.${f.name}; if (x === undefined) { ${absent} } else ${write};`;
  });
  const build = new Function(
    'c',
    'check',
    'missing',
    'within',
    'names',
    'int',
    `return function encodeRecord(w, v, ctx, p) { check(v, p); let i = 0, x; try { ${steps.join(' ')} } catch (e) { within(e, p + '.' + names[i]); } };`,
  ) as (c: FieldCodec[], check: typeof checkObject, missing: () => EncodeError, w: typeof within, names: string[], i: typeof int) => Encode;
  return build(
    fields.map((f) => f.codec),
    checkObject,
    () => new EncodeError('', 'missing'),
    within,
    fields.map((f) => f.name),
    int,
  );
}

function genericDecoder(fields: readonly { name: string; codec: FieldCodec }[]): Decode {
  return (r, ctx) => {
    const o: Record<string, unknown> = {};
    for (const f of fields) {
      const v = f.codec.decode(r, ctx);
      if (v !== undefined) o[f.name] = v;
    }
    return o;
  };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A record decoder that builds its object as one literal, so every decoded
 * record of a kind shares one hidden class and is built without keyed stores
 * (about twice as fast on the hot path). Compiled once from the definition;
 * field names are identifiers from our own tables (checked), never input.
 */
function shapedDecoder(fields: readonly { name: string; codec: FieldCodec }[]): Decode | undefined {
  if (!fields.every((f) => IDENTIFIER.test(f.name))) return undefined;
  const read = (f: { codec: FieldCodec }, i: number): string => inlineSource.get(f.codec)?.decode ?? `c[${i}].decode(r, ctx)`;
  const props = fields.map((f, i) => (f.codec.size === 0 ? undefined : `${f.name}: ${read(f, i)}`)).filter((x) => x !== undefined);
  // Empty fields read nothing and are left out of the object, as the generic decoder does.
  const build = new Function('c', `return function decodeRecord(r, ctx) { return { ${props.join(', ')} }; };`) as (c: FieldCodec[]) => Decode;
  return build(fields.map((f) => f.codec));
}

function optionsField(space: string): FieldCodec {
  const codec: FieldCodec = {
    size: undefined,
    rest: true,
    decode: (r, ctx) => ctx.readOptions(r, space),
    encode: (w, v, ctx, p) => ctx.writeOptions(w, v, space, p),
  };
  const name = JSON.stringify(space); // a safe string literal whatever the configured name
  inlineSource.set(codec, { decode: `ctx.readOptions(r, ${name})`, encode: `ctx.writeOptions(w, x, ${name}, '')` });
  return codec;
}

function fixedBinary(size: number): FieldCodec {
  return {
    size,
    rest: false,
    decode: (r) => r.hex(size),
    encode(w, v, _c, p) {
      const h = cleanHex(v, p);
      if (h.length !== size * 2) throw new EncodeError(p, `expected ${size} bytes of hex`);
      w.hex(h);
    },
  };
}

/** Turn a field description into its codec once, at load time. */
export function compileField(f: Field): FieldCodec {
  switch (f.t) {
    case 'u8':
    case 'u16':
    case 'u32':
      return makeEnum(f.t, f.enum);
    case 'fqdn-list':
      return fqdnList(f.compression ?? false);
    case 'tuples':
      return tuples(f.lenSize);
    case 'array':
      return array(compileField(f.of), f.min ?? 0);
    case 'record':
      return record(f.fields.map((x) => ({ name: x.name, codec: compileField(x.type) })));
    case 'options':
      return optionsField(f.space);
    case 'fixed-binary':
      return fixedBinary(f.size);
    case 'custom':
      return f.codec;
    default:
      return simple[f.t]!;
  }
}
