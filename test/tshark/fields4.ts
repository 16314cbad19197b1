import type { Expected, LengthOf } from './fields.js';
import { agentFields } from './agent4.js';
import { asText, bytes, dotless, flag, hexOf, ipv4Hex, itemsHex, list, merge, nameHex, one, textHex, tlvs, u16Hex, u32Hex, u8Hex } from './format4.js';
import { LEASE_STATES4, LQ_STATUS_CODES4, MESSAGE_TYPES4, canonicalIpv6 } from '../../src/protocol/index.js';

/**
 * For each DHCPv4 option code: the tshark 4.0 fields (`tshark -G fields`,
 * prefix `dhcp.`) that show its body and the values they must hold for the
 * value we encoded, written the way tshark prints them. Where tshark shows
 * only the bytes (`dhcp.option.value`, see NOT_DISSECTED4) or misreads the
 * body (limits4.ts), the expectation is the RFC's wire layout of our value.
 */

// The option values are our JSON form; each entry knows its own option's shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Spec = (v: any, lengthOf: LengthOf) => Expected;

const O = 'dhcp.option.';
const shown = (field: string) => (v: string | number | boolean) => ({ [O + field]: [typeof v === 'boolean' ? flag(v) : String(v)] });
const each = (field: string) => (v: readonly (string | number)[]) => ({ [O + field]: list(v) });
/** What tshark shows of an option it does not dissect: its bytes. */
const raw =
  <T>(toHex: (v: T) => string): Spec =>
  (v: T) => ({ [O + 'value']: [bytes(toHex(v))] });

const codeOf = (table: Readonly<Record<number, string>>, v: string | number): number =>
  typeof v === 'number' ? v : Number(Object.entries(table).find(([, name]) => name === v)?.[0] ?? NaN);

/** RFC 2937 name services as tshark names them. */
const NAME_SERVICES: Readonly<Record<number, string>> = { 6: 'Domain Name Server Option', 41: 'Network Information Servers Option' };

/** RFC 2132 §9.14 type 1, or RFC 4361 §6.1 type 255 (IAID + DUID). */
function clientId(v: string | { type: 255; iaid: number; duid: { type: string; hwtype?: number; time?: number; lladdr?: string; enterprise?: number; id?: string } }): Expected {
  if (typeof v === 'string' && v.startsWith('01') && v.length === 14) return { 'dhcp.hw.type': ['0x01'], 'dhcp.hw.mac_addr': [bytes(v.slice(2))] };
  if (typeof v === 'string') throw new Error(`fields4: no tshark expectation for client identifier ${v}`);
  const d = v.duid;
  const C = 'dhcp.client_id.';
  const common = { [C + 'iaid']: [u32Hex(v.iaid)] };
  if (d.type === 'LLT') return { ...common, [C + 'duid_type']: ['1'], [C + 'duid_llt_hw_type']: one(d.hwtype!), [C + 'time']: one(d.time!), [C + 'link_layer_address']: [bytes(d.lladdr!)] };
  if (d.type === 'EN') return { ...common, [C + 'duid_type']: ['2'], [C + 'enterprise_num']: one(d.enterprise!), 'dhcp.client_id': [bytes(d.id!)] };
  throw new Error(`fields4: no tshark expectation for a DUID-${d.type} client identifier`);
}

/** RFC 4578 §2.5: tshark shows the GUID with its first three fields little-endian (its default dhcp.uuid.endian). */
function guid(hex: string): string {
  const swap = (h: string) => (h.match(/../g) ?? []).reverse().join('');
  return [swap(hex.slice(0, 8)), swap(hex.slice(8, 12)), swap(hex.slice(12, 16)), hex.slice(16, 20), hex.slice(20)].join('-');
}

/** RFC 4776 §3.1: what, country code, then CAtype/CAlength/CAvalue elements. */
function civic(hex: string): Expected {
  const cas = tlvs(hex.slice(6));
  return {
    [O + 'civic_location.what']: one(parseInt(hex.slice(0, 2), 16)),
    [O + 'civic_location.country']: [asText(hex.slice(2, 6))],
    [O + 'civic_location.ca_type']: list(cas.map(([t]) => t)),
    [O + 'civic_location.ca_length']: list(cas.map(([, b]) => b.length / 2)),
    [O + 'civic_location.ca_value']: cas.map(([, b]) => asText(b)),
  };
}

