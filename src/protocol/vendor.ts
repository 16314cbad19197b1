import type { FieldCodec } from './fields.js';
import { EncodeError } from './errors.js';

/**
 * Vendor-specific options (DHCPv6 17, RFC 8415 §21.17; DHCPv4 125, RFC 3925):
 * an enterprise number, then options in that vendor's space ("vendor-<number>"
 * when one is defined, else a space with no definitions, so all stay raw).
 */
export function vendorOptions(prefix: string, fallback: string): FieldCodec {
  return {
    size: undefined,
    rest: true,
    decode(r, ctx) {
      const enterprise = r.u32('enterprise number');
      const space = ctx.hasSpace(`${prefix}${enterprise}`) ? `${prefix}${enterprise}` : fallback;
      return { enterprise, options: ctx.readOptions(r, space) };
    },
    encode(w, v, ctx, path) {
      const o = v as { enterprise?: unknown; options?: unknown };
      if (typeof o !== 'object' || o === null) throw new EncodeError(path, 'expected {enterprise, options}');
      const e = o.enterprise;
      if (typeof e !== 'number' || !Number.isInteger(e) || e < 0 || e > 0xffffffff) throw new EncodeError(`${path}.enterprise`, 'expected an integer 0..4294967295');
      w.u32(e);
      const space = ctx.hasSpace(`${prefix}${e}`) ? `${prefix}${e}` : fallback;
      ctx.writeOptions(w, o.options ?? [], space, `${path}.options`);
    },
  };
}
