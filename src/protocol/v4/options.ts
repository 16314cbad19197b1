import type { Field } from '../fields.js';
import type { OptionDef } from '../options.js';
import { radiusAttributes } from '../v6/radius.js';
import { portParams } from '../v6/portparams.js';
import { LEASE_STATES, LQ_STATUS_CODES, MESSAGE_TYPES } from './types.js';
import { clientFqdn4 } from './client-fqdn.js';
import { clientId4 } from './client-id.js';
import { sipServers4 } from './sip-server.js';
import { vendorClasses4, vendorOptions4 } from './vendor-identifying.js';

/**
 * The DHCPv4 option table. Names are Kea's (std_option_defs.h) where Kea has
 * the option. Pad (0) and end (255) are framing, handled by the option area.
 * Adding a standard option is one line here.
 */

const u8: Field = { t: 'u8' };
const u16: Field = { t: 'u16' };
const u32: Field = { t: 'u32' };
const i32: Field = { t: 'i32' };
const bool: Field = { t: 'bool' };
const ipv4: Field = { t: 'ipv4' };
const ipv4s: Field = { t: 'array', of: ipv4 };
const u8s: Field = { t: 'array', of: u8 };
const u16s: Field = { t: 'array', of: u16 };
const string: Field = { t: 'string' };
const binary: Field = { t: 'binary' };
const fqdn: Field = { t: 'fqdn' };
const empty: Field = { t: 'empty' };
/** RFC 3397 §2 compression is allowed in these lists; we always encode them uncompressed. */
const fqdns: Field = { t: 'fqdn-list', compression: true };
const rec = (...fields: [string, Field][]): Field => ({ t: 'record', fields: fields.map(([name, type]) => ({ name, type })) });
const custom = (name: string, codec: Extract<Field, { t: 'custom' }>['codec']): Field => ({ t: 'custom', name, codec });
const vendorOptions = custom('vendor-options4', vendorOptions4);

