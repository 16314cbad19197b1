import type { z } from 'zod';
import { Codec, EncodeError, extendSpace, standardCodec, type Field, type OptionDef, type Space } from '../protocol/index.js';
import { configSchema, type Config, type OptionDataConfig } from './schema.js';
import { ipv6ToBigInt, parsePrefix6, parseRange6, prefixContains, prefixLast } from '../protocol/net6.js';
import { lineColumn, stripJsonComments } from './jsonc.js';

/** One problem with a config, named by its path in the file (e.g. dhcp6.subnets[0].pools[1].pool). */
export interface ConfigIssue {
  path: string;
  message: string;
}

export type LoadResult = { ok: true; config: Config; codec: Codec } | { ok: false; issues: ConfigIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(top level)';
}

export function zodIssues(e: z.ZodError): ConfigIssue[] {
  return e.issues.map((i) => {
    if (i.code === 'unrecognized_keys') return { path: formatPath(i.path), message: `unknown key(s): ${i.keys.map((k) => `"${k}"`).join(', ')}` };
    return { path: formatPath(i.path), message: i.message };
  });
}

/** Text of a config file (JSON with comments) → its JSON value, or where it is not JSON. */
export function parseConfigText(text: string): { ok: true; raw: unknown } | { ok: false; issues: ConfigIssue[] } {
  const clean = stripJsonComments(text);
  try {
    return { ok: true, raw: JSON.parse(clean) };
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const where = m ? lineColumn(clean, Number(m[1])) : undefined;
    return { ok: false, issues: [{ path: where ? `line ${where.line} column ${where.column}` : '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
}

/** Text of a config file → validated config, or every issue found with its path. */
export function loadConfigText(text: string): LoadResult {
  const r = parseConfigText(text);
  return r.ok ? loadConfig(r.raw) : r;
}

/** A parsed JSON value → validated config. Checks the schema, then what a schema cannot say. */
export function loadConfig(raw: unknown): LoadResult {
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const config = parsed.data;
  const issues: ConfigIssue[] = [];
  const codec = buildCodec(config, issues);
  checkDhcp6(config, codec, issues);
  return issues.length ? { ok: false, issues } : { ok: true, config, codec };
}

function fieldOf(type: string): Field {
  return { t: type } as Field;
}

/** Custom option definitions (option-def) extend the standard spaces. */
function buildCodec(config: Config, issues: ConfigIssue[]): Codec {
  const defs = config.dhcp6['option-def'];
  if (defs.length === 0) return standardCodec();
  const std = standardCodec();
  const bySpace = new Map<string, OptionDef[]>();
  defs.forEach((d, i) => {
    const path = `dhcp6.option-def[${i}]`;
    const space = std.spaces.get(d.space);
    if (!space) return issues.push({ path: `${path}.space`, message: `unknown option space "${d.space}"` });
    if (space.byCode.has(d.code)) return issues.push({ path: `${path}.code`, message: `code ${d.code} is already the standard option "${space.byCode.get(d.code)!.def.name}"` });
    let type: Field;
    if (d.type === 'record') {
      if (!d['record-types']?.length) return issues.push({ path: `${path}.record-types`, message: 'a record needs its field types' });
      type = { t: 'record', fields: d['record-types'].map((t, k) => ({ name: `field${k}`, type: fieldOf(t) })) };
    } else if (d.type === 'fqdn-list') type = { t: 'fqdn-list' };
    else type = fieldOf(d.type);
    if (d.array) type = { t: 'array', of: type };
    const list = bySpace.get(d.space) ?? [];
    list.push({ code: d.code, name: d.name, type });
    bySpace.set(d.space, list);
  });
  return extendCodec(std, bySpace, 'dhcp6.option-def', issues);
}

/** `codec` with definitions added to their spaces (option-def, plugins); a clash is an issue at `path`. */
export function extendCodec(codec: Codec, bySpace: ReadonlyMap<string, readonly OptionDef[]>, path: string, issues: ConfigIssue[]): Codec {
  if (!bySpace.size) return codec;
  const spaces: Space[] = [];
  for (const s of codec.spaces.values()) {
    try {
      spaces.push(bySpace.has(s.name) ? extendSpace(s, bySpace.get(s.name)!) : s);
    } catch (e) {
      issues.push({ path, message: (e as Error).message });
      spaces.push(s);
    }
  }
  return new Codec(spaces);
}

/** Every option-data entry must name a known option and encode. */
export function checkOptionData(list: OptionDataConfig[], path: string, codec: Codec, issues: ConfigIssue[]): void {
  list.forEach((o, i) => {
    const p = `${path}.option-data[${i}]`;
    const space = codec.spaces.get(o.space);
    if (!space) return issues.push({ path: `${p}.space`, message: `unknown option space "${o.space}"` });
    const def = o.name !== undefined ? space.byName.get(o.name) : space.byCode.get(o.code!);
    if (o.name !== undefined && !def) return issues.push({ path: `${p}.name`, message: `no option named "${o.name}" in space ${o.space}` });
    if (def && o.code !== undefined && def.def.code !== o.code) return issues.push({ path: `${p}.code`, message: `"${o.name}" is code ${def.def.code}, not ${o.code}` });
    if (!def && o.raw === undefined) return issues.push({ path: p, message: `option ${o.code} has no definition: give its body as "raw" hex` });
    try {
      const code = def ? def.def.code : o.code!;
      codec.encode6({ type: 'reply', xid: 0, options: [o.raw !== undefined ? { code, raw: o.raw.replace(/:/g, '') } : { code, value: o.value }] });
    } catch (e) {
      if (!(e instanceof EncodeError)) throw e;
      const at = e.path.replace(/^message\.options\[0\](\([^)]*\))?/, '');
      issues.push({ path: `${p}.value${at}`, message: e.reason });
    }
  });
}

interface Span {
  first: bigint;
  last: bigint;
  path: string;
}

function overlaps(spans: Span[], issues: ConfigIssue[], what: string): void {
  const sorted = [...spans].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.first <= sorted[i - 1]!.last) issues.push({ path: sorted[i]!.path, message: `${what} overlaps ${sorted[i - 1]!.path}` });
  }
}

function checkTimers(o: { 'preferred-lifetime'?: number; 'valid-lifetime'?: number; 'renew-timer'?: number; 'rebind-timer'?: number }, path: string, issues: ConfigIssue[]): void {
  const pl = o['preferred-lifetime'];
  const vl = o['valid-lifetime'];
  // RFC 8415 §21.6: a client discards an address whose preferred lifetime exceeds its valid lifetime.
  if (pl !== undefined && vl !== undefined && pl > vl) issues.push({ path: `${path}.preferred-lifetime`, message: `${pl} exceeds valid-lifetime ${vl} (RFC 8415 §21.6)` });
  const t1 = o['renew-timer'];
  const t2 = o['rebind-timer'];
  // RFC 8415 §21.4: T1 must not exceed T2.
  if (t1 !== undefined && t2 !== undefined && t1 > t2) issues.push({ path: `${path}.renew-timer`, message: `${t1} exceeds rebind-timer ${t2} (RFC 8415 §21.4)` });
}

function checkDhcp6(config: Config, codec: Codec, issues: ConfigIssue[]): void {
  const d = config.dhcp6;
  checkTimers(d, 'dhcp6', issues);
  checkOptionData(d['option-data'], 'dhcp6', codec, issues);
  const ids = new Map<number, number>();
  const subnets: Span[] = [];
  const pools: Span[] = [];
  const pdPools: Span[] = [];
  d.subnets.forEach((s, i) => {
    const sp = `dhcp6.subnets[${i}]`;
    if (ids.has(s.id)) issues.push({ path: `${sp}.id`, message: `id ${s.id} is also used by dhcp6.subnets[${ids.get(s.id)}]` });
    ids.set(s.id, i);
    const net = parsePrefix6(s.subnet)!;
    subnets.push({ first: net.base, last: prefixLast(net), path: `${sp}.subnet` });
    checkTimers(s, sp, issues);
    checkOptionData(s['option-data'], sp, codec, issues);
    s.pools.forEach((p, k) => {
      const pp = `${sp}.pools[${k}]`;
      const r = parseRange6(p.pool)!;
      if (!prefixContains(net, r.first) || !prefixContains(net, r.last)) issues.push({ path: `${pp}.pool`, message: `${p.pool} is not inside subnet ${s.subnet}` });
      pools.push({ ...r, path: `${pp}.pool` });
      checkOptionData(p['option-data'], pp, codec, issues);
    });
    s['pd-pools'].forEach((p, k) => {
      const pp = `${sp}.pd-pools[${k}]`;
      const pre = parsePrefix6(`${p.prefix}/${p['prefix-len']}`);
      if (!pre) issues.push({ path: `${pp}.prefix`, message: `${p.prefix}/${p['prefix-len']} has bits set past its length` });
      else pdPools.push({ first: pre.base, last: prefixLast(pre), path: `${pp}.prefix` });
      if (p['delegated-len'] < p['prefix-len']) issues.push({ path: `${pp}.delegated-len`, message: `${p['delegated-len']} is shorter than prefix-len ${p['prefix-len']}` });
      checkOptionData(p['option-data'], pp, codec, issues);
    });
    s.reservations.forEach((r, k) => {
      const rp = `${sp}.reservations[${k}]`;
      r['ip-addresses'].forEach((a, j) => {
        if (!prefixContains(net, ipv6ToBigInt(a)!)) issues.push({ path: `${rp}.ip-addresses[${j}]`, message: `${a} is not inside subnet ${s.subnet}` });
      });
      checkOptionData(r['option-data'], rp, codec, issues);
    });
  });
  overlaps(subnets, issues, 'subnet');
  overlaps(pools, issues, 'pool');
  overlaps(pdPools, issues, 'pd-pool');
}
