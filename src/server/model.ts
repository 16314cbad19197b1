import { canonicalIpv6, type Codec, type Option } from '../protocol/index.js';
import { ipv6ToBigInt, parsePrefix6, prefixContains, type Prefix6 } from '../protocol/net6.js';
import type { Config, OptionDataConfig, Subnet6Config } from '../config/schema.js';
import { Pool6 } from '../alloc/pool.js';
import { Pipeline } from '../pipeline/pipeline.js';

/**
 * The config compiled for serving: prefixes parsed, pools built, options in
 * codec form per level, reservations indexed. Built once per (re)load; the
 * hot path only reads it.
 */

export interface ConfiguredOption {
  option: Option;
  alwaysSend: boolean;
}

/** Options by code; a more specific level replaces a less specific one code by code. */
export type OptionSet = ReadonlyMap<number, ConfiguredOption>;

export interface Timers {
  preferred: number;
  valid: number;
  t1: number;
  t2: number;
}

export interface Reservation6 {
  addresses: string[];
  prefixes: string[];
  hostname?: string;
  /** The reservation's own options only; they override pool, subnet and global ones. */
  options: OptionSet;
}

export interface PoolModel {
  pool: Pool6;
  options: OptionSet;
}

export interface SubnetModel {
  id: number;
  prefix: Prefix6;
  text: string;
  iface?: string;
  relayAddresses: ReadonlySet<string>;
  pools: PoolModel[];
  pdPools: PoolModel[];
  options: OptionSet;
  timers: Timers;
  rapidCommit: boolean;
  preference: number;
  byDuid: ReadonlyMap<string, Reservation6>;
  byHwaddr: ReadonlyMap<string, Reservation6>;
}

export interface ServerModel {
  codec: Codec;
  subnets: SubnetModel[];
  /** Leases given by static assignment outside every subnet: global timers and options, no pools. */
  noSubnet: SubnetModel;
  pipeline: Pipeline;
  globalOptions: OptionSet;
  declineProbation: number;
}

function hexKey(s: string): string {
  return s.replace(/:/g, '').toLowerCase();
}

/** One validated option-data entry in codec form. */
export function configuredOption(codec: Codec, o: OptionDataConfig): ConfiguredOption {
  const space = codec.space(o.space);
  const code = o.name !== undefined ? space.byName.get(o.name)!.def.code : o.code!;
  const option: Option = o.raw !== undefined ? { code, raw: hexKey(o.raw) } : { code, name: space.byCode.get(code)?.def.name, value: o.value };
  return { option, alwaysSend: o['always-send'] };
}

function optionSet(codec: Codec, list: readonly OptionDataConfig[], inherit?: OptionSet): OptionSet {
  const m = new Map(inherit ?? []);
  for (const o of list) {
    const c = configuredOption(codec, o);
    m.set(c.option.code, c);
  }
  return m;
}

/** RFC 8415 §21.4: when not configured, T1 and T2 are 0.5 and 0.8 times the preferred lifetime. */
function timers(global: Config['dhcp6'], s: Subnet6Config): Timers {
  const preferred = s['preferred-lifetime'] ?? global['preferred-lifetime'];
  const valid = s['valid-lifetime'] ?? global['valid-lifetime'];
  const t1 = s['renew-timer'] ?? global['renew-timer'] ?? Math.floor(preferred * 0.5);
  const t2 = s['rebind-timer'] ?? global['rebind-timer'] ?? Math.floor(preferred * 0.8);
  return { preferred, valid, t1, t2 };
}

/** `pipeline`: built by pipeline/setup.ts from the config; absent, every request may use the pools. */
export function buildModel(config: Config, codec: Codec, pipeline: Pipeline = new Pipeline([], false)): ServerModel {
  const d = config.dhcp6;
  const globalOptions = optionSet(codec, d['option-data']);
  const subnets = d.subnets.map((s): SubnetModel => {
    const options = optionSet(codec, s['option-data'], globalOptions);
    const byDuid = new Map<string, Reservation6>();
    const byHwaddr = new Map<string, Reservation6>();
    for (const r of s.reservations) {
      const res: Reservation6 = { addresses: r['ip-addresses'], prefixes: r.prefixes, hostname: r.hostname, options: optionSet(codec, r['option-data']) };
      if (r.duid) byDuid.set(hexKey(r.duid), res);
      if (r['hw-address']) byHwaddr.set(hexKey(r['hw-address']), res);
    }
    const pools = s.pools.map((p) => ({ pool: Pool6.addresses(p.pool, s.allocator ?? d.allocator), options: optionSet(codec, p['option-data'], options) }));
    const pdPools = s['pd-pools'].map((p) => ({
      pool: Pool6.prefixes(p.prefix, p['prefix-len'], p['delegated-len'], s['pd-allocator'] ?? d['pd-allocator']),
      options: optionSet(codec, p['option-data'], options),
    }));
    // Reserved resources are never handed out dynamically to anyone else.
    for (const r of s.reservations) {
      for (const a of r['ip-addresses']) for (const p of pools) p.pool.mark(a);
      for (const a of r.prefixes) for (const p of pdPools) p.pool.mark(a);
    }
    return {
      id: s.id,
      prefix: parsePrefix6(s.subnet)!,
      text: s.subnet,
      iface: s.interface,
      relayAddresses: new Set((s.relay?.['ip-addresses'] ?? []).map((a) => canonicalIpv6(a)!)),
      pools,
      pdPools,
      options,
      timers: timers(d, s),
      rapidCommit: s['rapid-commit'] ?? d['rapid-commit'],
      preference: s.preference ?? d.preference,
      byDuid,
      byHwaddr,
    };
  });
  const noSubnet: SubnetModel = {
    id: 0,
    prefix: parsePrefix6('::/0')!,
    text: '::/0',
    relayAddresses: new Set(),
    pools: [],
    pdPools: [],
    options: globalOptions,
    timers: timers(d, {} as Subnet6Config),
    rapidCommit: d['rapid-commit'],
    preference: d.preference,
    byDuid: new Map(),
    byHwaddr: new Map(),
  };
  return { codec, subnets, noSubnet, pipeline, globalOptions, declineProbation: d['decline-probation-period'] };
}

/** The subnet an address belongs to, if any. */
export function subnetOfAddress(model: ServerModel, address: string): SubnetModel | undefined {
  const a = ipv6ToBigInt(address);
  if (a === undefined) return undefined;
  return model.subnets.find((s) => prefixContains(s.prefix, a));
}

/** The pool (address or prefix) a leased resource belongs to, if any. */
export function poolOf(subnet: SubnetModel, type: 'na' | 'ta' | 'pd', resource: string): PoolModel | undefined {
  const list = type === 'pd' ? subnet.pdPools : subnet.pools;
  return list.find((p) => p.pool.slotOf(resource) !== undefined);
}
