import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalIpv6, MESSAGE_TYPES, type Option, type RelayMessage6 } from '../../protocol/index.js';
import type { PipelineRequest } from '../types.js';
import { compileBool, compileValue, ExpressionError } from './index.js';
import { request } from './testing.js';

/**
 * (a) Random well-typed expressions, printed to text, compiled, and compared
 * with a tree-walking reference interpreter written here from the language's
 * description. (b) No text makes the compilers throw anything but
 * ExpressionError, and nothing they compile throws when run.
 */

type Ty = 'bool' | 'int' | 'bytes' | 'string' | 'address';
type Val = number | string | boolean | undefined;

type E =
  | { k: 'int'; v: number }
  | { k: 'bytes'; v: string; upper: boolean }
  | { k: 'str'; v: string; dq: boolean }
  | { k: 'bool'; v: boolean }
  | { k: 'field'; ty: Ty; path: string; get: (q: PipelineRequest) => Val }
  | { k: 'call'; fn: string; args: E[] }
  | { k: 'exists'; arg: E }
  | { k: 'marked'; name: string }
  | { k: 'not'; arg: E }
  | { k: 'and' | 'or'; args: E[] }
  | { k: 'cmp'; op: string; l: E; r: E }
  | { k: 'in'; l: E; list: E[] }
  | { k: 'paren'; e: E };

// ---- reference interpreter -------------------------------------------------

const opt = (os: readonly Option[], code: number): Option | undefined => os.find((o) => o.code === code);
const rec = (o: Option | undefined): Record<string, unknown> | undefined =>
  typeof o?.value === 'object' && o.value !== null ? (o.value as Record<string, unknown>) : undefined;

/** Option bodies for the shapes the generated requests use. */
function body(o: Option | undefined): string | undefined {
  if (!o) return undefined;
  if (o.raw !== undefined) return o.raw;
  if (o.code === 37) {
    const r = rec(o)!;
    return (r.enterprise as number).toString(16).padStart(8, '0') + (r.remoteId as string);
  }
  if (o.code === 16) {
    const r = rec(o)!;
    const data = (r.data as string[]).map((d) => (d.length / 2).toString(16).padStart(4, '0') + d).join('');
    return (r.enterprise as number).toString(16).padStart(8, '0') + data;
  }
  return o.value as string;
}

const bytesOf = (h: string): Buffer => Buffer.from(h, 'hex');
const tyOf = (e: E): Ty =>
  e.k === 'int' ? 'int' : e.k === 'bytes' ? 'bytes' : e.k === 'str' ? 'string' : e.k === 'field' ? e.ty : e.k === 'paren' ? tyOf(e.e) : e.k === 'call' ? callTy(e) : 'bool';
function callTy(e: E & { k: 'call' }): Ty {
  if (e.fn === 'len') return 'int';
  if (e.fn === 'hex' || e.fn === 'lower') return 'string';
  if (e.fn === 'starts_with') return 'bool';
  return tyOf(e.args[0]!);
}

/** A literal meeting an address is an address literal. */
function litFor(e: E, other: Ty): Val {
  if (e.k === 'paren') return litFor(e.e, other);
  if (e.k === 'str' && other === 'address') return canonicalIpv6(e.v);
  return ev(e, undefined as never, undefined as never);
}

