/** DHCPv4 numbers and names: message types, BOOTP op codes, leasequery states, ports. */

/** Option 53 values: RFC 2132 §9.6 (1-8), RFC 3203 (9), RFC 4388 (10-13), RFC 6926 (14-15), RFC 7724 (16-18). */
export const MESSAGE_TYPES: Readonly<Record<number, string>> = {
  1: 'discover',
  2: 'offer',
  3: 'request',
  4: 'decline',
  5: 'ack',
  6: 'nak',
  7: 'release',
  8: 'inform',
  9: 'forcerenew',
  10: 'leasequery',
  11: 'leaseunassigned',
  12: 'leaseunknown',
  13: 'leaseactive',
  14: 'bulkleasequery',
  15: 'leasequerydone',
  16: 'activeleasequery',
  17: 'leasequerystatus',
  18: 'tls',
};

export const MESSAGE_CODES: ReadonlyMap<string, number> = new Map(Object.entries(MESSAGE_TYPES).map(([k, v]) => [v, Number(k)]));

/** RFC 2131 §2, the `op` field. Other values decode as numbers. */
export const OPS: Readonly<Record<number, string>> = { 1: 'BOOTREQUEST', 2: 'BOOTREPLY' };
export const OP_CODES: ReadonlyMap<string, number> = new Map([
  ['BOOTREQUEST', 1],
  ['BOOTREPLY', 2],
]);

/** Status codes of option 151: RFC 6926 (0-4) and RFC 7724 (5-8). */
export const LQ_STATUS_CODES: Readonly<Record<number, string>> = {
  0: 'Success',
  1: 'UnspecFail',
  2: 'QueryTerminated',
  3: 'MalformedQuery',
  4: 'NotAllowed',
  5: 'DataMissing',
  6: 'ConnectionActive',
  7: 'CatchUpComplete',
  8: 'TLSConnectionRefused',
};

/** Lease states of option 156 (RFC 6926). */
export const LEASE_STATES: Readonly<Record<number, string>> = {
  1: 'AVAILABLE',
  2: 'ACTIVE',
  3: 'EXPIRED',
  4: 'RELEASED',
  5: 'ABANDONED',
  6: 'RESET',
  7: 'REMOTE',
  8: 'TRANSITIONING',
};

/** RFC 2131 §3: the first four octets of the options field, 99.130.83.99. */
export const MAGIC_COOKIE = 0x63825363;
export const SERVER_PORT = 67;
export const CLIENT_PORT = 68;
