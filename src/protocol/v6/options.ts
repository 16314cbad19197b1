import type { Field } from '../fields.js';
import type { OptionDef } from '../options.js';
import { LQ_QUERY_TYPES, MESSAGE_TYPES, STATUS_CODES } from './types.js';
import { radiusAttributes } from './radius.js';
import { vendorOptions } from '../vendor.js';
import { portParams } from './portparams.js';

/**
 * The DHCPv6 option table. Names are Kea's (std_option_defs.h) where Kea has
 * the option. Adding a standard option is one line here.
 */

const u8: Field = { t: 'u8' };
const u16: Field = { t: 'u16' };
const u32: Field = { t: 'u32' };
const ipv6: Field = { t: 'ipv6' };
const ipv6s: Field = { t: 'array', of: ipv6 };
const binary: Field = { t: 'binary' };
const string: Field = { t: 'string' };
const fqdn: Field = { t: 'fqdn' };
const fqdns: Field = { t: 'fqdn-list' };
const empty: Field = { t: 'empty' };
const duid: Field = { t: 'duid' };
const opts: Field = { t: 'options', space: 'dhcp6' };
const rec = (...fields: [string, Field][]): Field => ({ t: 'record', fields: fields.map(([name, type]) => ({ name, type })) });

export const DHCP6_OPTIONS: readonly OptionDef[] = [
  { code: 1, name: 'clientid', type: duid, ref: 'RFC 8415 §21.2' },
  { code: 2, name: 'serverid', type: duid, ref: 'RFC 8415 §21.3' },
  { code: 3, name: 'ia-na', type: rec(['iaid', u32], ['t1', u32], ['t2', u32], ['options', opts]), ref: 'RFC 8415 §21.4' },
  { code: 4, name: 'ia-ta', type: rec(['iaid', u32], ['options', opts]), ref: 'RFC 8415 §21.5' },
  { code: 5, name: 'iaaddr', type: rec(['address', ipv6], ['preferredLifetime', u32], ['validLifetime', u32], ['options', opts]), ref: 'RFC 8415 §21.6' },
  { code: 6, name: 'oro', type: { t: 'array', of: u16 }, ref: 'RFC 8415 §21.7' },
  { code: 7, name: 'preference', type: u8, ref: 'RFC 8415 §21.8' },
  { code: 8, name: 'elapsed-time', type: u16, ref: 'RFC 8415 §21.9' },
  { code: 9, name: 'relay-msg', type: { t: 'message6' }, ref: 'RFC 8415 §21.10' },
  {
    code: 11,
    name: 'auth',
    type: rec(['protocol', u8], ['algorithm', u8], ['rdm', u8], ['replayDetection', { t: 'fixed-binary', size: 8 }], ['info', binary]),
    ref: 'RFC 8415 §21.11',
  },
  { code: 12, name: 'unicast', type: ipv6, ref: 'RFC 8415 §21.12' },
  { code: 13, name: 'status-code', type: rec(['status', { t: 'u16', enum: STATUS_CODES }], ['message', string]), ref: 'RFC 8415 §21.13' },
  { code: 14, name: 'rapid-commit', type: empty, ref: 'RFC 8415 §21.14' },
  { code: 15, name: 'user-class', type: { t: 'tuples', lenSize: 2 }, ref: 'RFC 8415 §21.15' },
  { code: 16, name: 'vendor-class', type: rec(['enterprise', u32], ['data', { t: 'tuples', lenSize: 2 }]), ref: 'RFC 8415 §21.16' },
  { code: 17, name: 'vendor-opts', type: { t: 'custom', name: 'vendor-options', codec: vendorOptions('vendor-', 'vendor-opts') }, ref: 'RFC 8415 §21.17' },
  { code: 18, name: 'interface-id', type: binary, ref: 'RFC 8415 §21.18' },
  { code: 19, name: 'reconf-msg', type: { t: 'u8', enum: MESSAGE_TYPES }, ref: 'RFC 8415 §21.19' },
  { code: 20, name: 'reconf-accept', type: empty, ref: 'RFC 8415 §21.20' },
  { code: 21, name: 'sip-server-dns', type: fqdns, ref: 'RFC 3319 §3.1' },
  { code: 22, name: 'sip-server-addr', type: ipv6s, ref: 'RFC 3319 §3.2' },
  { code: 23, name: 'dns-servers', type: ipv6s, ref: 'RFC 3646 §3' },
  { code: 24, name: 'domain-search', type: fqdns, ref: 'RFC 3646 §4' },
  { code: 25, name: 'ia-pd', type: rec(['iaid', u32], ['t1', u32], ['t2', u32], ['options', opts]), ref: 'RFC 8415 §21.21' },
  { code: 26, name: 'iaprefix', type: rec(['preferredLifetime', u32], ['validLifetime', u32], ['prefix', { t: 'prefix6' }], ['options', opts]), ref: 'RFC 8415 §21.22' },
  { code: 27, name: 'nis-servers', type: ipv6s, ref: 'RFC 3898 §3' },
  { code: 28, name: 'nisp-servers', type: ipv6s, ref: 'RFC 3898 §4' },
  { code: 29, name: 'nis-domain-name', type: fqdns, ref: 'RFC 3898 §5' },
  { code: 30, name: 'nisp-domain-name', type: fqdns, ref: 'RFC 3898 §6' },
  { code: 31, name: 'sntp-servers', type: ipv6s, ref: 'RFC 4075 §4' },
  { code: 32, name: 'information-refresh-time', type: u32, ref: 'RFC 8415 §21.23' },
  { code: 33, name: 'bcmcs-server-dns', type: fqdns, ref: 'RFC 4280 §4.1' },
  { code: 34, name: 'bcmcs-server-addr', type: ipv6s, ref: 'RFC 4280 §4.2' },
  { code: 36, name: 'geoconf-civic', type: rec(['what', u8], ['countryCode', { t: 'fixed-binary', size: 2 }], ['civicAddress', binary]), ref: 'RFC 4776 §3.2' },
  { code: 37, name: 'remote-id', type: rec(['enterprise', u32], ['remoteId', binary]), ref: 'RFC 4649 §3' },
  { code: 38, name: 'subscriber-id', type: binary, ref: 'RFC 4580 §2' },
  { code: 39, name: 'client-fqdn', type: rec(['flags', u8], ['domainName', fqdn]), ref: 'RFC 4704 §4' },
  { code: 40, name: 'pana-agent', type: ipv6s, ref: 'RFC 5192 §4' },
  { code: 41, name: 'new-posix-timezone', type: string, ref: 'RFC 4833 §3' },
  { code: 42, name: 'new-tzdb-timezone', type: string, ref: 'RFC 4833 §3' },
  { code: 43, name: 'ero', type: { t: 'array', of: u16 }, ref: 'RFC 4994 §4' },
  { code: 44, name: 'lq-query', type: rec(['queryType', { t: 'u8', enum: LQ_QUERY_TYPES }], ['linkAddress', ipv6], ['options', opts]), ref: 'RFC 5007 §4.1.2.1' },
  { code: 45, name: 'client-data', type: opts, ref: 'RFC 5007 §4.1.2.2' },
  { code: 46, name: 'cltt', type: u32, ref: 'RFC 5007 §4.1.2.3' },
  { code: 47, name: 'lq-relay-data', type: rec(['peerAddress', ipv6], ['relayMessage', { t: 'message6' }]), ref: 'RFC 5007 §4.1.2.4' },
  { code: 48, name: 'lq-client-link', type: ipv6s, ref: 'RFC 5007 §4.1.2.5' },
  { code: 53, name: 'relay-id', type: duid, ref: 'RFC 5460 §5.4.1' },
  {
    code: 56,
    name: 'ntp-server',
    type: { t: 'options', space: 'v6-ntp-server-suboptions' },
    ref: 'RFC 5908 §4',
  },
  { code: 57, name: 'v6-access-domain', type: fqdn, ref: 'RFC 5986 §3' },
  { code: 58, name: 'sip-ua-cs-list', type: fqdns, ref: 'RFC 6011 §3' },
  { code: 59, name: 'bootfile-url', type: string, ref: 'RFC 5970 §3.1' },
  { code: 60, name: 'bootfile-param', type: { t: 'tuples', lenSize: 2 }, ref: 'RFC 5970 §3.2' },
  { code: 61, name: 'client-arch-type', type: { t: 'array', of: u16 }, ref: 'RFC 5970 §3.3' },
  { code: 62, name: 'nii', type: rec(['type', u8], ['major', u8], ['minor', u8]), ref: 'RFC 5970 §3.4' },
  { code: 64, name: 'aftr-name', type: fqdn, ref: 'RFC 6334 §3' },
  { code: 65, name: 'erp-local-domain-name', type: fqdn, ref: 'RFC 6440 §3' },
  { code: 66, name: 'rsoo', type: opts, ref: 'RFC 6422 §3' },
  { code: 67, name: 'pd-exclude', type: rec(['prefixLen', u8], ['subnetId', binary]), ref: 'RFC 6603 §4.2' },
  { code: 79, name: 'client-linklayer-addr', type: rec(['linkType', u16], ['address', binary]), ref: 'RFC 6939 §4' },
  { code: 80, name: 'link-address', type: ipv6, ref: 'RFC 6977 §3' },
  { code: 81, name: 'radius', type: { t: 'custom', name: 'radius-attributes', codec: radiusAttributes }, ref: 'RFC 7037 §4' },
  { code: 82, name: 'solmax-rt', type: u32, ref: 'RFC 8415 §21.24' },
  { code: 83, name: 'inf-max-rt', type: u32, ref: 'RFC 8415 §21.25' },
  { code: 87, name: 'dhcpv4-message', type: { t: 'message4' }, ref: 'RFC 7341 §7.1' },
  { code: 88, name: 'dhcp4o6-server-addr', type: ipv6s, ref: 'RFC 7341 §7.2' },
  {
    code: 89,
    name: 's46-rule',
    type: rec(['flags', u8], ['eaLen', u8], ['prefix4Len', u8], ['ipv4Prefix', { t: 'ipv4' }], ['ipv6Prefix', { t: 'vprefix6' }], ['options', opts]),
    ref: 'RFC 7598 §4.1',
  },
  { code: 90, name: 's46-br', type: ipv6, ref: 'RFC 7598 §4.2' },
  { code: 91, name: 's46-dmr', type: { t: 'vprefix6' }, ref: 'RFC 7598 §4.3' },
  { code: 92, name: 's46-v4v6bind', type: rec(['ipv4Address', { t: 'ipv4' }], ['bindPrefix6', { t: 'vprefix6' }], ['options', opts]), ref: 'RFC 7598 §4.4' },
  { code: 93, name: 's46-portparams', type: { t: 'custom', name: 's46-portparams', codec: portParams }, ref: 'RFC 7598 §4.5' },
  { code: 94, name: 's46-cont-mape', type: opts, ref: 'RFC 7598 §5.1' },
  { code: 95, name: 's46-cont-mapt', type: opts, ref: 'RFC 7598 §5.2' },
  { code: 96, name: 's46-cont-lw', type: opts, ref: 'RFC 7598 §5.3' },
  { code: 100, name: 'lq-base-time', type: u32, ref: 'RFC 7653 §6.1' },
  { code: 101, name: 'lq-start-time', type: u32, ref: 'RFC 7653 §6.2' },
  { code: 102, name: 'lq-end-time', type: u32, ref: 'RFC 7653 §6.3' },
  { code: 103, name: 'v6-captive-portal', type: string, ref: 'RFC 8910 §2.2' },
];

/** RFC 5908 §4: suboptions of the NTP server option. */
export const NTP_SUBOPTIONS: readonly OptionDef[] = [
  { code: 1, name: 'ntp-server-address', type: ipv6, ref: 'RFC 5908 §4.1' },
  { code: 2, name: 'ntp-server-multicast', type: ipv6, ref: 'RFC 5908 §4.2' },
  { code: 3, name: 'ntp-server-fqdn', type: fqdn, ref: 'RFC 5908 §4.3' },
];
