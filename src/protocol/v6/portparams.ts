import type { FieldCodec } from '../fields.js';
import { EncodeError } from '../errors.js';

/**
 * RFC 7598 §4.5 S46_PORTPARAMS: offset(8), PSID-len(8), PSID(16) where the
 * PSID occupies the first PSID-len bits of its field and the rest is zero.
 * JSON carries the PSID value itself, as Kea's config and tshark show it.
 * Non-zero padding bits cannot be shown that way, so they fail to decode and
 * the option is kept raw.
 */
export const portParams: FieldCodec = {
  size: 4,
  rest: false,
  decode(r) {
    const offset = r.u8('offset');
    const psidLen = r.u8('PSID-len');
    const at = r.pos;
    const field = r.u16('PSID');
    if (offset > 15) r.fail(`PSID offset ${offset} over 15`, at - 2);
    if (psidLen > 16) r.fail(`PSID-len ${psidLen} over 16`, at - 1);
    const shift = 16 - psidLen;
    if (shift === 16 ? field !== 0 : (field & ((1 << shift) - 1)) !== 0) r.fail(`PSID bits set past PSID-len ${psidLen}`, at);
    return { offset, psidLen, psid: shift === 16 ? 0 : field >>> shift };
  },
  encode(w, v, _ctx, path) {
    const o = v as { offset?: unknown; psidLen?: unknown; psid?: unknown };
    if (typeof o !== 'object' || o === null) throw new EncodeError(path, 'expected {offset, psidLen, psid}');
    const int = (x: unknown, max: number, f: string): number => {
      if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > max) throw new EncodeError(`${path}.${f}`, `expected an integer 0..${max}`);
      return x;
    };
    const offset = int(o.offset, 15, 'offset');
    const psidLen = int(o.psidLen, 16, 'psidLen');
    const psid = int(o.psid, psidLen === 0 ? 0 : 2 ** psidLen - 1, 'psid');
    w.u8(offset);
    w.u8(psidLen);
    w.u16(psidLen === 0 ? 0 : (psid << (16 - psidLen)) & 0xffff);
  },
};
