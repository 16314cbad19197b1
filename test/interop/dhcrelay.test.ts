import { describe, expect, it } from 'vitest';
import { RELAYED, UPSTREAM, duidLL, relayedConfig } from './config.js';
import { Dhclient } from './dhclient.js';
import { startDhcrelay } from './dhcrelay.js';
import { Fulmar } from './fulmar.js';
import { inPdPool, inPool } from './pools.js';
import { useLab } from './use-lab.js';

/**
 * `dhclient -6 -N -P` behind ISC `dhcrelay -6`: the server picks the subnet
 * by the relay's link-address (RFC 8415 §13.1), not by where the packet
 * arrived, and answers through the relay.
 *
 *   fi-rl-cli  cli1 ══ rly0  fi-rl-rly  rly1 ══ srv1  fi-rl-srv (fulmar)
 *              2001:db8:2::/64 (clients)    2001:db8:3::/64 (relay to server)
 */

const setup = useLab('fi-rl', ['cli', 'rly', 'srv'], ['dhclient', 'dhcrelay'], async (lab) => {
  lab.veth({ ns: 'cli', iface: 'cli1', mac: '02:00:00:00:02:01' }, { ns: 'rly', iface: 'rly0', mac: '02:00:00:00:02:02' });
  lab.veth({ ns: 'rly', iface: 'rly1', mac: '02:00:00:00:03:01' }, { ns: 'srv', iface: 'srv1', mac: '02:00:00:00:03:02' });
  lab.address('rly', 'rly0', `${RELAYED.relayLink}/64`);
  lab.address('rly', 'rly1', `${UPSTREAM.relay}/64`);
  lab.address('srv', 'srv1', `${UPSTREAM.server}/64`);
  for (const [ns, iface] of [['cli', 'cli1'], ['rly', 'rly0'], ['rly', 'rly1'], ['srv', 'srv1']] as const) await lab.linkLocal(ns, iface);
  const fulmar = await Fulmar.start(lab, 'srv', relayedConfig());
  await startDhcrelay(lab, 'rly', 'rly0', 'rly1', UPSTREAM.server);
  return { fulmar };
});

describe.sequential('dhclient -6 behind dhcrelay -6', () => {
  const duid = duidLL('02:00:00:00:0e:01');
  let client: Dhclient;
  let address: string;
  let prefix: string;

  it("gets an address and a prefix from the subnet the relay's link-address selects", async () => {
    const { lab, fulmar } = setup();
    client = new Dhclient(lab, 'cli', 'cli1', 'relayed', { duid, modes: ['-N', '-P'] });
    client.start();
    const withAddress = await client.waitForEvent('BOUND6', 15, (e) => e.env.new_ip6_address !== undefined);
    const withPrefix = await client.waitForEvent('BOUND6', 5, (e) => e.env.new_ip6_prefix !== undefined);
    address = withAddress.env.new_ip6_address!;
    prefix = withPrefix.env.new_ip6_prefix!;
    expect(inPool(address, RELAYED.pool), `${address} in pool ${RELAYED.pool}`).toBe(true);
    expect(inPdPool(prefix, RELAYED.pdPool), `${prefix} from pd-pool ${JSON.stringify(RELAYED.pdPool)}`).toBe(true);
    expect(lab.addresses('cli', 'cli1')).toContain(`${address}/${withAddress.env.new_ip6_prefixlen}`);
    expect(await client.waitForLease(5, (l) => l.addresses.length > 0 && l.prefixes.length > 0)).toMatchObject({ addresses: [address], prefixes: [prefix] });
    expect(fulmar.leases(duid).map((l) => [l.type, l.address, l.subnetId]).sort()).toEqual([
      ['na', address, 2],
      ['pd', prefix, 2],
    ]);
  });

  it('shows in the server log as served via the relay, in the relay-selected subnet', () => {
    const { fulmar } = setup();
    expect(fulmar.exchangesBesidesRenew(duid)).toEqual(['solicit → advertise', 'request → reply']);
    for (const t of fulmar.transactions(duid)) expect(t).toMatchObject({ via: `relay ${RELAYED.relayLink}`, subnet: 2 });
  });

  it('releases through the relay', async () => {
    const { fulmar } = setup();
    await client.release();
    expect(fulmar.leases(duid).map((l) => l.state)).toEqual(['reclaimed', 'reclaimed']);
    expect(fulmar.transactions(duid).at(-1)).toMatchObject({ type: 'release', reply: 'reply', via: `relay ${RELAYED.relayLink}`, status: ['Success'] });
  });
});
