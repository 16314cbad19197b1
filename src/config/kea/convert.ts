import type { ConfigInput } from '../schema.js';
import { convertGlobals } from './globals.js';
import { convertLoggers } from './loggers.js';
import { checkMacSources } from './mac-sources.js';
import { isRecord, KeaObject, pathOf } from './object.js';
import { convertOptionDefs } from './option-defs.js';
import { inFileOrder } from './order.js';
import { Report, type ReportItem } from './report.js';
import { flattenSharedNetworks } from './shared-networks.js';
import { convertSubnets, type SubnetSource } from './subnets.js';
import { reportClientClasses, reportHooks } from './unsupported.js';

export type KeaConversion = { ok: true; config: ConfigInput; report: ReportItem[] } | { ok: false; message: string };

/**
 * A parsed Kea DHCPv6 config → a Fulmar config, and the report of every
 * key not converted (or converted with different behaviour), in file order.
 * Pure: the caller reads the file and validates the result with loadConfig.
 */
export function convertKea(raw: unknown): KeaConversion {
  if (!isRecord(raw) || !isRecord(raw.Dhcp6)) return { ok: false, message: 'not a Kea DHCPv6 config: it has no "Dhcp6" object' };
  const report = new Report();
  const top = new KeaObject(raw, '', report);
  const d = top.child('Dhcp6')!;
  top.finish();
  const defs = convertOptionDefs(d.take('option-def'), d.at('option-def'), report);
  const ctx = { keaDefs: defs.keaDefs, codec: defs.codec, report };
  const { settings, options } = convertGlobals(d, ctx);
  const dhcp6: Record<string, unknown> = { ...settings };
  if (defs.fulmarDefs.length) dhcp6['option-def'] = defs.fulmarDefs;
  if (options.length) dhcp6['option-data'] = options.map((c) => c.entry);

  const sources: SubnetSource[] = (d.list('subnet6') ?? []).map((value, i) => ({ value, path: pathOf(d.at('subnet6'), i) }));
  sources.push(...flattenSharedNetworks(d.take('shared-networks'), d.at('shared-networks'), ctx));
  const subnets = convertSubnets(sources, ctx);
  dhcp6.subnets = subnets;
  checkMacSources(d, subnets.some((s) => s.reservations?.some((r) => r['hw-address'] !== undefined)));

  reportHooks(d.list('hooks-libraries') ?? [], d.at('hooks-libraries'), report);
  reportClientClasses(d.list('client-classes') ?? [], d.at('client-classes'), report);
  const level = d.has('loggers') ? convertLoggers(d.list('loggers') ?? [], d.at('loggers'), report) : undefined;
  d.finish();

  const config = { ...(level ? { logging: { level } } : {}), dhcp6 } as ConfigInput;
  return { ok: true, config, report: inFileOrder(report.items, raw) };
}
