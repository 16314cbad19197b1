import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Codec, MAX_OPTIONS, MAX_RELAY_DEPTH } from './codec.js';
import { DecodeError } from './errors.js';
import type { Field } from './fields.js';
import { defineSpace, extendSpace, type Option, type OptionDef, type Space } from './options.js';
import { standardSpaces } from './spaces.js';
import type { Message6 } from './v6/message.js';
import { STATUS_CODES } from './v6/types.js';
import { relayedSolicit } from './testing/samples.js';
import { arbitraryContext, arbitraryDefinedOption, arbitraryMessage6, arbitraryOption, isGenerable, type ArbitraryContext } from './testing/arbitrary.js';
import { applyMutations, junkMessage, mutation } from './testing/mutate.js';

/** DESIGN invariants 1 (the decoder is total) and 2 (round trip) for the DHCPv6 codec. */

const codec = new Codec();
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** The option of the dhcp6 space that carries options of `space`, holding `o`. */
function carry(c: Codec, space: string, o: Option): Option {
  if (space === 'dhcp6') return o;
  const top = c.space('dhcp6');
  for (const { def } of top.byCode.values()) {
    if (def.type.t === 'options' && def.type.space === space) return { code: def.code, name: def.name, value: [o] };
  }
  const vendor = top.byName.get('vendor-opts')?.def;
  const en = /^vendor-([0-9]+)$/.exec(space);
  if (vendor && (en || space === 'vendor-opts')) {
    let enterprise = en ? Number(en[1]) : 0;
    while (!en && c.hasSpace(`vendor-${enterprise}`)) enterprise++;
    return { code: vendor.code, name: vendor.name, value: { enterprise, options: [o] } };
  }
  throw new Error(`no option carries space ${space}: teach carry() about it`);
}

function inMessage(c: Codec, space: string, o: Option): Message6 {
  return { type: 'solicit', xid: 0x123456, options: [carry(c, space, o)] };
}

/** decode(encode(m)) = m; encoding is pure: same bytes every time, from any codec, input untouched. */
function roundTrips(c: Codec, m: Message6): void {
  const before = structuredClone(m);
  const bytes = c.encode6(m);
  expect(m).toStrictEqual(before);
  c.encode6(relayedSolicit());
  expect(hex(c.encode6(m))).toBe(hex(bytes));
  expect(hex(new Codec(c.spaces.values()).encode6(m))).toBe(hex(bytes));
  expect(c.decode6(bytes)).toStrictEqual(m);
}

/** Bytes give a message or a DecodeError within the input; a message re-encodes to the same bytes. */
function decodesCanonically(bytes: Uint8Array): void {
  const r = codec.decode6(bytes);
  if (r instanceof DecodeError) {
    expect(Number.isInteger(r.offset) && r.offset >= 0 && r.offset <= bytes.length, `offset ${r.offset} of ${bytes.length}`).toBe(true);
    expect(r.reason).not.toBe('');
    return;
  }
  expect(hex(codec.encode6(r))).toBe(hex(bytes));
}

function describeSpaceDefs(c: Codec, ctx: ArbitraryContext, s: Space, runs: number): void {
  for (const { def } of s.byCode.values()) {
    const title = `${def.code} ${def.name} (${def.ref ?? 'no reference'})`;
    if (!isGenerable(def.type, ctx)) {
      it.todo(`${title}: needs a DHCPv4 message arbitrary (arbitraryContext({message4}))`);
      continue;
    }
    it(title, () => {
      fc.assert(fc.property(arbitraryDefinedOption(def, ctx), (o) => roundTrips(c, inMessage(c, s.name, o))), { numRuns: runs });
    });
  }
  it('any option, defined or not (unknown codes keep their raw bytes)', () => {
    fc.assert(fc.property(arbitraryOption(s, ctx), (o) => roundTrips(c, inMessage(c, s.name, o))), { numRuns: runs });
  });
}

const optionCtx = arbitraryContext({ spaces: codec.spaces, depth: 2, maxOptions: 3 });

for (const s of codec.spaces.values()) {
  if (s.format !== 'dhcp6') continue;
  describe(`options of space ${s.name} round-trip (DESIGN invariant 2)`, () => describeSpaceDefs(codec, optionCtx, s, 150));
}

