import type { FieldCodec } from '../fields.js';
import { compileField } from '../fields.js';
import { EncodeError, within } from '../errors.js';

/**
 * SIP servers, option 120 (RFC 3361): an encoding byte, then domain names
 * (0: RFC 1035 §3.1 form, compression pointers relative to the first name)
 * or IPv4 addresses (1). JSON: {domains: [...]} or {addresses: [...]}.
 */
const NAMES = 0;
const ADDRESSES = 1;
const names = compileField({ t: 'fqdn-list', compression: true });
const addresses = compileField({ t: 'array', of: { t: 'ipv4' } });

export type SipServers4 = { domains: string[] } | { addresses: string[] };

export const sipServers4: FieldCodec = {
  size: undefined,
  rest: true,
  decode(r, ctx): SipServers4 {
    const enc = r.u8('encoding');
    if (enc === NAMES) return { domains: names.decode(r, ctx) as string[] };
    if (enc === ADDRESSES) return { addresses: addresses.decode(r, ctx) as string[] };
    return r.fail(`unknown SIP server encoding ${enc}`, r.pos - 1);
  },
  encode(w, v, ctx, path) {
    const o = v as { domains?: unknown; addresses?: unknown };
    if (typeof o !== 'object' || o === null || (o.domains === undefined) === (o.addresses === undefined)) {
      throw new EncodeError(path, 'expected {domains: [...]} or {addresses: [...]}');
    }
    const [enc, field, list] = o.domains !== undefined ? [NAMES, names, o.domains] : [ADDRESSES, addresses, o.addresses];
    w.u8(enc);
    try {
      field.encode(w, list, ctx, '');
    } catch (e) {
      within(e, enc === NAMES ? `${path}.domains` : `${path}.addresses`);
    }
  },
};
