import { KeaObject, pathOf } from './object.js';
import { convertOptionData, type ConvertedOption, type OptionContext } from './option-data.js';

/**
 * The settings Kea lets global, shared-network and subnet levels share,
 * as Fulmar names them. A shared network's apply to its subnets.
 */
export interface Level {
  interface?: string;
  relay?: { 'ip-addresses': string[] };
  'preferred-lifetime'?: number;
  'valid-lifetime'?: number;
  'renew-timer'?: number;
  'rebind-timer'?: number;
  'rapid-commit'?: boolean;
  preference?: number;
  allocator?: 'iterative' | 'random';
  'pd-allocator'?: 'iterative' | 'random';
  options: ConvertedOption[];
}

export const TIMER_KEYS = ['preferred-lifetime', 'valid-lifetime', 'renew-timer', 'rebind-timer'] as const;

/** Lifetimes, timers, rapid-commit and option-data (with Kea's preference option as Fulmar's setting). */
export function readLevel(o: KeaObject, ctx: OptionContext): Level {
  const level: Level = { options: [] };
  for (const k of TIMER_KEYS) {
    const v = o.seconds(k);
    if (v !== undefined) level[k] = v;
  }
  const rapid = o.bool('rapid-commit');
  if (rapid !== undefined) level['rapid-commit'] = rapid;
  for (const key of ['allocator', 'pd-allocator'] as const) {
    const a = readAllocator(o, key);
    if (a) level[key] = a;
  }
  readTeeTimes(o);
  const options = convertOptionData(o.take('option-data'), o.at('option-data'), ctx);
  level.options = options.options;
  const preference = options.preference;
  if (preference) level.preference = preference.value;
  if (preference && !preference.alwaysSend) o.report.change(preference.path, 'Kea sent preference only to clients that asked for it; Fulmar puts it in every Advertise');
  return level;
}

/** Kea 2.4's allocator names; its free-lease-queue allocator exists for nearly full pools, where Fulmar's iterative one stays fast. */
function readAllocator(o: KeaObject, key: 'allocator' | 'pd-allocator'): 'iterative' | 'random' | undefined {
  const v = o.str(key);
  if (v === undefined || v === 'iterative' || v === 'random') return v;
  if (v === 'flq') {
    o.report.change(o.at(key), 'Fulmar has no free-lease-queue allocator; iterative (its default) stays fast when a pool is nearly full');
    return 'iterative';
  }
  o.report.drop(o.at(key), `unknown allocator "${v}" (Fulmar has iterative and random)`);
  return undefined;
}

/**
 * Kea (v6) computes T1/T2 as 0.5/0.8 of the preferred lifetime when no timer
 * is set, as Fulmar always does; other settings are reported.
 */
function readTeeTimes(o: KeaObject): void {
  const calculate = o.bool('calculate-tee-times');
  if (calculate === false) o.report.change(o.at('calculate-tee-times'), 'Fulmar computes T1 and T2 (0.5 and 0.8 of the preferred lifetime) whenever renew-timer and rebind-timer are not set');
  for (const [key, fulmar] of [['t1-percent', 0.5], ['t2-percent', 0.8]] as const) {
    const v = o.num(key);
    if (v !== undefined && v !== fulmar) o.report.drop(o.at(key), `Fulmar uses ${fulmar} of the preferred lifetime: set renew-timer and rebind-timer instead`);
  }
}

/** A subnet's or shared network's interface and relay addresses (also Kea's older relay.ip-address). */
export function readLink(o: KeaObject, level: Level): void {
  const iface = o.str('interface');
  if (iface !== undefined) level.interface = iface;
  const relay = o.child('relay');
  if (!relay) return;
  const addresses: string[] = [];
  const single = relay.str('ip-address');
  if (single !== undefined) addresses.push(single);
  (relay.list('ip-addresses') ?? []).forEach((a, i) => {
    if (typeof a === 'string') addresses.push(a);
    else o.report.drop(pathOf(relay.at('ip-addresses'), i), 'expected an address');
  });
  relay.finish();
  if (addresses.length) level.relay = { 'ip-addresses': addresses };
}

/** The lower level's settings, and the upper level's where the lower has none; options merged by code. */
export function inherit(lower: Level, upper: Level | undefined): Level {
  if (!upper) return lower;
  const own = new Set(lower.options.map((c) => c.code));
  const merged: Level = { ...upper, ...definedOnly(lower) };
  merged.options = [...upper.options.filter((c) => !own.has(c.code)), ...lower.options];
  return merged;
}

function definedOnly(l: Level): Partial<Level> {
  return Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined));
}

/** Level settings as Fulmar keys, in a readable order (interface, relay, lifetimes, options). */
export function levelKeys(l: Level): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (l.interface !== undefined) out.interface = l.interface;
  if (l.relay) out.relay = l.relay;
  for (const k of TIMER_KEYS) if (l[k] !== undefined) out[k] = l[k];
  if (l['rapid-commit'] !== undefined) out['rapid-commit'] = l['rapid-commit'];
  if (l.preference !== undefined) out.preference = l.preference;
  if (l.allocator !== undefined) out.allocator = l.allocator;
  if (l['pd-allocator'] !== undefined) out['pd-allocator'] = l['pd-allocator'];
  if (l.options.length) out['option-data'] = l.options.map((c) => c.entry);
  return out;
}
