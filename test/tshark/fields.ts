import { LQ_QUERY_TYPES, MESSAGE_CODES, STATUS_CODES, canonicalIpv6, duidHex } from '../../src/protocol/index.js';

/**
 * For each DHCPv6 option code: the tshark 4.0 fields (`tshark -G fields`) that
 * show its body, and the values they must hold for the value we encoded,
 * written the way tshark prints them. Fields inside nested options are checked
 * at those options, so each entry lists only the option's own fields.
 * An option with no entry here is one tshark 4.0 does not dissect (see limits.ts).
 */

export type Expected = Record<string, readonly string[]>;
// The option values are our JSON form; each entry knows its own option's shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Spec = (v: any, lengthOf: LengthOf) => Expected;
/** Body length our encoder gives an option in a space. */
export type LengthOf = (option: unknown, space: string) => number;

const one = (x: string | number): string[] => [String(x)];
const list = (xs: readonly (string | number)[]): string[] => xs.map(String);
/** tshark prints FT_BYTES as colon-separated lowercase hex. */
const bytes = (hex: string): string => (hex.toLowerCase().match(/../g) ?? []).join(':');
const ip6 = (a: string): string => canonicalIpv6(a) ?? `(bad address ${a})`;
const ascii = (hex: string): string => Buffer.from(hex, 'hex').toString('latin1');
const hex8 = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`;
const codeOf = (table: Readonly<Record<number, string>>, v: string | number): number => {
  if (typeof v === 'number') return v;
  const e = Object.entries(table).find(([, name]) => name === v);
  if (!e) throw new Error(`no code for "${v}"`);
  return Number(e[0]);
};
/** "2001:db8::/56" → tshark's separate address and length fields. */
const addrOf = (prefix: string): string => ip6(prefix.slice(0, prefix.lastIndexOf('/')));
const lenOf = (prefix: string): string => prefix.slice(prefix.lastIndexOf('/') + 1);

/** DUID-LLT time counts seconds from 2000-01-01 UTC (RFC 8415 §11.2); tshark prints it as a UTC date. */
const DUID_EPOCH = Date.UTC(2000, 0, 1) / 1000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function tsharkUtc(seconds: number): string {
  const d = new Date((DUID_EPOCH + seconds) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')}, ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.000000000 UTC`;
}

function duid(d: { type: string; hwtype?: number; time?: number; lladdr?: string; enterprise?: number; id?: string; uuid?: string }): Expected {
  const hex = duidHex(d);
  const common = { 'dhcpv6.duid.bytes': one(bytes(hex)), 'dhcpv6.duid.type': one(parseInt(hex.slice(0, 4), 16)) };
  switch (d.type) {
    case 'LLT':
      return {
        ...common,
        'dhcpv6.duidllt.hwtype': one(d.hwtype!),
        'dhcpv6.duidllt.time': one(tsharkUtc(d.time!)),
        'dhcpv6.duidllt.link_layer_addr': one(bytes(d.lladdr!)),
      };
    case 'EN':
      return { ...common, 'dhcpv6.duiden.enterprise': one(d.enterprise!), 'dhcpv6.duiden.identifier': one(bytes(d.id!)) };
    case 'LL':
      return { ...common, 'dhcpv6.duidll.hwtype': one(d.hwtype!), 'dhcpv6.duidll.link_layer_addr': one(bytes(d.lladdr!)) };
    case 'UUID':
      return { ...common, 'dhcpv6.duiduuid.bytes': one(bytes(hex.slice(4))) };
    default:
      return common;
  }
}

const ia = (v: { iaid: number; t1: number; t2: number }): Expected => ({
  'dhcpv6.iaid': one(v.iaid.toString(16).padStart(8, '0')),
  'dhcpv6.iaid.t1': one(v.t1),
  'dhcpv6.iaid.t2': one(v.t2),
});
const addresses = (field: string) => (v: string[]) => ({ [field]: v.map(ip6) });
const names = (field: string) => (v: string[]) => ({ [field]: list(v) });
const text = (field: string) => (v: string) => ({ [field]: one(v) });
const u32 = (field: string) => (v: number) => ({ [field]: one(v) });
const nothing = (): Expected => ({});

