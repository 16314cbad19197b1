/**
 * The one set of parameters both servers' configs are generated from
 * (kea-config.ts, fulmar-config.ts), and the test network they serve.
 * Only 2001:db8::/32, link-local and ff02::1:2 are used.
 */

export const NET = {
  // The pid keeps two runs of the bench from sharing (or deleting) each other's namespaces.
  serverNs: `fb-s${process.pid}`,
  clientNs: `fb-c${process.pid}`,
  serverIf: 'srv0',
  clientIf: 'cli0',
  serverMac: '02:00:00:00:01:02',
  clientMac: '02:00:00:00:01:01',
  serverAddress: '2001:db8:1::1/64',
  /**
   * perfdhcp -A 1 puts its own link-local address (EUI-64 of clientMac) in
   * link-address. Kea skips link-local link-addresses and selects by the
   * receiving interface; Fulmar needs the address configured as a relay.
   * Both end up in subnet 1.
   */
  relayLinkAddress: 'fe80::ff:fe00:101',
};

export interface ServeParams {
  subnetId: number;
  subnet: string;
  /** Address pool, as PREFIX/LEN (both servers accept it). */
  pool: string;
  pdPrefix: string;
  pdPrefixLen: number;
  pdDelegatedLen: number;
  preferredLifetime: number;
  validLifetime: number;
}

/**
 * 2^20 addresses and 2^20 prefixes: far more than a run hands out, so no
 * pool runs dry. Lifetimes outlast a run, so nothing expires mid-run.
 */
export const SERVE: ServeParams = {
  subnetId: 1,
  subnet: '2001:db8:1::/64',
  pool: '2001:db8:1::10:0/108',
  pdPrefix: '2001:db8:8000::',
  pdPrefixLen: 40,
  pdDelegatedLen: 60,
  preferredLifetime: 3600,
  validLifetime: 7200,
};

export const POOL_SIZE = 2 ** 20;

/** The one subnet both servers serve, in the key names Kea and Fulmar share. */
export function subnet(p: ServeParams) {
  return {
    id: p.subnetId,
    subnet: p.subnet,
    interface: NET.serverIf,
    relay: { 'ip-addresses': [NET.relayLinkAddress] },
    pools: [{ pool: p.pool }],
    'pd-pools': [{ prefix: p.pdPrefix, 'prefix-len': p.pdPrefixLen, 'delegated-len': p.pdDelegatedLen }],
  };
}