function ev(e: E, q: PipelineRequest, marks: ReadonlySet<string>): Val {
  switch (e.k) {
    case 'int':
    case 'bool':
      return e.v;
    case 'bytes':
      return e.v.toLowerCase();
    case 'str':
      return e.v;
    case 'field':
      return e.get(q);
    case 'paren':
      return ev(e.e, q, marks);
    case 'marked':
      return marks.has(e.name);
    case 'exists':
      if (e.arg.k === 'field' && e.arg.path.includes('option[')) return e.arg.get(q) !== undefined || presentOption(e.arg.path, q);
      return ev(e.arg, q, marks) !== undefined;
    case 'not':
      return !ev(e.arg, q, marks);
    case 'and':
      return e.args.every((a) => ev(a, q, marks) === true);
    case 'or':
      return e.args.some((a) => ev(a, q, marks) === true);
    case 'cmp': {
      const lt = tyOf(e.l);
      const rt = tyOf(e.r);
      const l = isLit(e.l) && rt === 'address' ? litFor(e.l, rt) : ev(e.l, q, marks);
      const r = isLit(e.r) && lt === 'address' ? litFor(e.r, lt) : ev(e.r, q, marks);
      if (l === undefined || r === undefined) return false;
      switch (e.op) {
        case '==':
          return l === r;
        case '!=':
          return l !== r;
        case '<':
          return (l as number) < (r as number);
        case '<=':
          return (l as number) <= (r as number);
        case '>':
          return (l as number) > (r as number);
        default:
          return (l as number) >= (r as number);
      }
    }
    case 'in': {
      const l = ev(e.l, q, marks);
      const lt = tyOf(e.l);
      return l !== undefined && e.list.some((x) => litFor(x, lt) === l);
    }
    case 'call': {
      const a = e.args.map((x) => ev(x, q, marks));
      if (a.some((x) => x === undefined)) return e.fn === 'starts_with' ? false : undefined;
      const isBytes = tyOf(e.args[0]!) === 'bytes';
      switch (e.fn) {
        case 'len':
          return isBytes ? bytesOf(a[0] as string).length : (a[0] as string).length;
        case 'hex':
          return a[0];
        case 'lower':
          return (a[0] as string).toLowerCase();
        case 'concat':
          return (a[0] as string) + (a[1] as string);
        case 'starts_with':
          return isBytes ? bytesOf(a[0] as string).subarray(0, bytesOf(a[1] as string).length).equals(bytesOf(a[1] as string)) : (a[0] as string).startsWith(a[1] as string);
        default: {
          const [s, n] = [a[1] as number, a[2] as number];
          return isBytes ? bytesOf(a[0] as string).subarray(s, s + n).toString('hex') : (a[0] as string).substring(Math.min(s, (a[0] as string).length), s + n);
        }
      }
    }
  }
}

function presentOption(path: string, q: PipelineRequest): boolean {
  const m = /^(?:msg|relay\[(\d+)\])\.option\[(\d+)\]$/.exec(path)!;
  const os = m[1] === undefined ? q.msg.options : q.relays[Number(m[1])]?.options;
  return os !== undefined && opt(os, Number(m[2])) !== undefined;
}

/** Parentheses leave no trace in the syntax tree, so a parenthesized literal is a literal. */
const isLit = (e: E): boolean => (e.k === 'paren' ? isLit(e.e) : e.k === 'int' || e.k === 'bytes' || e.k === 'str' || e.k === 'bool');

// ---- printer ---------------------------------------------------------------

/** Precedence: or 1, and 2, not 3, comparison 4, primary 5. */
function prec(e: E): number {
  return e.k === 'or' ? 1 : e.k === 'and' ? 2 : e.k === 'not' ? 3 : e.k === 'cmp' || e.k === 'in' ? 4 : 5;
}

