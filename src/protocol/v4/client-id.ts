import type { FieldCodec } from '../fields.js';
import { EncodeError, within } from '../errors.js';
import { cleanHex, hexOf } from '../hex.js';
import { MAX_DUID, duidHex, readDuid, writeDuid, type Duid } from '../duid.js';

/**
 * Client identifier, option 61 (RFC 2132 §9.14): a type byte and an opaque
 * identifier, kept as hex. Type 255 is RFC 4361 §6.1's IAID + DUID, decoded
 * typed when a DUID fits (2..130 bytes); anything else stays hex.
 */
export const NODE_SPECIFIC = 255;

export interface NodeSpecificClientId {
  type: 255;
  iaid: number;
  duid: Duid;
}

export type ClientId4 = string | NodeSpecificClientId;

export const clientId4: FieldCodec = {
  size: undefined,
  rest: true,
  decode(r): ClientId4 {
    const n = r.remaining;
    if (r.buf[r.pos] === NODE_SPECIFIC && n >= 5 + 2 && n <= 5 + MAX_DUID) {
      r.pos++;
      const iaid = r.u32('IAID');
      return { type: NODE_SPECIFIC, iaid, duid: readDuid(r) };
    }
    const hex = hexOf(r.buf, r.pos, r.end);
    r.pos = r.end;
    return hex;
  },
  encode(w, v, _ctx, path) {
    if (typeof v === 'string') {
      w.hexChecked(v, path);
      return;
    }
    const o = v as Partial<NodeSpecificClientId>;
    if (typeof o !== 'object' || o === null || o.type !== NODE_SPECIFIC) throw new EncodeError(path, 'expected hex or {type: 255, iaid, duid}');
    const iaid = o.iaid;
    if (typeof iaid !== 'number' || !Number.isInteger(iaid) || iaid < 0 || iaid > 0xffffffff) throw new EncodeError(`${path}.iaid`, 'expected an integer 0..4294967295');
    w.u8(NODE_SPECIFIC);
    w.u32(iaid);
    try {
      writeDuid(w, o.duid, '.duid');
    } catch (e) {
      within(e, path);
    }
  },
};

/** The identifying bytes (lowercase hex) of an option 61 value in either form: what a lease is keyed by. */
export function clientIdHex(v: ClientId4): string {
  if (typeof v === 'string') return cleanHex(v, 'client-id').toLowerCase();
  return 'ff' + (v.iaid >>> 0).toString(16).padStart(8, '0') + duidHex(v.duid, 'client-id.duid');
}
