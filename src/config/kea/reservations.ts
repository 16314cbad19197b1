import type { z } from 'zod';
import type { reservationSchema } from '../schema.js';
import { keaHex } from './csv.js';
import { KeaObject, pathOf } from './object.js';
import { convertOptionData, type OptionContext } from './option-data.js';

export type FulmarReservation = z.input<typeof reservationSchema>;

/** Kea host identifiers Fulmar cannot match a client by. */
const OTHER_IDENTIFIERS = ['flex-id', 'circuit-id', 'client-id'];

/** One Kea subnet reservation → Fulmar's, or undefined (reported). */
export function convertReservation(v: unknown, path: string, ctx: OptionContext): FulmarReservation | undefined {
  const o = KeaObject.of(v, path, ctx.report);
  if (!o) return undefined;
  const other = OTHER_IDENTIFIERS.find((k) => o.has(k));
  if (other) return void ctx.report.drop(path, `reserved by ${other}: Fulmar matches reservations by duid or hw-address only`);
  const out: Partial<FulmarReservation> = {};
  for (const key of ['duid', 'hw-address'] as const) {
    const id = o.str(key);
    if (id === undefined) continue;
    const hex = keaHex(id);
    if (hex === undefined || hex === '') return void ctx.report.drop(path, `${key} "${id}" is not hex`);
    out[key] = hex.replace(/(..)(?!$)/g, '$1:');
  }
  if (!out.duid && !out['hw-address']) return void ctx.report.drop(path, 'a reservation needs a duid or a hw-address');
  const addresses = strings(o, 'ip-addresses');
  if (addresses?.length) out['ip-addresses'] = addresses;
  const prefixes = strings(o, 'prefixes');
  if (prefixes?.length) out.prefixes = prefixes;
  const hostname = o.str('hostname');
  if (hostname !== undefined && hostname !== '') out.hostname = hostname;
  const options = convertOptionData(o.take('option-data'), o.at('option-data'), ctx);
  if (options.preference) ctx.report.drop(options.preference.path, 'Fulmar sets preference per subnet, not per host');
  if (options.options.length) out['option-data'] = options.options.map((c) => c.entry);
  o.finish();
  return out as FulmarReservation;
}

function strings(o: KeaObject, key: string): string[] | undefined {
  const list = o.list(key);
  if (!list) return undefined;
  return list.filter((s, i) => typeof s === 'string' || void o.report.drop(pathOf(o.at(key), i), 'expected a string')) as string[];
}
