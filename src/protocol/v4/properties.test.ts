import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Codec, DecodeError } from '../index.js';
import { Reader } from '../reader.js';
import { applyMutations, mutation } from '../testing/mutate.js';
import type { Message4 } from './message.js';
import { scanOptions } from './option-area.js';
import { arbitraryContext4, arbitraryMessage4 } from './arbitrary.js';
import { ack4, dhclientDiscover, packet, udhcpcRequest } from './samples.js';

/** DESIGN invariants 1 (the decoder is total) and 2 (round trip) for the DHCPv4 codec. */

const codec = new Codec();
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const messages = arbitraryMessage4(arbitraryContext4({ spaces: codec.spaces, depth: 3, maxOptions: 8 }));

/** Options whose names may use compression pointers (RFC 3397 §2), which re-encode uncompressed. */
const COMPRESSIBLE = new Set([88, 119, 120, 141, 146]);

/**
 * Whether re-encoding may differ from the bytes: the message repeats an
 * option code (RFC 3396 joins them), uses overload (RFC 2132 §9.3), or has a
 * name that may be compressed.
 */
function mayDiffer(bytes: Uint8Array, m: Message4): boolean {
  if (m.vendor !== undefined) return false;
  const scan = scanOptions(new Reader(bytes, 240), 0);
  return scan.repeated || scan.overload !== 0 || m.options.some((o) => COMPRESSIBLE.has(o.code) && o.raw === undefined);
}

/** Bytes give a message or a DecodeError within them; a message re-encodes to itself, and to the same bytes when it can. */
function decodesCanonically(bytes: Uint8Array): void {
  const m = codec.decode4(bytes);
  if (m instanceof DecodeError) {
    expect(Number.isInteger(m.offset) && m.offset >= 0 && m.offset <= bytes.length, `offset ${m.offset} of ${bytes.length}`).toBe(true);
    expect(m.reason).not.toBe('');
    return;
  }
  const again = codec.encode4(m);
  if (!mayDiffer(bytes, m)) {
    expect(hex(again)).toBe(hex(bytes));
    return;
  }
  // Options may now sit elsewhere, so the offsets in `error` texts may differ.
  expect(withoutOffsets(codec.decode4(again))).toStrictEqual(withoutOffsets(m));
}

function withoutOffsets(m: unknown): unknown {
  return JSON.parse(JSON.stringify(m), (k, v: unknown) => (k === 'error' && typeof v === 'string' ? v.replace(/ at offset [0-9]+$/, '') : v));
}

describe('DHCPv4 messages round-trip (DESIGN invariant 2)', () => {
  it('decode(encode(m)) equals m; encoding is pure and the bytes decode canonically', () => {
    fc.assert(
      fc.property(messages, (m) => {
        const before = structuredClone(m);
        const bytes = codec.encode4(m);
        expect(m).toStrictEqual(before);
        codec.encode4(ack4());
        expect(hex(codec.encode4(m))).toBe(hex(bytes));
        expect(codec.decode4(bytes)).toStrictEqual(m);
        decodesCanonically(bytes);
      }),
      { numRuns: 400 },
    );
  });
});

/** A DHCP packet: header, cookie, then TLVs with codes from the table (or any), pads, end, and a tail. */
const junkPacket = fc
  .tuple(
    fc.uint8Array({ minLength: 236, maxLength: 236 }),
    fc.array(
      fc.oneof(
        fc.tuple(fc.constantFrom(...codec.space('dhcp4').byCode.keys()), fc.uint8Array({ maxLength: 40 })).map(([c, body]) => [c, body.length, ...body]),
        fc.tuple(fc.integer({ min: 1, max: 254 }), fc.uint8Array({ maxLength: 8 })).map(([c, body]) => [c, body.length, ...body]),
        fc.constant([0]),
      ),
      { maxLength: 12 },
    ),
    fc.oneof(fc.constant([255]), fc.constant([255, 0, 0, 0]), fc.constant([]), fc.uint8Array({ maxLength: 6 }).map((b) => [255, ...b])),
  )
  .map(([head, opts, tail]) => Buffer.concat([head, Buffer.from('63825363', 'hex'), Buffer.from(opts.flat()), Buffer.from(tail)]));

describe('the DHCPv4 decoder is total and canonical (DESIGN invariant 1)', () => {
  it('arbitrary bytes give a message or a DecodeError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), decodesCanonically), { numRuns: 500 });
  });

  it('random option streams with typed codes give a message or a DecodeError', () => {
    fc.assert(fc.property(junkPacket, decodesCanonically), { numRuns: 1000 });
  });

  it('damaged real and generated packets give a message or a DecodeError', () => {
    const base = fc.oneof(fc.constantFrom(dhclientDiscover(), udhcpcRequest()), messages.map((m) => codec.encode4(m)));
    const damaged = fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([b, ms]) => applyMutations(b, ms));
    fc.assert(fc.property(damaged, decodesCanonically), { numRuns: 800 });
  });

  it('overloaded packets with junk in file and sname give a message or a DecodeError', () => {
    const overloaded = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.uint8Array({ minLength: 192, maxLength: 192 }))
      .map(([v, fields]) => {
        const b = packet('01010600' + '00'.repeat(40), `3401${v.toString(16).padStart(2, '0')}350101ff`);
        Buffer.from(fields).copy(b, 44);
        return b;
      });
    fc.assert(fc.property(overloaded, decodesCanonically), { numRuns: 500 });
  });
});