/** One field of every kind in fields.ts, so the shared vocabulary is covered even where no standard option uses a kind. */
const EVERY_KIND: Record<Field['t'], Field[]> = {
  empty: [{ t: 'empty' }],
  u8: [{ t: 'u8' }],
  u16: [{ t: 'u16', enum: STATUS_CODES }],
  u32: [{ t: 'u32', enum: { 0: 'zero', 0xffffffff: 'infinity' } }],
  i32: [{ t: 'i32' }],
  bool: [{ t: 'bool' }],
  ipv4: [{ t: 'ipv4' }],
  ipv6: [{ t: 'ipv6' }],
  prefix6: [{ t: 'prefix6' }],
  vprefix6: [{ t: 'vprefix6' }],
  vprefix4: [{ t: 'vprefix4' }],
  string: [{ t: 'string' }],
  binary: [{ t: 'binary' }],
  'fixed-binary': [{ t: 'fixed-binary', size: 3 }],
  fqdn: [{ t: 'fqdn' }],
  'fqdn-list': [{ t: 'fqdn-list' }, { t: 'fqdn-list', compression: true }],
  duid: [{ t: 'duid' }],
  tuples: [{ t: 'tuples', lenSize: 1 }, { t: 'tuples', lenSize: 2 }],
  array: [
    { t: 'array', of: { t: 'u8' }, min: 2 },
    { t: 'array', of: { t: 'vprefix4' } },
    { t: 'array', of: { t: 'fqdn' } },
    { t: 'array', of: { t: 'record', fields: [{ name: 'on', type: { t: 'bool' } }, { name: 'at', type: { t: 'ipv4' } }] } },
  ],
  record: [
    {
      t: 'record',
      fields: [
        { name: 'n', type: { t: 'i32' } },
        { name: 'nothing', type: { t: 'empty' } },
        { name: 'name', type: { t: 'fqdn' } },
      ],
    },
  ],
  options: [{ t: 'options', space: 'v6-ntp-server-suboptions' }],
  message6: [{ t: 'message6' }],
  message4: [{ t: 'message4' }],
  custom: [codec.space('dhcp6').byName.get('radius')!.def.type],
};

const KINDS_SPACE = 'test-every-kind';
const kindDefs: OptionDef[] = Object.values(EVERY_KIND)
  .flat()
  .map((type, i) => ({ code: i + 1, name: `kind-${i + 1}-${type.t}`, type }));
const kindsCodec = new Codec([
  ...standardSpaces().map((s) => (s.name === 'dhcp6' ? extendSpace(s, [{ code: 65000, name: KINDS_SPACE, type: { t: 'options', space: KINDS_SPACE } }]) : s)),
  defineSpace(KINDS_SPACE, 'dhcp6', kindDefs),
]);

describe('every field kind round-trips (fields.ts vocabulary, DESIGN invariant 2)', () => {
  describeSpaceDefs(kindsCodec, arbitraryContext({ spaces: kindsCodec.spaces, depth: 2, maxOptions: 3 }), kindsCodec.space(KINDS_SPACE), 150);
});

