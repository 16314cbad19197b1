/** DHCPv6 message types (RFC 8415 §7.3, RFC 5007, 5460, 7341, 7653, 8156). */
export const MESSAGE_TYPES: Readonly<Record<number, string>> = {
  1: 'solicit',
  2: 'advertise',
  3: 'request',
  4: 'confirm',
  5: 'renew',
  6: 'rebind',
  7: 'reply',
  8: 'release',
  9: 'decline',
  10: 'reconfigure',
  11: 'information-request',
  12: 'relay-forw',
  13: 'relay-repl',
  14: 'leasequery',
  15: 'leasequery-reply',
  16: 'leasequery-done',
  17: 'leasequery-data',
  18: 'reconfigure-request',
  19: 'reconfigure-reply',
  20: 'dhcpv4-query',
  21: 'dhcpv4-response',
  22: 'activeleasequery',
  23: 'starttls',
  24: 'bndupd',
  25: 'bndreply',
  26: 'poolreq',
  27: 'poolresp',
  28: 'updreq',
  29: 'updreqall',
  30: 'upddone',
  31: 'connect',
  32: 'connectreply',
  33: 'disconnect',
  34: 'state',
  35: 'contact',
};

export const MESSAGE_CODES: ReadonlyMap<string, number> = new Map(
  Object.entries(MESSAGE_TYPES).map(([k, v]) => [v, Number(k)]),
);

/** RFC 8415 §21.13 status codes (and RFC 5007, 5460, 7653). */
export const STATUS_CODES: Readonly<Record<number, string>> = {
  0: 'Success',
  1: 'UnspecFail',
  2: 'NoAddrsAvail',
  3: 'NoBinding',
  4: 'NotOnLink',
  5: 'UseMulticast',
  6: 'NoPrefixAvail',
  7: 'UnknownQueryType',
  8: 'MalformedQuery',
  9: 'NotConfigured',
  10: 'NotAllowed',
  11: 'QueryTerminated',
  12: 'DataMissing',
  13: 'CatchUpComplete',
  14: 'NotSupported',
  15: 'TLSConnectionRefused',
};

/** RFC 5007 §4.1.2.1 and RFC 5460 §5.3 query types. */
export const LQ_QUERY_TYPES: Readonly<Record<number, string>> = {
  1: 'by-address',
  2: 'by-clientid',
  3: 'by-relay-id',
  4: 'by-link-address',
  5: 'by-remote-id',
};

export const ALL_DHCP_RELAY_AGENTS_AND_SERVERS = 'ff02::1:2';
export const ALL_DHCP_SERVERS = 'ff05::1:3';
export const CLIENT_PORT = 546;
export const SERVER_PORT = 547;
export const HOP_COUNT_LIMIT = 8;
