import fc from 'fast-check';
import { formatIpv4, formatIpv6 } from '../address.js';
import { duidHex, type Duid } from '../duid.js';
import { toHex } from '../hex.js';

/**
 * Leaf arbitraries for the field vocabulary, each producing exactly the text
 * the decoder prints (RFC 5952 addresses, lowercase hex, \DDD-escaped names,
 * typed DUIDs only where the layout fits), so decode(encode(x)) can equal x.
 */

export const u8 = fc.integer({ min: 0, max: 0xff });
export const u16 = fc.integer({ min: 0, max: 0xffff });
export const u24 = fc.integer({ min: 0, max: 0xffffff });
export const u32 = fc.integer({ min: 0, max: 0xffffffff });
export const i32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });

/** fc.record without its null-prototype objects: the decoder builds plain ones, and toStrictEqual tells them apart. */
export function plainRecord<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { noNullPrototype: true });
}

export function hexBytes(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.uint8Array({ minLength, maxLength }).map(toHex);
}

// Zero and all-ones groups are common so "::" runs and IPv4-mapped forms show up (RFC 5952 §4.2, §5).
const group = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constant(0xffff) },
  { weight: 4, arbitrary: u16 },
);

function groupsToBytes(groups: readonly number[]): Uint8Array {
  const b = new Uint8Array(16);
  groups.forEach((g, i) => {
    b[2 * i] = g >>> 8;
    b[2 * i + 1] = g & 0xff;
  });
  return b;
}

export const ipv6Bytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.array(group, { minLength: 8, maxLength: 8 }).map(groupsToBytes),
  fc.uint8Array({ minLength: 16, maxLength: 16 }),
  fc.uint8Array({ minLength: 4, maxLength: 4 }).map((v4) => groupsToBytes([0, 0, 0, 0, 0, 0xffff, (v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!])),
);

export const ipv6 = ipv6Bytes.map((b) => formatIpv6(b));
export const ipv4 = fc.uint8Array({ minLength: 4, maxLength: 4 }).map((b) => formatIpv4(b));

/** u8 length + 16 address bytes; bits past the length are kept, as the decoder keeps them. */
export const prefix6 = fc.tuple(ipv6Bytes, fc.integer({ min: 0, max: 128 })).map(([b, len]) => `${formatIpv6(b)}/${len}`);

/** Only ceil(len/8) bytes are on the wire (RFC 7598 §4.1, RFC 3442), so the rest are zero. */
function variablePrefix(width: 4 | 16, format: (b: Uint8Array) => string): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: width * 8 }).chain((len) =>
    fc.uint8Array({ minLength: (len + 7) >>> 3, maxLength: (len + 7) >>> 3 }).map((head) => {
      const b = new Uint8Array(width);
      b.set(head);
      return `${format(b)}/${len}`;
    }),
  );
}

export const vprefix6 = variablePrefix(16, (b) => formatIpv6(b));
export const vprefix4 = variablePrefix(4, (b) => formatIpv4(b));

// Any code point but lone surrogates (not UTF-8), plus the ones that trip decoders: BOM, NUL, non-characters.
const codePoint = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('\uFEFF', '\u0000', '\uFFFF', '\uFFFE', 'é', '\u{1F600}') },
);
export const utf8String = fc.string({ unit: codePoint, maxLength: 16 });

// fqdn.ts prints letters, digits, "-" and "_" as they are and every other byte as \DDD.
const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';
const isPlain = (c: number): boolean => c < 0x80 && PLAIN.includes(String.fromCharCode(c));
const labelByte = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...[...PLAIN].map((ch) => ch.charCodeAt(0))) },
  { weight: 1, arbitrary: u8 },
);
const label = fc.oneof(
  { weight: 6, arbitrary: fc.array(labelByte, { minLength: 1, maxLength: 10 }) },
  { weight: 1, arbitrary: fc.array(labelByte, { minLength: 1, maxLength: 63 }) },
);
const labels = fc.oneof(
  { weight: 6, arbitrary: fc.array(label, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.array(labelByte, { minLength: 50, maxLength: 63 }), { minLength: 3, maxLength: 5 }) },
);

export function labelText(bytes: readonly number[]): string {
  return bytes.map((c) => (isPlain(c) ? String.fromCharCode(c) : '\\' + String(c).padStart(3, '0'))).join('');
}

/** Keep leading labels while the name, with its root label, stays within 255 bytes (RFC 1035 §3.1). */
function fit(ls: readonly number[][]): number[][] {
  let wire = 1;
  const out: number[][] = [];
  for (const l of ls) {
    if (wire + l.length + 1 > 255) break;
    wire += l.length + 1;
    out.push(l);
  }
  return out;
}

export const absoluteName = labels.map((ls) => fit(ls).map(labelText).join('.') + '.');

/**
 * A domain name as fqdn.ts prints it. Partial names (no root label, RFC 4704
 * §4.2) only where the decoder can see where they end: last in their field.
 */
export function domainName(opts: { partial: boolean; nonEmpty?: boolean }): fc.Arbitrary<string> {
  if (!opts.partial) return absoluteName;
  const partial = labels
    .map((ls) => fit(ls).map(labelText).join('.'))
    .filter((s) => !opts.nonEmpty || s !== '');
  return fc.oneof(absoluteName, partial);
}

/** An fqdn-list: fully qualified names, the last one sometimes partial (never empty, or it would vanish). */
export const domainNames = fc
  .tuple(fc.array(absoluteName, { maxLength: 2 }), fc.option(domainName({ partial: true, nonEmpty: true }), { nil: undefined }))
  .map(([names, last]) => (last === undefined ? names : [...names, last]));

function withHex<T extends object>(d: T): T & { hex: string } {
  return { ...d, hex: duidHex(d) };
}

function untyped(type: fc.Arbitrary<number>, rest: fc.Arbitrary<string>): fc.Arbitrary<Duid> {
  return fc.tuple(type, rest).map(([t, r]) => ({ type: t, hex: t.toString(16).padStart(4, '0') + r }));
}

/** RFC 8415 §11: the typed forms readDuid gives, and {type, hex} where the layout does not fit. */
export const duid: fc.Arbitrary<Duid> = fc.oneof(
  plainRecord({ hwtype: u16, time: u32, lladdr: hexBytes(0, 16) }).map((d) => withHex({ type: 'LLT' as const, ...d })),
  plainRecord({ enterprise: u32, id: hexBytes(0, 16) }).map((d) => withHex({ type: 'EN' as const, ...d })),
  plainRecord({ hwtype: u16, lladdr: hexBytes(0, 16) }).map((d) => withHex({ type: 'LL' as const, ...d })),
  hexBytes(16, 16).map((uuid) => withHex({ type: 'UUID' as const, uuid })),
  untyped(u16.filter((t) => t < 1 || t > 4), hexBytes(0, 32)),
  // Types 1-4 too short for their layout (or a UUID not 16 bytes) stay untyped.
  untyped(fc.constant(1), hexBytes(0, 5)),
  untyped(fc.constant(2), hexBytes(0, 3)),
  untyped(fc.constant(3), hexBytes(0, 1)),
  untyped(fc.constant(4), hexBytes(0, 32).filter((h) => h.length !== 32)),
);
