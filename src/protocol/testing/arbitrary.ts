import fc from 'fast-check';
import type { Enum, Field } from '../fields.js';
import type { Option, OptionDef, Space } from '../options.js';
import type { Message6 } from '../v6/message.js';
import { MESSAGE_TYPES } from '../v6/types.js';
import { standardSpaces } from '../spaces.js';
import * as v from './values.js';
import { portParams, radiusAttributes } from './custom6.js';

/**
 * fast-check arbitraries generated from the option definitions, so an option
 * added to a table is covered by the property tests with no further work.
 * Every value is in the exact form the decoder returns (see values.ts).
 */

export type ArbitraryFactory = (ctx: ArbitraryContext) => fc.Arbitrary<unknown>;

export interface ArbitraryContext {
  /** Option spaces by name, for `options` fields and unknown codes. */
  readonly spaces: ReadonlyMap<string, Space>;
  /** Levels of nested option lists and messages still allowed; at 0 lists are empty. */
  readonly depth: number;
  /** Most options in one list; shrinks with depth so messages stay far below 64 KiB. */
  readonly maxOptions: number;
  /** Arbitraries for `custom` fields, by the field's name (e.g. "radius-attributes"). */
  readonly custom: ReadonlyMap<string, ArbitraryFactory>;
  /** DHCPv4 messages; without it no option holding a `message4` field is generated. */
  readonly message4?: ArbitraryFactory;
  /** Arbitraries already built, shared by derived contexts: building is recursive. */
  readonly memo?: Map<string, fc.Arbitrary<unknown>>;
}

export interface ContextOptions {
  spaces?: Iterable<Space> | ReadonlyMap<string, Space>;
  depth?: number;
  maxOptions?: number;
  custom?: Readonly<Record<string, ArbitraryFactory>>;
  message4?: ArbitraryFactory;
}

export function arbitraryContext(o: ContextOptions = {}): ArbitraryContext {
  const given = o.spaces ?? standardSpaces();
  const spaces = given instanceof Map ? (given as ReadonlyMap<string, Space>) : new Map([...(given as Iterable<Space>)].map((s) => [s.name, s]));
  const custom = new Map<string, ArbitraryFactory>([
    ['radius-attributes', () => radiusAttributes],
    ['s46-portparams', () => portParams],
    ['vendor-options', vendorOptionsArbitrary('vendor-', 'vendor-opts')],
    ...Object.entries(o.custom ?? {}),
  ]);
  const base = { spaces, depth: o.depth ?? 3, maxOptions: o.maxOptions ?? 6, custom, memo: new Map() };
  return o.message4 ? { ...base, message4: o.message4 } : base;
}

function deeper(ctx: ArbitraryContext): ArbitraryContext {
  return { ...ctx, depth: ctx.depth - 1, maxOptions: Math.max(1, ctx.maxOptions >> 1) };
}