function quote(s: string, dq: boolean): string {
  const qc = dq ? '"' : "'";
  return qc + s.replace(/\\/g, '\\\\').replace(dq ? /"/g : /'/g, '\\' + qc) + qc;
}

function print(e: E): string {
  const at = (c: E, min: number): string => (prec(c) < min ? `(${print(c)})` : print(c));
  switch (e.k) {
    case 'int':
      return String(e.v);
    case 'bytes':
      return '0x' + (e.upper ? e.v.toUpperCase() : e.v);
    case 'str':
      return quote(e.v, e.dq);
    case 'bool':
      return String(e.v);
    case 'field':
      return e.path;
    case 'paren':
      return `( ${print(e.e)} )`;
    case 'marked':
      return `marked('${e.name}')`;
    case 'exists':
      return `exists(${print(e.arg)})`;
    case 'call':
      return `${e.fn}(${e.args.map(print).join(', ')})`;
    case 'not':
      return `not ${at(e.arg, 3)}`;
    case 'and':
      return e.args.map((a) => at(a, 3)).join(' and ');
    case 'or':
      return e.args.map((a) => at(a, 2)).join(' or ');
    case 'cmp':
      return `${at(e.l, 5)} ${e.op} ${at(e.r, 5)}`;
    case 'in':
      return `${at(e.l, 5)} in [${e.list.map(print).join(', ')}]`;
  }
}

// ---- generators ------------------------------------------------------------

const HOPS = [0, 1, 2, 3];
const BYTES = ['01', '0102', 'aabb', 'aabbcc', '657468302f31', 'beef'];
const STRINGS = ['', 'a', 'eth0', 'ETH0', "it's", 'x"y', 'back\\slash', 'solicit'];
const ADDRS = ['2001:db8::1', '2001:DB8:0::1', 'fe80::1', 'fe80::a', '::'];
const INTS = [0, 1, 2, 3, 4, 6, 12, 255, 3561, 4491, 0xabcdef, 4294967295];
const TYPES = Object.values(MESSAGE_TYPES);

const hopOf = (q: PipelineRequest, i: number): RelayMessage6 | undefined => q.relays[i];
const field = (ty: Ty, path: string, get: (q: PipelineRequest) => Val): E => ({ k: 'field', ty, path, get });

const intFields: fc.Arbitrary<E> = fc.oneof(
  fc.constant(field('int', 'msg.xid', (q) => q.msg.xid)),
  fc.constant(field('int', 'subnet', (q) => q.subnetId)),
  fc.constant(field('int', 'elapsed', (q) => q.elapsedSeconds)),
  fc.constant(field('int', 'relay.count', (q) => q.relays.length)),
  fc.constant(field('int', 'vendor_class_enterprise', (q) => rec(opt(q.msg.options, 16))?.enterprise as number | undefined)),
  fc.constantFrom(...HOPS).map((i) => field('int', `relay[${i}].hop_count`, (q) => hopOf(q, i)?.hopCount)),
  fc.constantFrom(...HOPS).map((i) => field('int', `relay[${i}].remote_id_enterprise`, (q) => rec(opt(hopOf(q, i)?.options ?? [], 37))?.enterprise as number | undefined)),
  fc.constantFrom(...HOPS).map((i) => field('int', `relay[${i}].client_linklayer_type`, (q) => rec(opt(hopOf(q, i)?.options ?? [], 79))?.linkType as number | undefined)),
);

const hopOption = (i: number, code: number) => (q: PipelineRequest) => {
  const h = hopOf(q, i);
  return h ? body(opt(h.options, code)) : undefined;
};

const bytesFields: fc.Arbitrary<E> = fc.oneof(
  fc.constant(field('bytes', 'duid', (q) => q.ids.duid)),
  fc.constant(field('bytes', 'hwaddr', (q) => q.ids['hw-address'])),
  fc.constantFrom(16, 18, 65001, 65002).map((c) => field('bytes', `msg.option[${c}]`, (q) => body(opt(q.msg.options, c)))),
  fc.constantFrom(...HOPS).map((i) => field('bytes', `relay[${i}].remote_id`, (q) => rec(opt(hopOf(q, i)?.options ?? [], 37))?.remoteId as string | undefined)),
  fc.constantFrom(...HOPS).map((i) => field('bytes', `relay[${i}].interface_id`, hopOption(i, 18))),
  fc.constantFrom(...HOPS).map((i) => field('bytes', `relay[${i}].subscriber_id`, hopOption(i, 38))),
  fc.constantFrom(...HOPS).map((i) => field('bytes', `relay[${i}].client_linklayer`, (q) => rec(opt(hopOf(q, i)?.options ?? [], 79))?.address as string | undefined)),
  fc.tuple(fc.constantFrom(...HOPS), fc.constantFrom(18, 37, 38, 65001)).map(([i, c]) => field('bytes', `relay[${i}].option[${c}]`, hopOption(i, c))),
);

const stringFields: fc.Arbitrary<E> = fc.oneof(
  fc.constant(field('string', 'msg.type', (q) => q.type)),
  fc.constant(field('string', 'iface', (q) => q.iface)),
);

const addressFields: fc.Arbitrary<E> = fc.oneof(
  fc.constant(field('address', 'source', (q) => q.source)),
  fc.constantFrom(...HOPS).map((i) => field('address', `relay[${i}].link_address`, (q) => hopOf(q, i)?.linkAddress)),
  fc.constantFrom(...HOPS).map((i) => field('address', `relay[${i}].peer_address`, (q) => hopOf(q, i)?.peerAddress)),
);

const intLit = fc.constantFrom(...INTS).map((v): E => ({ k: 'int', v }));
const bytesLit = fc.tuple(fc.constantFrom(...BYTES), fc.boolean()).map(([v, upper]): E => ({ k: 'bytes', v, upper }));
const strLit = fc.tuple(fc.constantFrom(...STRINGS), fc.boolean()).map(([v, dq]): E => ({ k: 'str', v, dq }));
const addrLit = fc.tuple(fc.constantFrom(...ADDRS), fc.boolean()).map(([v, dq]): E => ({ k: 'str', v, dq }));
const typeLit = fc.tuple(fc.constantFrom(...TYPES), fc.boolean()).map(([v, dq]): E => ({ k: 'str', v, dq }));

const isMsgType = (e: E): boolean => (e.k === 'field' && e.path === 'msg.type') || (e.k === 'paren' && isMsgType(e.e));

function gen(ty: Ty, depth: number): fc.Arbitrary<E> {
  const leafOnly = depth <= 0;
  const sub = (t: Ty): fc.Arbitrary<E> => gen(t, depth - 1);
  const paren = (a: fc.Arbitrary<E>): fc.Arbitrary<E> => fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: a.map((e): E => ({ k: 'paren', e })) });
  switch (ty) {
    case 'int':
      return leafOnly ? fc.oneof(intLit, intFields) : paren(fc.oneof(intLit, intFields, fc.constantFrom<Ty>('bytes', 'string').chain((t) => sub(t).map((a): E => ({ k: 'call', fn: 'len', args: [a] })))));
    case 'address':
      return addressFields;
    case 'bytes':
    case 'string': {
      const lit = ty === 'bytes' ? bytesLit : strLit;
      const fields = ty === 'bytes' ? bytesFields : stringFields;
      if (leafOnly) return fc.oneof(lit, fields);
      const fns: fc.Arbitrary<E>[] = [
        fc.tuple(sub(ty), sub('int'), sub('int')).map(([a, s, n]): E => ({ k: 'call', fn: 'substring', args: [a, s, n] })),
        fc.tuple(sub(ty), sub(ty)).map(([a, b]): E => ({ k: 'call', fn: 'concat', args: [a, b] })),
      ];
      if (ty === 'string') {
        fns.push(sub('bytes').map((a): E => ({ k: 'call', fn: 'hex', args: [a] })));
        fns.push(sub('string').map((a): E => ({ k: 'call', fn: 'lower', args: [a] })));
      }
      return paren(fc.oneof({ weight: 2, arbitrary: lit }, { weight: 3, arbitrary: fields }, ...fns.map((arbitrary) => ({ weight: 1, arbitrary }))));
    }
    case 'bool': {
      const leaves = fc.oneof(
        fc.boolean().map((v): E => ({ k: 'bool', v })),
        fc.constantFrom('a', 'b').map((name): E => ({ k: 'marked', name })),
        fc.oneof(intFields, bytesFields, stringFields, addressFields).map((arg): E => ({ k: 'exists', arg })),
      );
      if (leafOnly) return leaves;
      const valueTy = fc.constantFrom<Ty>('int', 'bytes', 'string', 'address');
      const eq = valueTy.chain((t) =>
        fc
          .tuple(fc.constantFrom('==', '!='), t === 'address' ? addressFields : sub(t), t === 'address' ? fc.oneof(addressFields, addrLit) : sub(t), fc.boolean())
          // A string literal meeting msg.type must name a message type (a load-time check).
          .chain(([op, l, r, swap]) => {
            const [a, b] = swap ? [r, l] : [l, r];
            if (isMsgType(a) && isLit(b)) return typeLit.map((lit): E => ({ k: 'cmp', op, l: a, r: lit }));
            if (isMsgType(b) && isLit(a)) return typeLit.map((lit): E => ({ k: 'cmp', op, l: lit, r: b }));
            return fc.constant<E>({ k: 'cmp', op, l: a, r: b });
          }),
      );
      const ord = fc.tuple(fc.constantFrom('<', '<=', '>', '>='), sub('int'), sub('int')).map(([op, l, r]): E => ({ k: 'cmp', op, l, r }));
      const inList = valueTy.chain((t) => {
        const left = t === 'address' ? addressFields : sub(t);
        return left.chain((l) => {
          const litArb = t === 'int' ? intLit : t === 'bytes' ? bytesLit : t === 'address' ? addrLit : isMsgType(l) ? typeLit : strLit;
          return fc.array(litArb, { minLength: 1, maxLength: 12 }).map((list): E => ({ k: 'in', l, list }));
        });
      });
      const sw = fc.constantFrom<Ty>('bytes', 'string').chain((t) => fc.tuple(sub(t), sub(t)).map(([a, b]): E => ({ k: 'call', fn: 'starts_with', args: [a, b] })));
      const junction = fc.tuple(fc.constantFrom<'and' | 'or'>('and', 'or'), fc.array(sub('bool'), { minLength: 2, maxLength: 4 })).map(([k, args]): E => ({ k, args }));
      const not = sub('bool').map((arg): E => ({ k: 'not', arg }));
      const boolEq = fc.tuple(fc.constantFrom('==', '!='), sub('bool'), sub('bool')).map(([op, l, r]): E => ({ k: 'cmp', op, l, r }));
      return paren(fc.oneof(leaves, eq, ord, inList, sw, junction, not, boolEq));
    }
  }
}