describe('DHCPv6 messages (RFC 8415 §8, §9, RFC 7341 §6)', () => {
  const messages = arbitraryMessage6(arbitraryContext({ spaces: codec.spaces }));

  it('decode(encode(m)) equals m, and encode(decode(bytes)) equals bytes (DESIGN invariant 2)', () => {
    fc.assert(
      fc.property(messages, (m) => {
        roundTrips(codec, m);
        decodesCanonically(codec.encode6(m));
      }),
      { numRuns: 500 },
    );
  });

  it('stay well under the 65535-byte limit, so the arbitraries never hit it', () => {
    fc.assert(
      fc.property(messages, (m) => {
        expect(codec.encode6(m).length).toBeLessThan(32768);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the decoder is total and canonical (DESIGN invariant 1)', () => {
  it('arbitrary bytes give a message or a DecodeError', () => {
    // A string option starting with a UTF-8 byte-order mark must keep it (RFC 3629 §6 leaves it part of the data).
    const bom = Uint8Array.from(Buffer.from('0100000000290003efbbbf', 'hex'));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), decodesCanonically), { numRuns: 1000, examples: [[bom]] });
  });

  it('random option streams with typed codes give a message or a DecodeError', () => {
    const codes = [...codec.space('dhcp6').byCode.keys()];
    fc.assert(fc.property(junkMessage(codes), decodesCanonically), { numRuns: 1000 });
  });

  it('damaged valid messages (bit flips, truncation, insertions, lying lengths) give a message or a DecodeError', () => {
    const damaged = fc
      .tuple(arbitraryMessage6(arbitraryContext({ spaces: codec.spaces, depth: 3, maxOptions: 4 })), fc.array(mutation, { minLength: 1, maxLength: 3 }))
      .map(([m, ms]) => applyMutations(codec.encode6(m), ms));
    fc.assert(fc.property(damaged, decodesCanonically), { numRuns: 1000 });
  });
});

/** A client message whose options nest `levels` deep: each option of `code` holds `pad` zero bytes, then the next. */
function nestedOptions(code: number, pad: number, levels: number): Buffer {
  const b = Buffer.alloc(4 + levels * (4 + pad));
  b[0] = 1;
  for (let i = 0, at = 4; i < levels; i++, at += 4 + pad) {
    b.writeUInt16BE(code, at);
    b.writeUInt16BE(b.length - at - 4, at + 2);
  }
  return b;
}

/** relay-forw headers (34 bytes) each followed by a relay-msg option header, to fill 64 KiB. */
function nestedRelays(): Buffer {
  const per = 34 + 4;
  const levels = Math.floor((0xffff - 4) / per);
  const b = Buffer.alloc(levels * per + 4);
  for (let i = 0, at = 0; i < levels; i++, at += per) {
    b[at] = 12;
    b.writeUInt16BE(9, at + 34);
    b.writeUInt16BE(b.length - at - per, at + 36);
  }
  b[levels * per] = 1;
  return b;
}

/** `levels` relay-forw headers, each holding the next in a relay-msg option, around a Solicit. */
function relayChain(levels: number): Buffer {
  let m: Message6 = { type: 'solicit', xid: 1, options: [] };
  for (let i = 0; i < levels; i++) m = { type: 'relay-forw', hopCount: i, linkAddress: '::', peerAddress: '::', options: [{ code: 9, name: 'relay-msg', value: m }] };
  return codec.encode6(m);
}

/** Decode, failing on anything but a message or a DecodeError, and on taking more than a second. */
function decodeBounded(b: Uint8Array): ReturnType<Codec['decode6']> {
  const started = performance.now();
  const r = codec.decode6(b);
  expect(performance.now() - started).toBeLessThan(1000);
  return r;
}

describe('the decoder is bounded (RFC 8415 §7.6; DESIGN invariants 1, 7)', () => {
  it(`decodes a relay chain of ${MAX_RELAY_DEPTH} levels and refuses ${MAX_RELAY_DEPTH + 1}`, () => {
    let m = decodeBounded(relayChain(MAX_RELAY_DEPTH)) as Message6;
    for (let i = MAX_RELAY_DEPTH - 1; i >= 0; i--) {
      expect(m).toMatchObject({ type: 'relay-forw', hopCount: i });
      m = m.options[0]!.value as Message6;
    }
    expect(m).toStrictEqual({ type: 'solicit', xid: 1, options: [] });
    const r = decodeBounded(relayChain(MAX_RELAY_DEPTH + 1));
    expect(r).toBeInstanceOf(DecodeError);
    expect((r as DecodeError).reason).toMatch(/nested deeper than/);
  });

  it('refuses a 64 KiB packet of nested relays quickly', () => {
    expect(decodeBounded(nestedRelays())).toBeInstanceOf(DecodeError);
  });

  it.each([
    ['client-data', 45, 0],
    ['ia-na', 3, 12],
    ['iaaddr', 5, 24],
  ])('decodes or refuses a 64 KiB packet of %s options nested to the end quickly', (_name, code, pad) => {
    const b = nestedOptions(code, pad, Math.floor((0xffff - 4) / (4 + pad)));
    const r = decodeBounded(b);
    if (!(r instanceof DecodeError)) expect(hex(codec.encode6(r))).toBe(hex(b));
  });

  it(`decodes ${MAX_OPTIONS} options and refuses one more`, () => {
    const flat = (n: number): Buffer => {
      const b = Buffer.alloc(4 + 4 * n);
      b[0] = 1;
      for (let at = 4; at < b.length; at += 4) b.writeUInt16BE(14, at);
      return b;
    };
    expect((decodeBounded(flat(MAX_OPTIONS)) as Message6).options).toHaveLength(MAX_OPTIONS);
    expect(decodeBounded(flat(MAX_OPTIONS + 1))).toBeInstanceOf(DecodeError);
    expect(decodeBounded(flat(0x3fff - 1))).toBeInstanceOf(DecodeError);
  });

  it('keeps any number of malformed relay-msg options raw: siblings are not nesting', () => {
    const m: Message6 = { type: 'reply', xid: 7, options: Array.from({ length: MAX_RELAY_DEPTH + 8 }, () => ({ code: 9, raw: '' })) };
    const bytes = codec.encode6(m);
    const r = decodeBounded(bytes);
    expect(r).not.toBeInstanceOf(DecodeError);
    expect((r as Message6).options.every((o) => o.name === 'relay-msg' && o.raw === '' && o.error !== undefined)).toBe(true);
    expect(hex(codec.encode6(r as Message6))).toBe(hex(bytes));
  });
});
