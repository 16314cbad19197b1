import type { KeaDef, KeaType } from './kea-defs.js';

/**
 * Kea's standard DHCPv6 option definitions (src/lib/dhcp/std_option_defs.h
 * and docsis3_option_defs.h), the ones a config can set. Needed to read
 * Kea's CSV data the way Kea does; Fulmar's names match Kea's.
 */

type Row = [name: string, code: number, type: KeaType, array?: boolean, records?: KeaType[], encapsulate?: string];

const DHCP6: Row[] = [
  ['preference', 7, 'uint8'],
  ['unicast', 12, 'ipv6-address'],
  ['user-class', 15, 'binary'],
  ['vendor-class', 16, 'record', false, ['uint32', 'binary']],
  // Encapsulates vendor-<enterprise>, chosen by its data: see vendorSpace.
  ['vendor-opts', 17, 'uint32'],
  ['interface-id', 18, 'binary'],
  ['reconf-msg', 19, 'uint8'],
  ['reconf-accept', 20, 'empty'],
  ['sip-server-dns', 21, 'fqdn', true],
  ['sip-server-addr', 22, 'ipv6-address', true],
  ['dns-servers', 23, 'ipv6-address', true],
  ['domain-search', 24, 'fqdn', true],
  ['nis-servers', 27, 'ipv6-address', true],
  ['nisp-servers', 28, 'ipv6-address', true],
  ['nis-domain-name', 29, 'fqdn', true],
  ['nisp-domain-name', 30, 'fqdn', true],
  ['sntp-servers', 31, 'ipv6-address', true],
  ['information-refresh-time', 32, 'uint32'],
  ['bcmcs-server-dns', 33, 'fqdn', true],
  ['bcmcs-server-addr', 34, 'ipv6-address', true],
  ['geoconf-civic', 36, 'record', false, ['uint8', 'uint16', 'binary']],
  ['remote-id', 37, 'record', false, ['uint32', 'binary']],
  ['subscriber-id', 38, 'binary'],
  ['client-fqdn', 39, 'record', false, ['uint8', 'fqdn']],
  ['pana-agent', 40, 'ipv6-address', true],
  ['new-posix-timezone', 41, 'string'],
  ['new-tzdb-timezone', 42, 'string'],
  ['ero', 43, 'uint16', true],
  ['lq-query', 44, 'record', false, ['uint8', 'ipv6-address']],
  ['client-data', 45, 'empty'],
  ['clt-time', 46, 'uint32'],
  ['lq-relay-data', 47, 'record', false, ['ipv6-address', 'binary']],
  ['lq-client-link', 48, 'ipv6-address', true],
  ['v6-lost', 51, 'fqdn'],
  ['capwap-ac-v6', 52, 'ipv6-address', true],
  ['relay-id', 53, 'binary'],
  ['v6-access-domain', 57, 'fqdn'],
  ['sip-ua-cs-list', 58, 'fqdn', true],
  ['bootfile-url', 59, 'string'],
  ['bootfile-param', 60, 'tuple', true],
  ['client-arch-type', 61, 'uint16', true],
  ['nii', 62, 'record', false, ['uint8', 'uint8', 'uint8']],
  ['aftr-name', 64, 'fqdn'],
  ['erp-local-domain-name', 65, 'fqdn'],
  ['rsoo', 66, 'empty', false, [], 'rsoo-opts'],
  ['pd-exclude', 67, 'ipv6-prefix'],
  ['rdnss-selection', 74, 'record', true, ['ipv6-address', 'uint8', 'fqdn']],
  ['client-linklayer-addr', 79, 'binary'],
  ['link-address', 80, 'ipv6-address'],
  ['solmax-rt', 82, 'uint32'],
  ['inf-max-rt', 83, 'uint32'],
  ['dhcpv4-message', 87, 'binary'],
  ['dhcp4o6-server-addr', 88, 'ipv6-address', true],
  ['s46-cont-mape', 94, 'empty', false, [], 's46-cont-mape-options'],
  ['s46-cont-mapt', 95, 'empty', false, [], 's46-cont-mapt-options'],
  ['s46-cont-lw', 96, 'empty', false, [], 's46-cont-lw-options'],
  ['v6-captive-portal', 103, 'string'],
  ['relay-source-port', 135, 'uint16'],
  ['v6-sztp-redirect', 136, 'tuple', true],
  ['ipv6-address-andsf', 143, 'ipv6-address', true],
];

const S46_RULE: Row = ['s46-rule', 89, 'record', false, ['uint8', 'uint8', 'uint8', 'ipv4-address', 'ipv6-prefix'], 's46-rule-options'];
const S46_BR: Row = ['s46-br', 90, 'ipv6-address'];
const S46_PORTPARAMS: Row = ['s46-portparams', 93, 'record', false, ['uint8', 'psid']];

/** DOCSIS 3 (CableLabs, enterprise 4491) options. */
const DOCSIS: Row[] = [
  ['oro', 1, 'uint16', true],
  ['device-type', 2, 'string'],
  ['vendor-type', 10, 'string'],
  ['tftp-servers', 32, 'ipv6-address', true],
  ['config-file', 33, 'string'],
  ['syslog-servers', 34, 'ipv6-address', true],
  ['device-id', 36, 'binary'],
  ['time-servers', 37, 'ipv6-address', true],
  ['time-offset', 38, 'int32'],
];

const SPACES: Record<string, Row[]> = {
  dhcp6: DHCP6,
  's46-cont-mape-options': [S46_BR, S46_RULE],
  's46-cont-mapt-options': [S46_RULE, ['s46-dmr', 91, 'ipv6-prefix']],
  's46-cont-lw-options': [S46_BR, ['s46-v4v6bind', 92, 'record', false, ['ipv4-address', 'ipv6-prefix'], 's46-v4v6bind-options']],
  's46-rule-options': [S46_PORTPARAMS],
  's46-v4v6bind-options': [S46_PORTPARAMS],
  // Kea names DOCSIS options both ways; only vendor-4491 ones go into vendor-opts (17).
  'vendor-4491': DOCSIS,
  'docsis3-v6': DOCSIS,
};

export function keaStandardDefs(): KeaDef[] {
  return Object.entries(SPACES).flatMap(([space, rows]) =>
    rows.map(([name, code, type, array = false, recordTypes = [], encapsulate = '']) => ({ name, code, space, type, array, recordTypes, encapsulate })),
  );
}
