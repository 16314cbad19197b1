import type { TransactionRecord } from '../types.js';
import type { AddressMapper } from './address-map.js';

/**
 * What anonymiseRecord replaces. Either part may be absent ('none').
 * Addresses: everything that locates a client — IA addresses and prefixes
 * (hints included), granted, source, relay peer- and link-addresses, leasequery
 * and S46 binding addresses. The link-address is mapped too: with a
 * prefix-preserving map, leaving it would reveal the client's real subnet.
 * Server-side data (DNS servers, server DUID, relay-id, S46 rules) stays.
 * Identifiers: DUIDs, MACs, remote-id, subscriber-id, interface-id,
 * client-linklayer-addr, client FQDN, vendor option values, and every
 * opaque `raw` (a malformed option may be a malformed identifier).
 */
export interface AnonymiseOptions {
  addresses?: AddressMapper;
  hash?: (id: string) => string;
}

type Obj = Record<string, unknown>;
type Rewrite = (v: unknown, a: AnonymiseOptions) => unknown;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text that cannot be parsed as what it should be still must not leak. */
const UNPARSEABLE = 'unparseable';

function address(v: unknown, a: AnonymiseOptions): unknown {
  if (typeof v !== 'string' || !a.addresses) return v;
  const pct = v.indexOf('%'); // a zone names our interface, not the client
  const [bare, zone] = pct < 0 ? [v, ''] : [v.slice(0, pct), v.slice(pct)];
  const m = bare.includes('/') ? a.addresses.prefix(bare) : a.addresses.address(bare);
  return m === undefined ? UNPARSEABLE : m + zone;
}

function addresses(v: unknown, a: AnonymiseOptions): unknown {
  return Array.isArray(v) ? v.map((x) => address(x, a)) : address(v, a);
}

function id(v: unknown, a: AnonymiseOptions): unknown {
  return typeof v === 'string' && a.hash ? a.hash(v) : v;
}

/** Keys that name a kind of thing rather than the thing: kept by idLeaves. */
const LABELS = new Set(['code', 'name', 'type', 'enterprise', 'hwtype', 'linkType', 'flags', 'error']);

/** Hash every string leaf except labels: for opaque or vendor-defined values. */
function idLeaves(v: unknown, a: AnonymiseOptions): unknown {
  if (!a.hash) return v;
  if (typeof v === 'string') return a.hash(v);
  if (Array.isArray(v)) return v.map((x) => idLeaves(x, a));
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) out[k] = LABELS.has(k) ? x : idLeaves(x, a);
  return out;
}

/** DUID: hex and the parts (lladdr, id, uuid) hashed; the LLT time (a per-client stamp) zeroed. */
function duid(v: unknown, a: AnonymiseOptions): unknown {
  const out = idLeaves(v, a);
  if (a.hash && isObj(out) && typeof out.time === 'number') out.time = 0;
  return out;
}

/** Apply rewrites to named fields of a record-valued option. */
function fields(spec: Record<string, Rewrite>): Rewrite {
  return (v, a) => {
    if (!isObj(v)) return v;
    const out: Obj = { ...v };
    for (const [k, f] of Object.entries(spec)) if (k in v) out[k] = f(v[k], a);
    return out;
  };
}

const nested: Rewrite = (v, a) => (Array.isArray(v) ? v.map((o) => option6(o, a)) : v);
const withOptions = (extra: Record<string, Rewrite> = {}): Rewrite => fields({ options: nested, ...extra });

/** DHCPv6 options (dhcp6 space) that carry client data, by code. */
const OPTIONS6 = new Map<number, Rewrite>([
  [1, duid], // clientid
  [3, withOptions()], // ia-na
  [4, withOptions()], // ia-ta
  [5, withOptions({ address })], // iaaddr
  [9, (v, a) => message(v, a)], // relay-msg
  [17, idLeaves], // vendor-opts: vendor suboptions may be serials or MACs
  [18, id], // interface-id
  [25, withOptions()], // ia-pd
  [26, withOptions({ prefix: address })], // iaprefix
  [37, fields({ remoteId: id })], // remote-id
  [38, id], // subscriber-id
  [39, fields({ domainName: id })], // client-fqdn
  [44, withOptions({ linkAddress: address })], // lq-query
  [45, nested], // client-data
  [47, fields({ peerAddress: address, relayMessage: (v, a) => message(v, a) })], // lq-relay-data
  [48, addresses], // lq-client-link
  [66, nested], // rsoo
  [79, fields({ address: id })], // client-linklayer-addr
  [80, address], // link-address
  [87, (v, a) => message4(v, a)], // dhcpv4-message
  [89, withOptions()], // s46-rule (the rule itself is the operator's)
  [92, withOptions({ ipv4Address: address, bindPrefix6: address })], // s46-v4v6bind
  [94, nested], // s46-cont-mape
  [95, nested],
  [96, nested],
]);