// ---- requests --------------------------------------------------------------

const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });

const hopArb: fc.Arbitrary<RelayMessage6> = fc
  .record({
    linkAddress: fc.constantFrom('2001:db8::1', '::', 'fe80::a'),
    peerAddress: fc.constantFrom('fe80::1', 'fe80::a'),
    hopCount: fc.integer({ min: 0, max: 4 }),
    interfaceId: maybe(fc.constantFrom('657468302f31', '01', 'aabb')),
    remoteId: maybe(fc.record({ enterprise: fc.constantFrom(9, 3561, 4491), remoteId: fc.constantFrom('0102', 'aabbcc', '01', '') })),
    subscriberId: maybe(fc.constantFrom('beef', '0102')),
    linklayer: maybe(fc.record({ linkType: fc.constantFrom(1, 6), address: fc.constantFrom('02000000beef', 'aabb') })),
    raw: maybe(fc.constantFrom('', '01', 'aabb')),
  })
  .map((h) => {
    const options: Option[] = [];
    if (h.raw !== undefined) options.push({ code: 65001, raw: h.raw });
    if (h.interfaceId !== undefined) options.push({ code: 18, name: 'interface-id', value: h.interfaceId });
    if (h.remoteId) options.push({ code: 37, name: 'remote-id', value: h.remoteId });
    if (h.subscriberId !== undefined) options.push({ code: 38, name: 'subscriber-id', value: h.subscriberId });
    if (h.linklayer) options.push({ code: 79, name: 'client-linklayer-addr', value: h.linklayer });
    return { type: 'relay-forw' as const, hopCount: h.hopCount, linkAddress: h.linkAddress, peerAddress: h.peerAddress, options };
  });

