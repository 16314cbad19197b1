import fc from 'fast-check';
import type { Option } from '../options.js';
import type { Message4 } from './message.js';
import type { HeaderText } from './header.js';
import { toHex } from '../hex.js';
import * as v from '../testing/values.js';
import {
  arbitraryContext,
  arbitraryOption,
  vendorOptionsArbitrary,
  type ArbitraryContext,
  type ArbitraryFactory,
  type ContextOptions,
} from '../testing/arbitrary.js';
import { FQDN_E } from './client-fqdn.js';
import { VENDOR4_FALLBACK, VENDOR4_PREFIX } from './vendor-identifying.js';
import { MAGIC_COOKIE } from './types.js';

/**
 * fast-check arbitraries for DHCPv4, in the exact form the decoder returns:
 * values of the v4 custom fields, and whole messages. Plug them into the
 * shared context with `arbitraryContext4()`.
 */

/** RFC 4361 §6.1 bytes (255, IAID, 2..130-byte DUID) decode typed, so as hex they are not canonical. */
function decodesTyped(hex: string): boolean {
  return hex.startsWith('ff') && hex.length >= 14 && hex.length <= 270;
}

const clientId: ArbitraryFactory = () =>
  fc.oneof(
    v.hexBytes(0, 20).filter((h) => !decodesTyped(h)),
    v.plainRecord({ type: fc.constant(255 as const), iaid: v.u32, duid: v.duid }),
  );

const clientFqdn: ArbitraryFactory = () =>
  v.plainRecord({ flags: v.u8, rcode1: v.u8, rcode2: v.u8 }).chain((head) =>
    (head.flags & FQDN_E ? v.domainName({ partial: true }) : v.utf8String).map((domainName) => ({ ...head, domainName })),
  );

const sipServers: ArbitraryFactory = () =>
  fc.oneof(v.plainRecord({ domains: v.domainNames }), v.plainRecord({ addresses: fc.array(v.ipv4, { maxLength: 4 }) }));

const vendorClasses: ArbitraryFactory = () =>
  fc.array(v.plainRecord({ enterprise: v.u32, data: fc.array(v.hexBytes(0, 16), { maxLength: 3 }) }), { maxLength: 2 });

const vendorOptions: ArbitraryFactory = (ctx) => fc.array(vendorOptionsArbitrary(VENDOR4_PREFIX, VENDOR4_FALLBACK)(ctx), { maxLength: 2 });

/** Arbitraries for the `custom` fields of the v4 option table, by field name. */
export const CUSTOM4: Readonly<Record<string, ArbitraryFactory>> = {
  'client-id4': clientId,
  'client-fqdn4': clientFqdn,
  'sip-servers4': sipServers,
  'vendor-classes4': vendorClasses,
  'vendor-options4': vendorOptions,
};

/** The shared arbitrary context, with the v4 custom fields and DHCPv4 messages plugged in. */
export function arbitraryContext4(o: ContextOptions = {}): ArbitraryContext {
  return arbitraryContext({ ...o, custom: { ...CUSTOM4, ...o.custom }, message4: (ctx) => arbitraryMessage4(ctx) });
}

const PAD: Option = { code: 0, name: 'pad' };
const OVERLOAD = 52;

/** hlen, then chaddr: hlen bytes (at most 16), sometimes followed by non-zero junk the decoder keeps. */
const hlenChaddr = fc.oneof({ weight: 4, arbitrary: fc.constant(6) }, { weight: 1, arbitrary: v.u8 }).chain((hlen) => {
  const n = Math.min(hlen, 16);
  const junk =
    n === 16
      ? fc.constant('')
      : fc.oneof(
          { weight: 4, arbitrary: fc.constant('') },
          { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 16 - n }).map((b) => (b[b.length - 1] === 0 ? '' : toHex(b))) },
        );
  return fc.tuple(v.hexBytes(n, n), junk).map(([head, tail]) => ({ hlen, chaddr: head + tail }));
});

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isText(b: Uint8Array): boolean {
  try {
    utf8.decode(b);
    return true;
  } catch {
    return false;
  }
}

