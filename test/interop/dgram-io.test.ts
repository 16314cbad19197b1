import { describe, expect, it } from 'vitest';
import { DIRECT, directConfig, duidLL } from './config.js';
import { Dhclient } from './dhclient.js';
import { serveDirectLink } from './direct-lab.js';
import { inPool } from './pools.js';
import { useLab } from './use-lab.js';

/**
 * The other socket I/O: every other interop test runs on the batched native
 * addon (udp-io "auto"); this one serves the same link with Node's dgram
 * sockets, the fallback where the addon cannot be built, and a real client
 * must get the same.
 */

const setup = useLab('fi-dg', ['srv', 'cli'], ['dhclient'], async (lab) => {
  const config = directConfig();
  config.dhcp6 = { ...config.dhcp6, 'udp-io': 'dgram' };
  return { fulmar: await serveDirectLink(lab, config) };
});

describe("udp-io 'dgram'", () => {
  it('serves dhclient -6 an address from the pool over multicast, and says which I/O it uses', async () => {
    const { lab, fulmar } = setup();
    expect(fulmar.log()).toMatch(/"msgId":"FULMAR_STARTED".*"udpIo":"dgram"/);
    const duid = duidLL('02:00:00:00:0d:01');
    const client = new Dhclient(lab, 'cli', 'cli0', 'dgram', { duid, modes: [] });
    client.start();
    const bound = await client.waitForEvent('BOUND6', 15, (e) => e.env.new_ip6_address !== undefined);
    const address = bound.env.new_ip6_address!;
    expect(inPool(address, DIRECT.pool)).toBe(true);
    expect(lab.addresses('cli', 'cli0')).toContain(`${address}/${bound.env.new_ip6_prefixlen}`);
    expect(fulmar.leases(duid)).toEqual([expect.objectContaining({ type: 'na', address, state: 'assigned' })]);
  });
});