export const FIELDS: Readonly<Record<number, Spec>> = {
  1: duid,
  2: duid,
  3: ia,
  4: (v) => ({ 'dhcpv6.iata': one(v.iaid.toString(16).padStart(8, '0')) }),
  5: (v) => ({ 'dhcpv6.iaaddr.ip': one(ip6(v.address)), 'dhcpv6.iaaddr.pref_lifetime': one(v.preferredLifetime), 'dhcpv6.iaaddr.valid_lifetime': one(v.validLifetime) }),
  6: (v) => ({ 'dhcpv6.requested_option_code': list(v) }),
  7: (v) => ({ 'dhcpv6.option_preference': one(v) }),
  // RFC 8415 §21.9 counts hundredths of a second; tshark's field holds milliseconds.
  8: (v) => ({ 'dhcpv6.elapsed_time': one(v * 10) }),
  9: nothing, // the relayed message is compared on its own
  11: (v) => ({
    'dhcpv6.auth.protocol': one(v.protocol),
    'dhcpv6.auth.algorithm': one(v.algorithm),
    'dhcpv6.auth.rdm': one(v.rdm),
    'dhcpv6.auth.replay_detection': one(bytes(v.replayDetection)),
    'dhcpv6.auth.info': one(bytes(v.info)),
  }),
  12: (v) => ({ 'dhcpv6.unicast': one(ip6(v)) }),
  // tshark adds no status_msg item for an empty message
  13: (v) => ({ 'dhcpv6.status_code': one(codeOf(STATUS_CODES, v.status)), 'dhcpv6.status_msg': v.message ? one(v.message) : [] }),
  14: nothing,
  15: (v: string[]) => ({ 'dhcpv6.userclass.length': v.map((h) => String(h.length / 2)), 'dhcpv6.userclass.opaque_data': v.map(bytes) }),
  // tshark limitation: RFC 8415 §21.16 vendor-class-data is a list of (2-byte length, data) items, but tshark 4.0
  // reads one NUL-terminated string after the first length, so it shows the first item only (if it has no NUL).
  16: (v) => ({ 'dhcpv6.vendorclass.enterprise': one(v.enterprise), 'dhcpv6.vendorclass.data': (v.data as string[]).slice(0, 1).map(ascii) }),
  17: (v) => ({
    'dhcpv6.vendoropts.enterprise': one(v.enterprise),
    'dhcpv6.vendoropts.enterprise.option_code': list(v.options.map((o: { code: number }) => o.code)),
    'dhcpv6.vendoropts.enterprise.option_length': list(v.options.map((o: { raw: string }) => o.raw.length / 2)),
    'dhcpv6.vendoropts.enterprise.option_data': v.options.map((o: { raw: string }) => bytes(o.raw)),
  }),
  18: (v) => ({ 'dhcpv6.interface_id': one(bytes(v)) }),
  19: (v) => ({ 'dhcpv6.reconf_msg': one(typeof v === 'number' ? v : MESSAGE_CODES.get(v)!) }),
  20: nothing,
  21: names('dhcpv6.sip_server_domain_search_fqdn'),
  22: addresses('dhcpv6.sip_server_a'),
  23: addresses('dhcpv6.dns_server'),
  24: names('dhcpv6.search_list_entry'),
  25: ia,
  26: (v) => ({
    'dhcpv6.iaprefix.pref_lifetime': one(v.preferredLifetime),
    'dhcpv6.iaprefix.valid_lifetime': one(v.validLifetime),
    'dhcpv6.iaprefix.pref_len': one(lenOf(v.prefix)),
    'dhcpv6.iaprefix.pref_addr': one(addrOf(v.prefix)),
  }),
  27: addresses('dhcpv6.nis_server'),
  28: addresses('dhcpv6.nisp_server'),
  29: names('dhcpv6.nis_fqdn'),
  30: names('dhcpv6.nisp_fqdn'),
  31: addresses('dhcpv6.sntp_server'),
  32: u32('dhcpv6.lifetime'),
  33: names('dhcpv6.bcmcs_server_fqdn'),
  34: addresses('dhcpv6.bcmcs_server_a'),
  37: (v) => ({ 'dhcpv6.remoteid.enterprise': one(v.enterprise), 'dhcpv6.remoteid_enterprise_id': one(bytes(v.remoteId)) }),
  38: (v) => ({ 'dhcpv6.subscriber_id': one(ascii(v)) }), // opaque (RFC 4580 §2); tshark shows it as text
  39: (v) => ({ 'dhcpv6.client_fqdn_flags': one(hex8(v.flags)), 'dhcpv6.client_domain': one(v.domainName) }),
  40: addresses('dhcpv6.pana_agent'),
  41: text('dhcpv6.timezone'),
  42: text('dhcpv6.tzdb'),
  43: (v) => ({ 'dhcpv6.requested_option_code': list(v) }),
  44: (v) => ({ 'dhcpv6.lq_query': one(codeOf(LQ_QUERY_TYPES, v.queryType)), 'dhcpv6.lq_query_link_address': one(ip6(v.linkAddress)) }),
  45: nothing, // only nested options
  46: u32('dhcpv6.clt_time'),
  47: (v) => ({ 'dhcpv6.lq_relay_data_peer_addr': one(ip6(v.peerAddress)) }),
  48: addresses('dhcpv6.lq_client_link'),
  53: duid,
  56: (v: { code: number; value: string }[], lengthOf) => {
    const of = (code: number, f: (x: string) => string) => v.filter((s) => s.code === code).map((s) => f(s.value));
    return {
      'dhcpv6.ntpserver.option.type': list(v.map((s) => s.code)),
      'dhcpv6.ntpserver.option.length': list(v.map((s) => lengthOf(s, 'v6-ntp-server-suboptions'))),
      'dhcpv6.ntpserver.addr': of(1, ip6),
      'dhcpv6.ntpserver.mc_addr': of(2, ip6),
      'dhcpv6.ntpserver.fqdn': of(3, String),
    };
  },
  64: text('dhcpv6.aftr_name'),
  67: (v) => ({ 'dhcpv6.pd_exclude.pref_len': one(v.prefixLen), 'dhcpv6.pd_exclude.subnet_id': one(bytes(v.subnetId)) }),
  89: (v) => ({
    'dhcpv6.s46_rule.flags': one(hex8(v.flags)),
    'dhcpv6.s46_rule.ea_len': one(v.eaLen),
    'dhcpv6.s46_rule.ipv4_pref_len': one(v.prefix4Len),
    'dhcpv6.s46_rule.ipv4_prefix': one(v.ipv4Prefix),
    'dhcpv6.s46_rule.ipv6_prefix_len': one(lenOf(v.ipv6Prefix)),
    'dhcpv6.s46_rule.ipv6_prefix': one(addrOf(v.ipv6Prefix)),
  }),
  90: (v) => ({ 'dhcpv6.s46_br.address': one(ip6(v)) }),
  91: (v) => ({ 'dhcpv6.s46_dmr.dmr_pref_len': one(lenOf(v)), 'dhcpv6.s46_dmr.dmr_prefix': one(addrOf(v)) }),
  92: (v) => ({
    'dhcpv6.s46_v4v6bind.ipv4_address': one(v.ipv4Address),
    'dhcpv6.s46_v4v6bind.ipv6_pref_len': one(lenOf(v.bindPrefix6)),
    'dhcpv6.s46_v4v6bind.ipv6_prefix': one(addrOf(v.bindPrefix6)),
  }),
  // RFC 7598 §4.5: the PSID is the first psid-len bits of the 16-bit field; we and tshark both show the PSID value.
  93: (v) => ({
    'dhcpv6.s46_portparam.offset': one(v.offset),
    'dhcpv6.s46_portparam.psid_len': one(v.psidLen),
    'dhcpv6.s46_portparam.psid': one(v.psid),
  }),
  94: nothing,
  95: nothing,
  96: nothing,
  103: text('dhcpv6.captive_portal'),
};