const requestArb: fc.Arbitrary<PipelineRequest> = fc
  .record({
    type: fc.constantFrom('solicit', 'request', 'renew'),
    xid: fc.constantFrom(0, 1, 255, 0xabcdef),
    relays: fc.array(hopArb, { maxLength: 3 }),
    duid: fc.constantFrom('0102', '000300010a0b0c0d0e0f', 'aabb'),
    hw: maybe(fc.constantFrom('02000000beef', 'aabb')),
    iface: maybe(fc.constantFrom('eth0', 'ETH0', 'a')),
    source: fc.constantFrom('2001:db8::1', 'fe80::1'),
    subnetId: maybe(fc.constantFrom(0, 1, 12)),
    elapsed: fc.constantFrom(0, 3, 12),
    vendor: maybe(fc.constantFrom(4491, 9)),
    raw: maybe(fc.constantFrom('01', 'aabb')),
    interfaceId: maybe(fc.constantFrom('01', 'aabb')),
  })
  .map((r) => {
    const options: Option[] = [];
    if (r.vendor !== undefined) options.push({ code: 16, name: 'vendor-class', value: { enterprise: r.vendor, data: ['6162'] } });
    if (r.raw !== undefined) options.push({ code: 65002, raw: r.raw });
    if (r.interfaceId !== undefined) options.push({ code: 18, name: 'interface-id', value: r.interfaceId });
    return request({
      type: r.type,
      xid: r.xid,
      relays: r.relays,
      options,
      ids: r.hw === undefined ? { duid: r.duid } : { duid: r.duid, 'hw-address': r.hw },
      iface: r.iface,
      source: r.source,
      subnetId: r.subnetId,
      elapsedSeconds: r.elapsed,
    });
  });