function memo<T>(ctx: ArbitraryContext, key: string, build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {
  const k = `${key}@${ctx.depth}/${ctx.maxOptions}`;
  const hit = ctx.memo?.get(k);
  if (hit) return hit as fc.Arbitrary<T>;
  const made = build();
  ctx.memo?.set(k, made);
  return made;
}

function space(ctx: ArbitraryContext, name: string): Space {
  const s = ctx.spaces.get(name);
  if (!s) throw new Error(`no option space ${name} in the arbitrary context`);
  return s;
}

function uint(max: number, e: Enum | undefined): fc.Arbitrary<unknown> {
  const n = fc.integer({ min: 0, max });
  if (!e) return n;
  // The decoder names numbers that have a name, so a named number only appears as its name.
  const named = n.map((x) => e[x] ?? x);
  const names = Object.values(e);
  return names.length ? fc.oneof(fc.constantFrom(...names), named) : named;
}

/** Whether ctx can build values for this field (only `message4` depends on a hook). */
export function isGenerable(f: Field, ctx: ArbitraryContext): boolean {
  if (f.t === 'message4') return ctx.message4 !== undefined;
  if (f.t === 'array') return isGenerable(f.of, ctx);
  if (f.t === 'record') return f.fields.every((x) => isGenerable(x.type, ctx));
  return true;
}

/**
 * Values of one field as the decoder returns them. `last`: the field ends its
 * option, so a partial domain name (which reads to the end) may appear.
 */
export function arbitraryForField(f: Field, ctx: ArbitraryContext, last = true): fc.Arbitrary<unknown> {
  switch (f.t) {
    case 'empty':
      return fc.constant(undefined);
    case 'u8':
      return uint(0xff, f.enum);
    case 'u16':
      return uint(0xffff, f.enum);
    case 'u32':
      return uint(0xffffffff, f.enum);
    case 'i32':
      return v.i32;
    case 'bool':
      return fc.boolean();
    case 'ipv4':
      return v.ipv4;
    case 'ipv6':
      return v.ipv6;
    case 'prefix6':
      return v.prefix6;
    case 'vprefix6':
      return v.vprefix6;
    case 'vprefix4':
      return v.vprefix4;
    case 'string':
      return v.utf8String;
    case 'binary':
      return v.hexBytes(0, 24);
    case 'fixed-binary':
      return v.hexBytes(f.size, f.size);
    case 'fqdn':
      return v.domainName({ partial: last });
    case 'fqdn-list':
      return v.domainNames;
    case 'duid':
      return v.duid;
    case 'tuples':
      return fc.array(v.hexBytes(0, 16), { maxLength: 3 });
    case 'array': {
      const min = f.min ?? 0;
      return fc.array(arbitraryForField(f.of, ctx, false), { minLength: min, maxLength: Math.max(min, 4) });
    }
    case 'record':
      return recordOf(f.fields, ctx, last);
    case 'options':
      return arbitraryOptions(f.space, ctx);
    case 'message6':
      return arbitraryMessage6(ctx);
    case 'message4':
      if (!ctx.message4) throw new Error('no DHCPv4 message arbitrary: pass message4 to arbitraryContext');
      return ctx.message4(ctx);
    case 'custom': {
      const make = ctx.custom.get(f.name);
      if (!make) throw new Error(`no arbitrary for custom field "${f.name}": pass it in arbitraryContext({custom})`);
      return make(ctx);
    }
  }
}

function recordOf(fields: readonly { name: string; type: Field }[], ctx: ArbitraryContext, last: boolean): fc.Arbitrary<unknown> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  fields.forEach((x, i) => {
    // The decoder leaves out fields that decode to nothing (empty).
    if (x.type.t !== 'empty') model[x.name] = arbitraryForField(x.type, ctx, last && i === fields.length - 1);
  });
  return v.plainRecord(model);
}

/** One option of a given definition: {code, name, value}, or {code, name} for an empty type. */
export function arbitraryDefinedOption(def: OptionDef, ctx: ArbitraryContext): fc.Arbitrary<Option> {
  if (def.type.t === 'empty') return fc.constant({ code: def.code, name: def.name });
  return arbitraryForField(def.type, ctx).map((value) => ({ code: def.code, name: def.name, value }));
}

/** An option whose code the space does not define: {code, raw}. 8-bit spaces use 1..254 (0 and 255 are pad and end). */
export function arbitraryUnknownOption(s: Space): fc.Arbitrary<Option> {
  const [lo, hi] = s.format === 'dhcp6' ? [0, 0xffff] : [1, 254];
  const code = fc.oneof(fc.integer({ min: lo, max: Math.min(hi, 128) }), fc.integer({ min: lo, max: hi })).filter((c) => !s.byCode.has(c));
  return v.plainRecord({ code, raw: v.hexBytes(0, 24) });
}

