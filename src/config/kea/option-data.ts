import type { z } from 'zod';
import { DecodeError, type ClientServerMessage6, type Codec } from '../../protocol/index.js';
import type { optionDataSchema } from '../schema.js';
import type { KeaDefs } from './kea-defs.js';
import { OptionBodies } from './option-bytes.js';
import { readOptionEntry, type KeaOptionEntry } from './option-entry.js';
import { pathOf } from './object.js';
import type { Report } from './report.js';

export type FulmarOptionData = z.input<typeof optionDataSchema>;

/** What option conversion needs: Kea's definitions to read data, Fulmar's codec to type it. */
export interface OptionContext {
  readonly keaDefs: KeaDefs;
  readonly codec: Codec;
  readonly report: Report;
}

/** A converted (dhcp6-space) option; its code identifies it when levels are merged. */
export interface ConvertedOption {
  readonly code: number;
  readonly entry: FulmarOptionData;
}

export interface ScopeOptions {
  options: ConvertedOption[];
  /** Kea's preference option, which Fulmar sets per subnet instead. */
  preference?: { value: number; path: string; alwaysSend: boolean };
}

/** A Kea option-data list of one level (global, subnet, pool, ...) → Fulmar's. */
export function convertOptionData(list: unknown, path: string, ctx: OptionContext): ScopeOptions {
  const out: ScopeOptions = { options: [] };
  if (list === undefined) return out;
  if (!Array.isArray(list)) return ctx.report.drop(path, 'expected a list'), out;
  const entries = list.map((v, i) => readOptionEntry(v, pathOf(path, i), ctx.keaDefs, ctx.report)).filter((e) => e !== undefined);
  const bodies = new OptionBodies(entries, ctx.report);
  for (const e of entries.filter((x) => x.space === 'dhcp6')) {
    const body = bodies.body(e);
    if (body === undefined) continue;
    if (e.code === 7 && body.length === 1) out.preference = { value: body[0]!, path: e.path, alwaysSend: e.alwaysSend };
    else if (e.code === 12) ctx.report.drop(e.path, 'Fulmar does not offer Server Unicast: it answers unicast from clients with UseMulticast (RFC 8415 §18.4)');
    else {
      const entry = toFulmar(e, body, ctx);
      if (entry) out.options.push({ code: e.code, entry });
    }
  }
  for (const e of entries) {
    if (e.space !== 'dhcp6' && !bodies.nested.has(e)) ctx.report.drop(e.path, `options of space ${e.space} are sent only inside the option that encapsulates that space, and this level has none`);
  }
  return out;
}

function toFulmar(e: KeaOptionEntry, body: Buffer, ctx: OptionContext): FulmarOptionData | undefined {
  const name = ctx.codec.spaces.get('dhcp6')!.byCode.get(e.code)?.def.name;
  const always = e.alwaysSend ? { 'always-send': true } : {};
  const raw = body.toString('hex');
  // csv-format false: Kea was given bytes, so Fulmar gets the same bytes.
  if (!e.csv) return { ...(name ? { name } : { code: e.code }), raw, ...always };
  const decoded = decodeOption(ctx.codec, e.code, body);
  if (typeof decoded === 'string') return void ctx.report.drop(e.path, `Kea's bytes for this option do not fit Fulmar's definition of it: ${decoded}`);
  if (decoded.name === undefined) return { code: e.code, raw, ...always };
  return { name: decoded.name, ...(decoded.value !== undefined ? { value: decoded.value } : {}), ...always };
}

/** Read an option body with Fulmar's definitions: its JSON form, or why it does not parse. */
function decodeOption(codec: Codec, code: number, body: Buffer): { name?: string; value?: unknown } | string {
  if (body.length > 0xffff) return 'longer than 65535 bytes';
  // A Reply holding only this option: the codec types it as it would off the wire.
  const header = Buffer.from([7, 0, 0, 0, code >> 8, code & 0xff, body.length >> 8, body.length & 0xff]);
  const msg = codec.decode6(Buffer.concat([header, body]));
  if (msg instanceof DecodeError) return msg.reason;
  const o = (msg as ClientServerMessage6).options[0]!;
  return o.error ?? { name: o.name, value: o.value };
}