/** Suboptions tshark reads from a binary option (RFC 2242 NetWare/IP, PXE's option 43). */
const suboptions = (codeField: string, valueField: string) => (hex: string) => {
  const subs = tlvs(hex);
  return { [codeField]: list(subs.map(([c]) => c)), 'dhcp.option.suboption_length': list(subs.map(([, b]) => b.length / 2)), [valueField]: subs.map(([, b]) => bytes(b)) };
};

/** RFC 3442: each route as width, significant octets of the destination, router; tshark shows each route's bytes. */
const route = (r: { destination: string; router: string }): string => {
  const [address, width] = r.destination.split('/') as [string, string];
  return bytes(u8Hex(Number(width)) + ipv4Hex(address).slice(0, 2 * Math.ceil(Number(width) / 8)) + ipv4Hex(r.router));
};

export const FIELDS4: Readonly<Record<number, Spec>> = {
  1: shown('subnet_mask'),
  2: shown('time_offset'),
  3: each('router'),
  4: each('time_server'),
  5: each('name_server'),
  6: each('domain_name_server'),
  7: each('log_server'),
  8: each('quotes_server'),
  9: each('lpr_server'),
  10: each('impress_server'),
  11: each('resource_location_server'),
  12: shown('hostname'),
  13: shown('boot_file_size'),
  14: shown('merit_dump_file'),
  15: shown('domain_name'),
  16: shown('swap_server'),
  17: shown('root_path'),
  18: shown('extension_path'),
  19: shown('ip_forwarding'),
  20: shown('non_local_source_routing'),
  21: (v: { address: string; mask: string }[]) => ({ [O + 'policy_filter.ip']: v.map((p) => p.address), [O + 'policy_filter.subnet_mask']: v.map((p) => p.mask) }),
  22: shown('max_datagram_reassembly_size'),
  23: shown('default_ip_ttl'),
  24: shown('path_mtu_aging_timeout'),
  25: each('path_mtu_plateau_table_item'),
  26: shown('interface_mtu'),
  27: shown('all_subnets_are_local'),
  28: shown('broadcast_address'),
  29: shown('perform_mask_discovery'),
  30: shown('mask_supplier'),
  31: shown('perform_router_discover'),
  32: shown('router_solicitation_address'),
  33: (v: { destination: string; router: string }[]) => ({ [O + 'static_route.ip']: v.map((r) => r.destination), [O + 'static_route.router']: v.map((r) => r.router) }),
  34: shown('trailer_encapsulation'),
  35: shown('arp_cache_timeout'),
  36: shown('ethernet_encapsulation'),
  37: shown('tcp_default_ttl'),
  38: shown('tcp_keepalive_interval'),
  39: shown('tcp_keepalive_garbage'),
  40: shown('nis_domain'),
  41: each('nis_server'),
  42: each('ntp_server'),
  // tshark reads option 43 by the vendor class (option 60) of the same message; ours is PXE's
  43: (v: { code: number; raw: string }[]) => suboptions(O + 'vendor.pxeclient.suboption', O + 'vendor.value')(v.map((s) => u8Hex(s.code) + u8Hex(s.raw.length / 2) + s.raw).join('')),
  44: each('netbios_over_tcpip_name_server'),
  45: each('netbios_over_tcpip_dd_name_server'),
  46: shown('netbios_over_tcpip_node_type'),
  47: shown('netbios_over_tcpip_scope'),
  48: each('xwindows_system_font_server'),
  49: each('xwindows_system_display_manager'),
  50: shown('requested_ip_address'),
  51: shown('ip_address_lease_time'),
  52: shown('option_overload'),
  53: (v: string | number) => ({ [O + 'dhcp']: one(codeOf(MESSAGE_TYPES4, v)) }),
  54: shown('dhcp_server_id'),
  55: each('request_list_item'),
  56: shown('message'),
  57: shown('dhcp_max_message_size'),
  58: shown('renewal_time_value'),
  59: shown('rebinding_time_value'),
  60: shown('vendor_class_id'),
  61: clientId,
  62: raw(textHex),
  63: suboptions(O + 'novell_options.suboption', O + 'novell_options.value'),
  64: shown('nis_plus_domain'),
  65: each('nis_plus_server'),
  66: shown('tftp_server_name'),
  67: shown('bootfile_name'),
  68: each('mobile_ip_home_agent'),
  69: each('smtp_server'),
  70: each('pop3_server'),
  71: each('nntp_server'),
  72: each('default_www_server'),
  73: each('default_finger_server'),
  74: each('default_irc_server'),
  75: each('streettalk_server'),
  76: each('streettalk_da_server'),
  77: (v: string[]) => ({ [O + 'user_class.length']: list(v.map((h) => h.length / 2)), [O + 'user_class.data']: v.map(bytes) }),
  78: (v: { mandatory: boolean; agents: string[] }) => ({ [O + 'slp_directory_agent.value']: [flag(v.mandatory)], [O + 'slp_directory_agent.slpda_address']: v.agents }),
  79: (v: { mandatory: boolean; scopes: string }) => ({ [O + 'slp_service_scope.value']: [flag(v.mandatory)], [O + 'slp_service_scope.string']: [v.scopes] }),
  80: () => ({}),
  81: (v: { flags: number; rcode1: number; rcode2: number; domainName: string }) => ({
    'dhcp.fqdn.flags': [hexOf(v.flags, 2)],
    'dhcp.fqdn.rcode1': one(v.rcode1),
    'dhcp.fqdn.rcode2': one(v.rcode2),
    'dhcp.fqdn.name': [dotless(v.domainName)],
  }),
  82: (v, lengthOf) => agentFields(v, lengthOf),
  85: each('novell_dss.ip'),
  86: shown('novell_ds_tree_name'),
  87: shown('novell_ds_context'),
  88: raw((v: string[]) => v.map(nameHex).join('')),
  89: raw((v: string[]) => v.map(ipv4Hex).join('')),
  90: (v: { protocol: number; algorithm: number; rdm: number; replayDetection: string; info: string }) => ({
    [O + 'dhcp_authentication.protocol']: one(v.protocol),
    [O + 'dhcp_authentication.algorithm']: one(v.algorithm),
    [O + 'dhcp_authentication.rdm']: one(v.rdm),
    [O + 'dhcp_authentication.rdm_replay_detection']: [`0x${v.replayDetection.toLowerCase()}`],
    // RFC 6704 (protocol 3) is unknown to tshark 4.0, so it shows the binary information as text
    [O + 'dhcp_authentication.information']: [asText(v.info)],
  }),
  91: shown('client_last_transaction_time'),
  92: each('associated_ip_option'),
  93: each('client_system_architecture'),
  94: (v: { major: number; minor: number }) => ({ 'dhcp.client_network_id_major': one(v.major), 'dhcp.client_network_id_minor': one(v.minor) }),
  97: (v: { guid: string }) => ({ 'dhcp.client_id.uuid': [guid(v.guid)] }),
  98: raw(textHex),
  99: civic,
  100: shown('tz_pcode'),
  101: shown('tz_tcode'),
  108: raw(u32Hex),
  112: each('netinfo_parent_server_address'),
  113: shown('netinfo_parent_server_tag'),
  114: shown('captive_portal'),
  116: shown('dhcp_auto_configuration'),
  117: (v: number[]) => ({ [O + 'dhcp_name_service_search_option']: v.map((c) => `${NAME_SERVICES[c] ?? '?'} (${c})`) }),
  118: shown('subnet_selection_option'),
  119: (v: string[]) => ({ [O + 'dhcp_dns_domain_search_list_fqdn']: v.map(dotless) }),
  120: (v: { domains?: string[]; addresses?: string[] }) =>
    v.domains ? { [O + 'sip_server.encoding']: ['0'], [O + 'sip_server.name']: v.domains.map(dotless) } : { [O + 'sip_server.encoding']: ['1'], [O + 'sip_server.address']: v.addresses! },
  121: (v: { destination: string; router: string }[]) => ({ [O + 'classless_static_route']: v.map(route) }),
  // RFC 3925 §3: tshark shows each block's vendor-class-data, length-prefixed items included, as one text
  124: (v: { enterprise: number; data: string[] }[]) => ({
    [O + 'vi_class.enterprise']: list(v.map((b) => b.enterprise)),
    [O + 'vi_class.length']: list(v.map((b) => itemsHex(b.data, 1).length / 2)),
    [O + 'vi_class.data']: v.map((b) => asText(itemsHex(b.data, 1))),
  }),
  125: (v: { enterprise: number; options: { code: number; raw: string }[] }[]) =>
    merge(
      v.map((b) => ({
        [O + 'vi.enterprise']: one(b.enterprise),
        [O + 'vi.length']: one(b.options.reduce((n, s) => n + 2 + s.raw.length / 2, 0)),
        'dhcp.vendor.suboption': list(b.options.map((s) => s.code)),
        'dhcp.option.suboption_length': list(b.options.map((s) => s.raw.length / 2)),
        'dhcp.vendor.data': b.options.map((s) => bytes(s.raw)),
      })),
    ),
  136: each('pana_agent'),
  // RFC 5223: a DNS wire-format name, which tshark 4.0 shows as text, label lengths and all
  137: (v: string) => ({ [O + 'lost_server_domain_name']: [asText(nameHex(v))] }),
  138: each('capwap_access_controller'),
  141: raw((v: string[]) => v.map(nameHex).join('')),
  143: raw((v: string[]) => itemsHex(v, 2)),
  145: each('forcerenew_nonce.algorithm'),
  146: (v: { flags: number; primary: string; secondary: string; domains: string[] }) => ({
    [O + 'rdnss.reserved']: [hexOf(v.flags & 0xfc, 2)],
    [O + 'rdnss.preference']: one(v.flags & 0x03),
    [O + 'rdnss.primary_dns']: [v.primary],
    [O + 'rdnss.secondary_dns']: [v.secondary],
    [O + 'rdnss.domain']: v.domains.map(dotless),
  }),
  150: each('tftp_server_address'),
  // tshark adds no message item for an empty message
  151: (v: { status: string | number; message: string }) => ({
    [O + 'bulk_lease.status_code']: one(codeOf(LQ_STATUS_CODES4, v.status)),
    [O + 'bulk_lease.status_code_message']: v.message ? [v.message] : [],
  }),
  // RFC 6926 times count from 1970; tshark 4.0 reads these as NTP times (from 1900), so only the bytes compare
  152: raw(u32Hex),
  153: shown('bulk_lease.start_time_of_state'),
  154: raw(u32Hex),
  155: raw(u32Hex),
  156: (v: string | number) => ({ [O + 'bulk_lease.dhcp_state']: one(codeOf(LEASE_STATES4, v)) }),
  157: (v: number) => ({ [O + 'bulk_lease.data_source']: [flag((v & 1) === 1)] }),
  // RFC 7618 with RFC 7598 §4.5's PSID: the first psidLen bits of a 16-bit field, which tshark shows as bytes
  159: (v: { offset: number; psidLen: number; psid: number }) => ({
    [O + 'portparams.offset']: one(v.offset),
    [O + 'portparams.psid_length']: one(v.psidLen),
    [O + 'portparams.psid']: [bytes(u16Hex(v.psidLen === 0 ? 0 : (v.psid << (16 - v.psidLen)) & 0xffff))],
  }),
  162: raw((v: string) => v),
  212: (v: { ipv4MaskLen: number; prefixLen: number; prefix: string; brAddresses: string[] }) => ({
    [O + '6RD.ipv4_mask_len']: one(v.ipv4MaskLen),
    [O + '6RD.prefix_len']: one(v.prefixLen),
    [O + '6RD.prefix']: [canonicalIpv6(v.prefix) ?? v.prefix],
    [O + '6RD.border_relay_ip']: v.brAddresses,
  }),
  213: raw(nameHex),
  252: shown('private_proxy_autodiscovery'),
};