export const DHCP4_OPTIONS: readonly OptionDef[] = [
  { code: 1, name: 'subnet-mask', type: ipv4, ref: 'RFC 2132 §3.3' },
  { code: 2, name: 'time-offset', type: i32, ref: 'RFC 2132 §3.4' },
  { code: 3, name: 'routers', type: ipv4s, ref: 'RFC 2132 §3.5' },
  { code: 4, name: 'time-servers', type: ipv4s, ref: 'RFC 2132 §3.6' },
  { code: 5, name: 'name-servers', type: ipv4s, ref: 'RFC 2132 §3.7' },
  { code: 6, name: 'domain-name-servers', type: ipv4s, ref: 'RFC 2132 §3.8' },
  { code: 7, name: 'log-servers', type: ipv4s, ref: 'RFC 2132 §3.9' },
  { code: 8, name: 'cookie-servers', type: ipv4s, ref: 'RFC 2132 §3.10' },
  { code: 9, name: 'lpr-servers', type: ipv4s, ref: 'RFC 2132 §3.11' },
  { code: 10, name: 'impress-servers', type: ipv4s, ref: 'RFC 2132 §3.12' },
  { code: 11, name: 'resource-location-servers', type: ipv4s, ref: 'RFC 2132 §3.13' },
  { code: 12, name: 'host-name', type: string, ref: 'RFC 2132 §3.14' },
  { code: 13, name: 'boot-size', type: u16, ref: 'RFC 2132 §3.15' },
  { code: 14, name: 'merit-dump', type: string, ref: 'RFC 2132 §3.16' },
  { code: 15, name: 'domain-name', type: string, ref: 'RFC 2132 §3.17' },
  { code: 16, name: 'swap-server', type: ipv4, ref: 'RFC 2132 §3.18' },
  { code: 17, name: 'root-path', type: string, ref: 'RFC 2132 §3.19' },
  { code: 18, name: 'extensions-path', type: string, ref: 'RFC 2132 §3.20' },
  { code: 19, name: 'ip-forwarding', type: bool, ref: 'RFC 2132 §4.1' },
  { code: 20, name: 'non-local-source-routing', type: bool, ref: 'RFC 2132 §4.2' },
  { code: 21, name: 'policy-filter', type: { t: 'array', of: rec(['address', ipv4], ['mask', ipv4]) }, ref: 'RFC 2132 §4.3' },
  { code: 22, name: 'max-dgram-reassembly', type: u16, ref: 'RFC 2132 §4.4' },
  { code: 23, name: 'default-ip-ttl', type: u8, ref: 'RFC 2132 §4.5' },
  { code: 24, name: 'path-mtu-aging-timeout', type: u32, ref: 'RFC 2132 §4.6' },
  { code: 25, name: 'path-mtu-plateau-table', type: u16s, ref: 'RFC 2132 §4.7' },
  { code: 26, name: 'interface-mtu', type: u16, ref: 'RFC 2132 §5.1' },
  { code: 27, name: 'all-subnets-local', type: bool, ref: 'RFC 2132 §5.2' },
  { code: 28, name: 'broadcast-address', type: ipv4, ref: 'RFC 2132 §5.3' },
  { code: 29, name: 'perform-mask-discovery', type: bool, ref: 'RFC 2132 §5.4' },
  { code: 30, name: 'mask-supplier', type: bool, ref: 'RFC 2132 §5.5' },
  { code: 31, name: 'router-discovery', type: bool, ref: 'RFC 2132 §5.6' },
  { code: 32, name: 'router-solicitation-address', type: ipv4, ref: 'RFC 2132 §5.7' },
  { code: 33, name: 'static-routes', type: { t: 'array', of: rec(['destination', ipv4], ['router', ipv4]) }, ref: 'RFC 2132 §5.8' },
  { code: 34, name: 'trailer-encapsulation', type: bool, ref: 'RFC 2132 §6.1' },
  { code: 35, name: 'arp-cache-timeout', type: u32, ref: 'RFC 2132 §6.2' },
  { code: 36, name: 'ieee802-3-encapsulation', type: bool, ref: 'RFC 2132 §6.3' },
  { code: 37, name: 'default-tcp-ttl', type: u8, ref: 'RFC 2132 §7.1' },
  { code: 38, name: 'tcp-keepalive-interval', type: u32, ref: 'RFC 2132 §7.2' },
  { code: 39, name: 'tcp-keepalive-garbage', type: bool, ref: 'RFC 2132 §7.3' },
  { code: 40, name: 'nis-domain', type: string, ref: 'RFC 2132 §8.1' },
  { code: 41, name: 'nis-servers', type: ipv4s, ref: 'RFC 2132 §8.2' },
  { code: 42, name: 'ntp-servers', type: ipv4s, ref: 'RFC 2132 §8.3' },
  { code: 43, name: 'vendor-encapsulated-options', type: { t: 'options', space: 'vendor-encapsulated-options-space' }, ref: 'RFC 2132 §8.4' },
  { code: 44, name: 'netbios-name-servers', type: ipv4s, ref: 'RFC 2132 §8.5' },
  { code: 45, name: 'netbios-dd-server', type: ipv4s, ref: 'RFC 2132 §8.6' },
  { code: 46, name: 'netbios-node-type', type: u8, ref: 'RFC 2132 §8.7' },
  { code: 47, name: 'netbios-scope', type: string, ref: 'RFC 2132 §8.8' },
  { code: 48, name: 'font-servers', type: ipv4s, ref: 'RFC 2132 §8.9' },
  { code: 49, name: 'x-display-manager', type: ipv4s, ref: 'RFC 2132 §8.10' },
  { code: 50, name: 'dhcp-requested-address', type: ipv4, ref: 'RFC 2132 §9.1' },
  { code: 51, name: 'dhcp-lease-time', type: u32, ref: 'RFC 2132 §9.2' },
  { code: 52, name: 'dhcp-option-overload', type: u8, ref: 'RFC 2132 §9.3' },
  { code: 53, name: 'dhcp-message-type', type: { t: 'u8', enum: MESSAGE_TYPES }, ref: 'RFC 2132 §9.6' },
  { code: 54, name: 'dhcp-server-identifier', type: ipv4, ref: 'RFC 2132 §9.7' },
  { code: 55, name: 'dhcp-parameter-request-list', type: u8s, ref: 'RFC 2132 §9.8' },
  { code: 56, name: 'dhcp-message', type: string, ref: 'RFC 2132 §9.9' },
  { code: 57, name: 'dhcp-max-message-size', type: u16, ref: 'RFC 2132 §9.10' },
  { code: 58, name: 'dhcp-renewal-time', type: u32, ref: 'RFC 2132 §9.11' },
  { code: 59, name: 'dhcp-rebinding-time', type: u32, ref: 'RFC 2132 §9.12' },
  { code: 60, name: 'vendor-class-identifier', type: string, ref: 'RFC 2132 §9.13' },
  { code: 61, name: 'dhcp-client-identifier', type: custom('client-id4', clientId4), ref: 'RFC 2132 §9.14, RFC 4361 §6.1' },
  { code: 62, name: 'nwip-domain-name', type: string, ref: 'RFC 2242' },
  { code: 63, name: 'nwip-suboptions', type: binary, ref: 'RFC 2242' },
  { code: 64, name: 'nisplus-domain-name', type: string, ref: 'RFC 2132 §8.11' },
  { code: 65, name: 'nisplus-servers', type: ipv4s, ref: 'RFC 2132 §8.12' },
  { code: 66, name: 'tftp-server-name', type: string, ref: 'RFC 2132 §9.4' },
  { code: 67, name: 'boot-file-name', type: string, ref: 'RFC 2132 §9.5' },
  { code: 68, name: 'mobile-ip-home-agent', type: ipv4s, ref: 'RFC 2132 §8.13' },
  { code: 69, name: 'smtp-server', type: ipv4s, ref: 'RFC 2132 §8.14' },
  { code: 70, name: 'pop-server', type: ipv4s, ref: 'RFC 2132 §8.15' },
  { code: 71, name: 'nntp-server', type: ipv4s, ref: 'RFC 2132 §8.16' },
  { code: 72, name: 'www-server', type: ipv4s, ref: 'RFC 2132 §8.17' },
  { code: 73, name: 'finger-server', type: ipv4s, ref: 'RFC 2132 §8.18' },
  { code: 74, name: 'irc-server', type: ipv4s, ref: 'RFC 2132 §8.19' },
  { code: 75, name: 'streettalk-server', type: ipv4s, ref: 'RFC 2132 §8.20' },
  { code: 76, name: 'streettalk-directory-assistance-server', type: ipv4s, ref: 'RFC 2132 §8.21' },
  { code: 77, name: 'user-class', type: { t: 'tuples', lenSize: 1 }, ref: 'RFC 3004' },
  { code: 78, name: 'slp-directory-agent', type: rec(['mandatory', bool], ['agents', ipv4s]), ref: 'RFC 2610' },
  { code: 79, name: 'slp-service-scope', type: rec(['mandatory', bool], ['scopes', string]), ref: 'RFC 2610' },
  { code: 80, name: 'rapid-commit', type: empty, ref: 'RFC 4039' },
  { code: 81, name: 'fqdn', type: custom('client-fqdn4', clientFqdn4), ref: 'RFC 4702 §2' },
  { code: 82, name: 'dhcp-agent-options', type: { t: 'options', space: 'dhcp-agent-options-space' }, ref: 'RFC 3046' },
  { code: 85, name: 'nds-servers', type: ipv4s, ref: 'RFC 2241' },
  { code: 86, name: 'nds-tree-name', type: string, ref: 'RFC 2241' },
  { code: 87, name: 'nds-context', type: string, ref: 'RFC 2241' },
  { code: 88, name: 'bcms-controller-names', type: fqdns, ref: 'RFC 4280' },
  { code: 89, name: 'bcms-controller-address', type: ipv4s, ref: 'RFC 4280' },
  {
    code: 90,
    name: 'authenticate',
    type: rec(['protocol', u8], ['algorithm', u8], ['rdm', u8], ['replayDetection', { t: 'fixed-binary', size: 8 }], ['info', binary]),
    ref: 'RFC 3118 §2',
  },
  { code: 91, name: 'client-last-transaction-time', type: u32, ref: 'RFC 4388 §6.1' },
  { code: 92, name: 'associated-ip', type: ipv4s, ref: 'RFC 4388 §6.1' },
  { code: 93, name: 'client-system', type: u16s, ref: 'RFC 4578 §2.1' },
  { code: 94, name: 'client-ndi', type: rec(['type', u8], ['major', u8], ['minor', u8]), ref: 'RFC 4578 §2.2' },
  { code: 97, name: 'uuid-guid', type: rec(['type', u8], ['guid', binary]), ref: 'RFC 4578 §2.5' },
  { code: 98, name: 'uap-servers', type: string, ref: 'RFC 2485' },
  { code: 99, name: 'geoconf-civic', type: binary, ref: 'RFC 4776' },
  { code: 100, name: 'pcode', type: string, ref: 'RFC 4833' },
  { code: 101, name: 'tcode', type: string, ref: 'RFC 4833' },
  { code: 108, name: 'v6-only-preferred', type: u32, ref: 'RFC 8925' },
  { code: 112, name: 'netinfo-server-address', type: ipv4s, ref: 'Apple NetInfo (no RFC)' },
  { code: 113, name: 'netinfo-server-tag', type: string, ref: 'Apple NetInfo (no RFC)' },
  { code: 114, name: 'v4-captive-portal', type: string, ref: 'RFC 8910' },
  { code: 116, name: 'auto-config', type: u8, ref: 'RFC 2563' },
  { code: 117, name: 'name-service-search', type: u16s, ref: 'RFC 2937' },
  { code: 118, name: 'subnet-selection', type: ipv4, ref: 'RFC 3011' },
  { code: 119, name: 'domain-search', type: fqdns, ref: 'RFC 3397 §2' },
  { code: 120, name: 'sip-server', type: custom('sip-servers4', sipServers4), ref: 'RFC 3361' },
  { code: 121, name: 'classless-static-route', type: { t: 'array', of: rec(['destination', { t: 'vprefix4' }], ['router', ipv4]) }, ref: 'RFC 3442' },
  { code: 124, name: 'vivco-suboptions', type: custom('vendor-classes4', vendorClasses4), ref: 'RFC 3925 §3' },
  { code: 125, name: 'vivso-suboptions', type: vendorOptions, ref: 'RFC 3925 §4' },
  { code: 136, name: 'pana-agent', type: ipv4s, ref: 'RFC 5192' },
  { code: 137, name: 'v4-lost', type: fqdn, ref: 'RFC 5223' },
  { code: 138, name: 'capwap-ac-v4', type: ipv4s, ref: 'RFC 5417' },
  { code: 141, name: 'sip-ua-cs-domains', type: fqdns, ref: 'RFC 6011' },
  { code: 143, name: 'v4-sztp-redirect', type: { t: 'tuples', lenSize: 2 }, ref: 'RFC 8572' },
  { code: 145, name: 'forcerenew-nonce-capable', type: { t: 'array', of: u8, min: 1 }, ref: 'RFC 6704' },
  { code: 146, name: 'rdnss-selection', type: rec(['flags', u8], ['primary', ipv4], ['secondary', ipv4], ['domains', fqdns]), ref: 'RFC 6731' },
  { code: 150, name: 'tftp-server-address', type: ipv4s, ref: 'RFC 5859' },
  { code: 151, name: 'status-code', type: rec(['status', { t: 'u8', enum: LQ_STATUS_CODES }], ['message', string]), ref: 'RFC 6926' },
  { code: 152, name: 'base-time', type: u32, ref: 'RFC 6926' },
  { code: 153, name: 'start-time-of-state', type: u32, ref: 'RFC 6926' },
  { code: 154, name: 'query-start-time', type: u32, ref: 'RFC 6926' },
  { code: 155, name: 'query-end-time', type: u32, ref: 'RFC 6926' },
  { code: 156, name: 'dhcp-state', type: { t: 'u8', enum: LEASE_STATES }, ref: 'RFC 6926' },
  { code: 157, name: 'data-source', type: u8, ref: 'RFC 6926' },
  { code: 159, name: 'v4-portparams', type: { t: 'custom', name: 's46-portparams', codec: portParams }, ref: 'RFC 7618' },
  { code: 162, name: 'v4-dnr', type: binary, ref: 'RFC 9463' },
  { code: 212, name: 'option-6rd', type: rec(['ipv4MaskLen', u8], ['prefixLen', u8], ['prefix', { t: 'ipv6' }], ['brAddresses', ipv4s]), ref: 'RFC 5969' },
  { code: 213, name: 'v4-access-domain', type: fqdn, ref: 'RFC 5986' },
  { code: 252, name: 'wpad', type: string, ref: 'draft-ietf-wrec-wpad-01' },
];

