import type { FieldCodec } from '../fields.js';
import { EncodeError } from '../errors.js';
import { cleanHex, toHex } from '../hex.js';

/**
 * RFC 7037 §4: the RADIUS option holds RADIUS attributes (RFC 2865 §5), each
 * type(1) + length(1, counting these two bytes) + value. JSON: [{type, value: hex}].
 */
export const radiusAttributes: FieldCodec = {
  size: undefined,
  rest: true,
  decode(r) {
    const out: { type: number; value: string }[] = [];
    while (r.pos < r.end) {
      const at = r.pos;
      const type = r.u8('attribute type');
      const len = r.u8('attribute length');
      if (len < 2) r.fail(`RADIUS attribute length ${len} under 2`, at + 1);
      out.push({ type, value: toHex(r.bytes(len - 2, 'attribute value')) });
    }
    return out;
  },
  encode(w, v, _ctx, path) {
    if (!Array.isArray(v)) throw new EncodeError(path, 'expected an array of {type, value}');
    v.forEach((a: unknown, i) => {
      const p = `${path}[${i}]`;
      const o = a as { type?: unknown; value?: unknown };
      if (typeof o !== 'object' || o === null) throw new EncodeError(p, 'expected {type, value}');
      if (typeof o.type !== 'number' || !Number.isInteger(o.type) || o.type < 0 || o.type > 255) throw new EncodeError(`${p}.type`, 'expected 0..255');
      const h = cleanHex(o.value ?? '', `${p}.value`);
      if (h.length / 2 > 253) throw new EncodeError(`${p}.value`, 'a RADIUS attribute value is at most 253 bytes');
      w.u8(o.type);
      w.u8(h.length / 2 + 2);
      w.hex(h);
    });
  },
};
