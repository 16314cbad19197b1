import type { FieldCodec } from '../fields.js';
import { compileField } from '../fields.js';
import { EncodeError, within } from '../errors.js';
import { readName, writeName } from '../fqdn.js';

/**
 * Client FQDN, option 81 (RFC 4702 §2): flags, two deprecated RCODE bytes,
 * then the name: DNS wire format, uncompressed, when the E flag is set
 * (§2.3.1), else ASCII text (§2.3.2, deprecated). A name without its root
 * label is partial (no trailing dot).
 */
export const FQDN_E = 0x04;
const text = compileField({ t: 'string' });

export interface ClientFqdn4 {
  flags: number;
  rcode1: number;
  rcode2: number;
  domainName: string;
}

function u8(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xff) throw new EncodeError(field, `expected an integer 0..255, got ${JSON.stringify(v)}`);
  return v;
}

export const clientFqdn4: FieldCodec = {
  size: undefined,
  rest: true,
  decode(r, ctx): ClientFqdn4 {
    const flags = r.u8('flags');
    const rcode1 = r.u8('rcode1');
    const rcode2 = r.u8('rcode2');
    const domainName = flags & FQDN_E ? readName(r) : (text.decode(r, ctx) as string);
    return { flags, rcode1, rcode2, domainName };
  },
  encode(w, v, ctx, path) {
    try {
      if (typeof v !== 'object' || v === null) throw new EncodeError('', 'expected {flags, rcode1, rcode2, domainName}');
      const o = v as Partial<ClientFqdn4>;
      const flags = u8(o.flags, '.flags');
      w.u8(flags);
      w.u8(u8(o.rcode1 ?? 0, '.rcode1'));
      w.u8(u8(o.rcode2 ?? 0, '.rcode2'));
      const name = o.domainName ?? '';
      if (typeof name !== 'string') throw new EncodeError('.domainName', 'expected a string');
      if (flags & FQDN_E) writeName(w, name, '.domainName');
      else text.encode(w, name, ctx, '.domainName');
    } catch (e) {
      within(e, path);
    }
  },
};