/** DHCPv4 options (inside DHCPv4-over-DHCPv6) that carry client data. */
const OPTIONS4 = new Map<number, Rewrite>([
  [12, id], // host-name
  [43, idLeaves], // vendor-encapsulated-options
  [50, address], // dhcp-requested-address
  [61, idLeaves], // dhcp-client-identifier
  [81, idLeaves], // fqdn
  [82, idLeaves], // dhcp-agent-options: circuit-id, remote-id, subscriber-id
  [124, idLeaves],
  [125, idLeaves],
]);

function option(o: unknown, a: AnonymiseOptions, table: ReadonlyMap<number, Rewrite>): unknown {
  if (!isObj(o)) return o;
  const out: Obj = { ...o };
  if (typeof o.raw === 'string') out.raw = id(o.raw, a);
  const f = typeof o.code === 'number' ? table.get(o.code) : undefined;
  if (f && 'value' in o) out.value = f(o.value, a);
  return out;
}

function option6(o: unknown, a: AnonymiseOptions): unknown {
  return option(o, a, OPTIONS6);
}

/** A DHCPv6 message in JSON form, relays nested via relay-msg. */
function message(m: unknown, a: AnonymiseOptions): unknown {
  if (!isObj(m)) return m;
  if ('chaddr' in m) return message4(m, a);
  const out: Obj = { ...m };
  if ('linkAddress' in m) out.linkAddress = address(m.linkAddress, a);
  if ('peerAddress' in m) out.peerAddress = address(m.peerAddress, a);
  if (Array.isArray(m.options)) out.options = m.options.map((o) => option6(o, a));
  return out;
}

/** A DHCPv4 message: client addresses mapped (siaddr is ours), chaddr and trailing bytes hashed. */
function message4(m: unknown, a: AnonymiseOptions): unknown {
  if (!isObj(m)) return m;
  const out: Obj = { ...m };
  for (const k of ['ciaddr', 'yiaddr', 'giaddr']) if (k in m) out[k] = address(m[k], a);
  for (const k of ['chaddr', 'vendor', 'trailer']) if (k in m) out[k] = id(m[k], a);
  if (Array.isArray(m.options)) out.options = m.options.map((o) => option(o, a, OPTIONS4));
  return out;
}

/** remote-id in RequestIds is ENTERPRISE:HEX; keep the enterprise so it matches the option's form. */
function recordId(kind: string, v: string, a: AnonymiseOptions): string {
  if (!a.hash) return v;
  const colon = kind === 'remote-id' ? v.indexOf(':') : -1;
  return colon < 0 ? a.hash(v) : `${v.slice(0, colon)}:${a.hash(v.slice(colon + 1))}`;
}

/**
 * A copy of `r` with client addresses mapped and identifiers hashed, in the
 * record's fields and inside the decoded request and response. The same
 * identifier hashes the same wherever it appears (duid = clientid's hex,
 * hwaddr = a DUID's lladdr), so records can still be correlated.
 */
export function anonymiseRecord(r: TransactionRecord, a: AnonymiseOptions): TransactionRecord {
  const out: TransactionRecord = {
    ...r,
    source: address(r.source, a) as string,
    granted: r.granted.map((g) => address(g, a) as string),
    ids: {},
  };
  for (const [k, v] of Object.entries(r.ids)) out.ids[k] = recordId(k, v, a);
  if (r.duid !== undefined) out.duid = recordId('duid', r.duid, a);
  if (r.hwaddr !== undefined) out.hwaddr = recordId('hw-address', r.hwaddr, a);
  if (r.request !== undefined) out.request = message(r.request, a);
  if (r.response !== undefined) out.response = message(r.response, a);
  return out;
}