/** Relay agent information (option 82) suboptions, space "dhcp-agent-options-space". */
export const AGENT_SUBOPTIONS: readonly OptionDef[] = [
  { code: 1, name: 'circuit-id', type: binary, ref: 'RFC 3046 §3.1' },
  { code: 2, name: 'remote-id', type: binary, ref: 'RFC 3046 §3.2' },
  { code: 4, name: 'docsis-device-class', type: u32, ref: 'RFC 3256' },
  { code: 5, name: 'link-selection', type: ipv4, ref: 'RFC 3527' },
  { code: 6, name: 'subscriber-id', type: string, ref: 'RFC 3993' },
  { code: 7, name: 'radius', type: { t: 'custom', name: 'radius-attributes', codec: radiusAttributes }, ref: 'RFC 4014' },
  { code: 8, name: 'auth', type: binary, ref: 'RFC 4030' },
  { code: 9, name: 'vendor-specific-info', type: vendorOptions, ref: 'RFC 4243' },
  { code: 10, name: 'relay-flags', type: u8, ref: 'RFC 5010' },
  { code: 11, name: 'server-id-override', type: ipv4, ref: 'RFC 5107' },
  { code: 12, name: 'relay-id', type: binary, ref: 'RFC 6925' },
  { code: 13, name: 'access-techno-type', type: u16, ref: 'RFC 7839' },
  { code: 14, name: 'access-network-name', type: string, ref: 'RFC 7839' },
  { code: 15, name: 'access-point-name', type: string, ref: 'RFC 7839' },
  { code: 16, name: 'access-point-bssid', type: binary, ref: 'RFC 7839' },
  { code: 17, name: 'operator-id', type: u32, ref: 'RFC 7839' },
  { code: 18, name: 'operator-realm', type: string, ref: 'RFC 7839' },
  { code: 19, name: 'relay-port', type: empty, ref: 'RFC 8357 §5.1' }, // Len 0: the relay's port is the UDP source port
  { code: 151, name: 'virtual-subnet-select', type: rec(['type', u8], ['info', binary]), ref: 'RFC 6607' },
  { code: 152, name: 'virtual-subnet-select-ctrl', type: empty, ref: 'RFC 6607' },
];