/** Any option of the space: a defined one with a generated value, or an unknown code with raw bytes. */
export function arbitraryOption(s: Space, ctx: ArbitraryContext): fc.Arbitrary<Option> {
  return memo(ctx, `option:${s.name}`, () => {
    const known = [...s.byCode.values()].filter((c) => isGenerable(c.def.type, ctx)).map((c) => arbitraryDefinedOption(c.def, ctx));
    const free = (s.format === 'dhcp6' ? 0x10000 : 254) - s.byCode.size;
    if (free === 0) return fc.oneof(...known);
    const unknown = { weight: Math.max(1, known.length >> 3), arbitrary: arbitraryUnknownOption(s) };
    return fc.oneof(...known.map((arbitrary) => ({ weight: 1, arbitrary })), unknown);
  });
}

/** A list of options of the named space, one nesting level down; empty once depth runs out. */
export function arbitraryOptions(spaceName: string, ctx: ArbitraryContext): fc.Arbitrary<Option[]> {
  const s = space(ctx, spaceName);
  if (ctx.depth <= 0) return fc.constant([]);
  return fc.array(arbitraryOption(s, deeper(ctx)), { maxLength: ctx.maxOptions });
}

const RELAY_MSG = 9;
const NOT_CLIENT_SERVER = new Set(['relay-forw', 'relay-repl', 'dhcpv4-query', 'dhcpv4-response']);
const CLIENT_SERVER_TYPES = Object.values(MESSAGE_TYPES).filter((t) => !NOT_CLIENT_SERVER.has(t));
// Unassigned codes decode as numbers with the client/server layout.
const unassignedType = v.u8.filter((c) => MESSAGE_TYPES[c] === undefined);

/**
 * DHCPv6 messages (RFC 8415 §8, §9; RFC 7341 §6): client/server messages,
 * DHCPv4-query/response, and relay messages that wrap another message in a
 * relay-msg option, nested as deep as ctx.depth allows.
 */
export function arbitraryMessage6(ctx: ArbitraryContext = arbitraryContext()): fc.Arbitrary<Message6> {
  return memo(ctx, 'message6', () => {
    const options = arbitraryOptions('dhcp6', ctx);
    const clientServer = v.plainRecord({
      type: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...CLIENT_SERVER_TYPES) }, { weight: 1, arbitrary: unassignedType }),
      xid: v.u24,
      options,
    });
    const dhcp4o6 = v.plainRecord({ type: fc.constantFrom('dhcpv4-query' as const, 'dhcpv4-response' as const), flags: v.u24, options });
    if (ctx.depth <= 0) return fc.oneof(clientServer, dhcp4o6);
    const name = space(ctx, 'dhcp6').byCode.get(RELAY_MSG)?.def.name ?? 'relay-msg';
    const relayMsg = arbitraryMessage6(deeper(ctx)).map((value): Option => ({ code: RELAY_MSG, name, value }));
    const relay = v.plainRecord({
      type: fc.constantFrom('relay-forw' as const, 'relay-repl' as const),
      hopCount: v.u8,
      linkAddress: v.ipv6,
      peerAddress: v.ipv6,
      options: fc.tuple(options, relayMsg, options).map(([a, m, b]) => [...a, m, ...b]),
    });
    return fc.oneof({ weight: 3, arbitrary: clientServer }, { weight: 1, arbitrary: dhcp4o6 }, { weight: 2, arbitrary: relay });
  });
}

/**
 * Vendor options (vendor.ts): an enterprise number, then options of space
 * `${prefix}${enterprise}` when one exists, else of `fallback`. Enterprises
 * with a defined space are picked often, so their definitions get exercised.
 */
export function vendorOptionsArbitrary(prefix: string, fallback: string): ArbitraryFactory {
  return (ctx) => {
    const defined = [...ctx.spaces.keys()]
      .filter((n) => n.startsWith(prefix) && /^[0-9]+$/.test(n.slice(prefix.length)))
      .map((n) => Number(n.slice(prefix.length)));
    const enterprise = defined.length ? fc.oneof(fc.constantFrom(...defined), v.u32) : v.u32;
    return enterprise.chain((e) => {
      const s = ctx.spaces.has(`${prefix}${e}`) ? `${prefix}${e}` : fallback;
      return arbitraryOptions(s, ctx).map((options) => ({ enterprise: e, options }));
    });
  };
}