/** sname or file: text without NUL that fits, or {hex} for bytes text cannot hold (trailing zeros dropped). */
function headerText(size: number): fc.Arbitrary<HeaderText> {
  const text = fc.oneof(fc.constant(''), fc.string({ maxLength: size >> 2 }), v.utf8String).filter((s) => !s.includes('\0') && Buffer.byteLength(s) <= size);
  const hex = fc
    .uint8Array({ minLength: 1, maxLength: size })
    .filter((b) => b[b.length - 1] !== 0)
    .filter((b) => {
      const nul = b.indexOf(0);
      return nul >= 0 ? b.subarray(nul).some((x) => x !== 0) : !isText(b);
    })
    .map((b) => ({ hex: toHex(b) }));
  return fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: hex });
}

const header = fc.record(
  {
    op: fc.oneof(fc.constantFrom('BOOTREQUEST', 'BOOTREPLY'), v.u8.filter((n) => n !== 1 && n !== 2)),
    hops: v.u8,
    htype: v.u8,
    xid: v.u32,
    secs: v.u16,
    broadcast: fc.boolean(),
    reservedFlags: fc.integer({ min: 1, max: 0x7fff }),
    ciaddr: v.ipv4,
    yiaddr: v.ipv4,
    siaddr: v.ipv4,
    giaddr: v.ipv4,
  },
  // reservedFlags is optional: usually absent, as the decoder leaves it when the bits are zero.
  { requiredKeys: ['op', 'hops', 'htype', 'xid', 'secs', 'broadcast', 'ciaddr', 'yiaddr', 'siaddr', 'giaddr'], noNullPrototype: true },
);

/** What follows the options: nothing, zero padding, other bytes, or not even an end option. */
const tail: fc.Arbitrary<Partial<Message4>> = fc.oneof(
  fc.constant({}),
  v.plainRecord({ padding: fc.integer({ min: 1, max: 64 }) }),
  v.plainRecord({ trailer: fc.uint8Array({ minLength: 1, maxLength: 16 }).filter((b) => b.some((x) => x !== 0)).map(toHex) }),
  fc.constant({ noEnd: true as const }),
);

/** Options with distinct codes (RFC 3396 would join repeats), pads among them, never option 52. */
function optionList(ctx: ArbitraryContext, maxLength: number): fc.Arbitrary<Option[]> {
  const space = ctx.spaces.get('dhcp4');
  if (!space) throw new Error('no dhcp4 space in the arbitrary context');
  const one = arbitraryOption(space, ctx).filter((o) => o.code !== OVERLOAD);
  return fc
    .tuple(fc.uniqueArray(one, { selector: (o) => o.code, maxLength }), fc.array(fc.nat(), { maxLength: 3 }))
    .map(([options, pads]) => {
      const out = [...options];
      for (const p of pads) out.splice(p % (out.length + 1), 0, PAD);
      return out;
    });
}

/**
 * DHCPv4 messages (RFC 2131 §2): mostly DHCP with options, sometimes using
 * option overload (RFC 2132 §9.3), sometimes plain BOOTP with a vendor area.
 */
export function arbitraryMessage4(ctx: ArbitraryContext = arbitraryContext4()): fc.Arbitrary<Message4> {
  const options = optionList(ctx, ctx.maxOptions);
  const plain = fc.record({ sname: headerText(64), file: headerText(128), options, tail }).map(({ tail: t, ...rest }) => ({ ...rest, ...t }));
  const overloaded = fc
    .record({ overload: fc.integer({ min: 1, max: 3 }), sname: headerText(64), file: headerText(128), options, tail })
    .map(({ overload, sname, file, options: list, tail: t }) => ({
      ...(overload & 2 ? {} : { sname }),
      ...(overload & 1 ? {} : { file }),
      options: [{ code: OVERLOAD, name: 'dhcp-option-overload', value: overload }, ...list],
      ...t,
    }));
  const bootp = v.plainRecord({
    sname: headerText(64),
    file: headerText(128),
    options: fc.constant([]),
    vendor: v.hexBytes(0, 64).filter((h) => !h.startsWith(MAGIC_COOKIE.toString(16))),
  });
  const body = fc.oneof({ weight: 6, arbitrary: plain }, { weight: 2, arbitrary: overloaded }, { weight: 1, arbitrary: bootp });
  return fc.tuple(header, hlenChaddr, body).map(([h, c, b]) => ({ ...h, ...c, ...b }) as Message4);
}
