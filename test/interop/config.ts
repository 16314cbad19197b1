import type { ConfigInput } from '../../src/config/schema.js';

/**
 * The configs the interop tests serve, and the values the clients must end
 * up with. Documentation prefixes only (2001:db8::/32).
 */

export const DNS_SERVERS = ['2001:db8::53', '2001:db8::54'];
export const DOMAIN_SEARCH = ['example.com.', 'lab.example.org.'];
export const SNTP_SERVERS = ['2001:db8::123'];

/** Short enough that a client renews within the test, long enough that nothing expires meanwhile. */
export const TIMERS = { 'renew-timer': 2, 'rebind-timer': 3, 'preferred-lifetime': 30, 'valid-lifetime': 60 };

export const DIRECT = {
  subnet: '2001:db8:1::/64',
  server: '2001:db8:1::1/64',
  pool: '2001:db8:1::1000-2001:db8:1::1fff',
  pdPool: { prefix: '2001:db8:8000::', 'prefix-len': 40, 'delegated-len': 56 },
};

/** Behind dhcrelay: chosen by the relay's link-address 2001:db8:2::1. */
export const RELAYED = {
  subnet: '2001:db8:2::/64',
  relayLink: '2001:db8:2::1',
  pool: '2001:db8:2::1000-2001:db8:2::1fff',
  pdPool: { prefix: '2001:db8:9000::', 'prefix-len': 40, 'delegated-len': 60 },
};

/** The link between relay and server; a subnet of its own that relayed clients must not get. */
export const UPSTREAM = { subnet: '2001:db8:3::/64', server: '2001:db8:3::1', relay: '2001:db8:3::2', pool: '2001:db8:3::1000-2001:db8:3::1fff' };

const options = [
  { name: 'dns-servers', value: DNS_SERVERS },
  { name: 'domain-search', value: DOMAIN_SEARCH },
  { name: 'sntp-servers', value: SNTP_SERVERS },
];

/** One subnet on the server's interface srv0, rapid commit allowed. */
export function directConfig(): ConfigInput {
  return {
    dhcp6: {
      interfaces: ['srv0'],
      ...TIMERS,
      'option-data': options,
      subnets: [
        { id: 1, subnet: DIRECT.subnet, interface: 'srv0', 'rapid-commit': true, pools: [{ pool: DIRECT.pool }], 'pd-pools': [DIRECT.pdPool] },
      ],
    },
  };
}

/** No served interface: only relayed traffic, to the unicast address on the upstream link. */
export function relayedConfig(): ConfigInput {
  return {
    dhcp6: {
      'listen-addresses': [UPSTREAM.server],
      ...TIMERS,
      'option-data': options,
      subnets: [
        { id: 1, subnet: UPSTREAM.subnet, interface: 'srv1', pools: [{ pool: UPSTREAM.pool }] },
        { id: 2, subnet: RELAYED.subnet, relay: { 'ip-addresses': [RELAYED.relayLink] }, pools: [{ pool: RELAYED.pool }], 'pd-pools': [RELAYED.pdPool] },
      ],
    },
  };
}

/** DUID-LL (RFC 8415 §11.4) over a made-up MAC: each test client its own, known in advance. */
export function duidLL(mac: string): string {
  return `00030001${mac.replace(/:/g, '')}`;
}