const marksArb = fc.subarray(['a', 'b']).map((m) => new Set(m) as ReadonlySet<string>);

// ---- properties ------------------------------------------------------------

describe('compiled expressions agree with the reference interpreter', () => {
  it.each<Ty>(['bool', 'int', 'bytes', 'string', 'address'])('for %s expressions', (ty) => {
    fc.assert(
      fc.property(gen(ty, 3), fc.array(fc.tuple(requestArb, marksArb), { minLength: 1, maxLength: 5 }), (e, cases) => {
        const text = print(e);
        if (ty === 'bool') {
          const f = compileBool(text);
          for (const [q, m] of cases) expect(f(q, m), text).toBe(ev(e, q, m));
        } else {
          const f = compileValue(text);
          for (const [q, m] of cases) {
            const want = ev(e, q, m);
            expect(f(q, m), text).toBe(want === undefined ? undefined : String(want));
          }
        }
      }),
      { numRuns: ty === 'bool' ? 600 : 200 },
    );
  });
});

const TOKENS = [
  'msg', 'relay', '.', '[', ']', '(', ')', ',', 'type', 'xid', 'option', 'remote_id', 'link_address', 'count', 'duid', 'iface',
  '0', '1', '37', '0x01', "'solicit'", '"a"', 'and', 'or', 'not', 'in', '==', '!=', '<', '>=', 'true', 'false',
  'exists', 'len', 'substring', 'concat', 'marked', 'hex', 'lower', 'starts_with', '=', '!', "'", '0x', '99999999999',
];

function neverThrowsOther(text: string): void {
  for (const compile of [compileBool, compileValue]) {
    let f: ((q: PipelineRequest, m: ReadonlySet<string>) => unknown) | undefined;
    try {
      f = compile(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionError);
      const x = e as ExpressionError;
      expect(x.column).toBeGreaterThanOrEqual(1);
      expect(x.column).toBeLessThanOrEqual(text.length + 1);
      expect(x.message).toBe(`column ${x.column}: ${x.reason}`);
      continue;
    }
    // What compiles must also run without throwing.
    f(request(), new Set());
  }
}

describe('any text', () => {
  it('gives a closure or an ExpressionError (arbitrary strings)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80, unit: 'binary' }), neverThrowsOther), { numRuns: 1000 });
  });

  it('gives a closure or an ExpressionError (token soup)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 20 }), fc.constantFrom(' ', ''), (toks, sep) => neverThrowsOther(toks.join(sep))),
      { numRuns: 3000 },
    );
  });

  it('gives a closure or an ExpressionError (mutated valid expressions)', () => {
    fc.assert(
      fc.property(gen('bool', 2), fc.nat(), fc.constantFrom('', ')', '(', ']', ',', 'and', "'", '0x1'), (e, at, junk) => {
        const text = print(e);
        const i = at % (text.length + 1);
        neverThrowsOther(text.slice(0, i) + junk + text.slice(i + 1));
      }),
      { numRuns: 1000 },
    );
  });
});
