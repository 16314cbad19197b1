import { z } from 'zod';
import { DHCP6_OPTIONS } from '../../protocol/index.js';
import type { OptionDef } from '../../protocol/index.js';

/**
 * Settings of the vendor SOL_MAX_RT quirk: which CPE family (by the
 * enterprise number in its Vendor Class option), which private option code
 * it reads, and the value to send there.
 */

const standardCodes = new Map(DHCP6_OPTIONS.map((d) => [d.code, d.name]));

export const settingsShape = {
  enterprise: z.number().int().min(0).max(0xffffffff).describe('IANA enterprise number in the Vendor Class option (16) that identifies the CPE family'),
  code: z
    .number()
    .int()
    .min(1)
    .max(65535)
    // A standard code would replace that option's definition for every client.
    .refine((c) => !standardCodes.has(c), { message: 'is a standard DHCPv6 option code; pick the private code the CPE reads' })
    .describe('The private option code the CPE reads SOL_MAX_RT from (sent as a 32-bit value, like option 82)'),
  // RFC 8415 §21.24: a client ignores SOL_MAX_RT outside 60..86400.
  'sol-max-rt': z
    .number()
    .int()
    .min(60)
    .max(86400)
    .optional()
    .describe('Seconds to send; default: the value of the standard SOL_MAX_RT option (82) in the response, and nothing when it has none'),
};

const settingsSchema = z.object(settingsShape).strict();

/**
 * The plugin's config (`plugins[].config`) and a pipeline entry take the same
 * keys; the entry's win. Each may lack some: every handler must end up with
 * `enterprise` and `code` from one or the other (checked when the pipeline is built).
 */
export const configSchema = settingsSchema.partial();
export const handlerSchema = settingsSchema.partial();

export type Settings = z.output<typeof settingsSchema>;
export type PartialSettings = z.output<typeof configSchema>;

/** The CPE's private option, as a definition the codec can decode and name. */
export function privateOptionDef(code: number): OptionDef {
  return { code, name: `vendor-sol-max-rt-${code}`, type: { t: 'u32' }, ref: 'vendor quirk: SOL_MAX_RT (RFC 8415 §21.24) under a private code' };
}

/** Plugin settings overlaid with a pipeline entry's; both or either may be absent. */
export function mergeSettings(plugin: PartialSettings | undefined, handler: PartialSettings): Settings {
  const merged = { ...plugin, ...definedOnly(handler) };
  const missing = (['enterprise', 'code'] as const).filter((k) => merged[k] === undefined);
  if (missing.length) throw new Error(`${missing.map((k) => `"${k}"`).join(' and ')} missing: set them in the plugin's config or in the pipeline entry`);
  return merged as Settings;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
