import type { z } from 'zod';
import { parseRange6 } from '../../protocol/net6.js';
import type { pdPoolSchema, poolSchema } from '../schema.js';
import { KeaObject } from './object.js';
import { convertOptionData, type OptionContext } from './option-data.js';

export type FulmarPool = z.input<typeof poolSchema>;
export type FulmarPdPool = z.input<typeof pdPoolSchema>;

/** Options of a pool: Fulmar has no per-pool preference. */
function poolOptions(o: KeaObject, ctx: OptionContext): Pick<FulmarPool, 'option-data'> {
  const options = convertOptionData(o.take('option-data'), o.at('option-data'), ctx);
  if (options.preference) ctx.report.drop(options.preference.path, 'Fulmar sets preference per subnet, not per pool');
  return options.options.length ? { 'option-data': options.options.map((c) => c.entry) } : {};
}

/** Kea's "FIRST - LAST" or "PREFIX/LEN" → Fulmar's, or undefined (reported). */
export function convertPool(v: unknown, path: string, ctx: OptionContext): FulmarPool | undefined {
  const o = KeaObject.of(v, path, ctx.report);
  if (!o) return undefined;
  const text = o.str('pool');
  const pool = text?.replace(/\s+/g, '');
  if (pool === undefined || parseRange6(pool) === undefined) return void ctx.report.drop(path, `pool ${JSON.stringify(text)} is not FIRST - LAST or PREFIX/LEN`);
  const out: FulmarPool = { pool, ...poolOptions(o, ctx) };
  o.finish();
  return out;
}

export function convertPdPool(v: unknown, path: string, ctx: OptionContext): FulmarPdPool | undefined {
  const o = KeaObject.of(v, path, ctx.report);
  if (!o) return undefined;
  const prefix = o.str('prefix');
  const prefixLen = o.num('prefix-len');
  const delegatedLen = o.num('delegated-len');
  if (prefix === undefined || prefixLen === undefined || delegatedLen === undefined) return void ctx.report.drop(path, 'a pd-pool needs prefix, prefix-len and delegated-len');
  const out: FulmarPdPool = { prefix, 'prefix-len': prefixLen, 'delegated-len': delegatedLen, ...poolOptions(o, ctx) };
  o.finish();
  return out;
}
