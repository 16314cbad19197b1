import type { FieldCodec, FieldContext } from '../fields.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { compileField } from '../fields.js';
import { EncodeError, within } from '../errors.js';

/**
 * Vendor-identifying options (RFC 3925): a list of blocks, each an
 * enterprise number, a data-len byte and that vendor's data. In option 124
 * (§3) the data is vendor class items (length + bytes, hex); in option 125
 * (§4) and relay agent suboption 9 (RFC 4243) it is options in the space
 * `vendor4-<enterprise>` when one is defined, else `vendor4-opts`.
 */
export const VENDOR4_PREFIX = 'vendor4-';
export const VENDOR4_FALLBACK = 'vendor4-opts';

const items = compileField({ t: 'tuples', lenSize: 1 });

function blocks<T extends { enterprise: number }>(
  read: (r: Reader, enterprise: number, ctx: FieldContext) => T,
  write: (w: Writer, block: T, ctx: FieldContext) => void,
): FieldCodec {
  return {
    size: undefined,
    rest: true,
    decode(r, ctx) {
      const out: T[] = [];
      while (r.pos < r.end) {
        const enterprise = r.u32('enterprise number');
        const saved = r.enter(r.u8('data-len'), 'vendor data');
        out.push(read(r, enterprise, ctx));
        r.leave(saved, 'vendor data');
      }
      return out;
    },
    encode(w, v, ctx, path) {
      if (!Array.isArray(v)) throw new EncodeError(path, 'expected an array of {enterprise, ...}');
      let i = 0;
      try {
        for (; i < v.length; i++) {
          const block = v[i] as T;
          const e = typeof block === 'object' && block !== null ? block.enterprise : undefined;
          if (typeof e !== 'number' || !Number.isInteger(e) || e < 0 || e > 0xffffffff) throw new EncodeError('.enterprise', 'expected an integer 0..4294967295');
          w.u32(e);
          const at = w.placeholder(1);
          write(w, block, ctx);
          w.patchLength(at, 1, '');
        }
      } catch (e) {
        within(e, `${path}[${i}]`);
      }
    },
  };
}

export interface VendorClass4 {
  enterprise: number;
  data: string[];
}

export const vendorClasses4 = blocks<VendorClass4>(
  (r, enterprise, ctx) => ({ enterprise, data: items.decode(r, ctx) as string[] }),
  (w, block, ctx) => items.encode(w, block.data ?? [], ctx, '.data'),
);

function vendorSpace(ctx: FieldContext, enterprise: number): string {
  const own = `${VENDOR4_PREFIX}${enterprise}`;
  return ctx.hasSpace(own) ? own : VENDOR4_FALLBACK;
}

export interface VendorOptions4 {
  enterprise: number;
  options: unknown[];
}

export const vendorOptions4 = blocks<VendorOptions4>(
  (r, enterprise, ctx) => ({ enterprise, options: ctx.readOptions(r, vendorSpace(ctx, enterprise)) as unknown[] }),
  (w, block, ctx) => ctx.writeOptions(w, block.options ?? [], vendorSpace(ctx, block.enterprise), '.options'),
);
