import type { ConfigInput } from '../../src/config/schema.js';

/**
 * The configs the reload test swaps between. perfdhcp -A 1 on loopback sends
 * Relay-forw with link-address ::1, so subnet 1 is chosen by that relay
 * address; subnet 2 (added live) by 2001:db8:2::1, which only our probe uses.
 */

export const DNS_A = '2001:db8::53';
export const DNS_B = '2001:db8::5353';
/** Subnet 2's own dns-servers, so the added subnet's options are visible too. */
export const DNS_C = '2001:db8:2::53';
export const LINK_1 = '::1';
export const LINK_2 = '2001:db8:2::1';
export const POOL_2 = { first: '2001:db8:2::1:0', last: '2001:db8:2::1:ffff' };

export interface Setup {
  dir: string;
  port: number;
}

type Subnet = NonNullable<NonNullable<ConfigInput['dhcp6']>['subnets']>[number];

/** Pools far larger than the runs hand out, so exhaustion never looks like loss. */
const subnet1: Subnet = { id: 1, subnet: '2001:db8:1::/64', relay: { 'ip-addresses': [LINK_1] }, pools: [{ pool: '2001:db8:1::1:0-2001:db8:1::1:ffff' }] };
const subnet2: Subnet = {
  id: 2,
  subnet: '2001:db8:2::/64',
  relay: { 'ip-addresses': [LINK_2] },
  pools: [{ pool: `${POOL_2.first}-${POOL_2.last}` }],
  'option-data': [{ name: 'dns-servers', value: [DNS_C] }],
};

export function serverConfig(s: Setup, opts: { dns: string; secondSubnet?: boolean }): ConfigInput {
  return {
    'data-directory': s.dir,
    // info: one line per transaction, and FULMAR_STARTED carries the API's URL (port 0 picks a free one).
    logging: { level: 'info' },
    control: { address: '127.0.0.1', port: 0, 'auth-file': 'users.json' },
    dhcp6: {
      'listen-addresses': ['::1'],
      port: s.port,
      'lease-database': { type: 'sqlite', durability: 'process' },
      'option-data': [{ name: 'dns-servers', value: [opts.dns] }],
      subnets: opts.secondSubnet ? [subnet1, subnet2] : [subnet1],
    },
  };
}
