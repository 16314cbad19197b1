import { describe, expect, it } from 'vitest';
import { DIRECT, duidLL } from './config.js';
import { DhclientTurns } from './dhclient.js';
import { serveDirectLink } from './direct-lab.js';
import { inPdPool, inPool } from './pools.js';
import { useLab } from './use-lab.js';

/**
 * ISC `dhclient -6 -P` (IA_PD alone) and `-N -P` (IA_NA and IA_PD in one
 * exchange) against Fulmar: the delegated prefix the client records is one
 * the config's pd-pool delegates, at its delegated length.
 */

const setup = useLab('fi-pd', ['srv', 'cli'], ['dhclient'], async (lab) => ({
  fulmar: await serveDirectLink(lab),
  clients: new DhclientTurns(lab, 'cli', 'cli0'),
}));

const pdPool = `${DIRECT.pdPool.prefix}/${DIRECT.pdPool['prefix-len']} delegating /${DIRECT.pdPool['delegated-len']}`;

describe.sequential('dhclient -6 prefix delegation', () => {
  it('-P: gets a prefix from the pd-pool at the delegated length, and no address', async () => {
    const { clients, fulmar } = setup();
    const duid = duidLL('02:00:00:00:0b:01');
    const client = await clients.start('pd', { duid, modes: ['-P'] });
    const bound = await client.waitForEvent('BOUND6', 15, (e) => e.env.new_ip6_prefix !== undefined);
    const prefix = bound.env.new_ip6_prefix!;
    expect(inPdPool(prefix, DIRECT.pdPool), `${prefix} from ${pdPool}`).toBe(true);
    expect(bound.env.new_ip6_address).toBeUndefined();
    expect(await client.waitForLease(5, (l) => l.prefixes.length > 0)).toMatchObject({ prefixes: [prefix], addresses: [] });
    expect(fulmar.leases(duid)).toEqual([expect.objectContaining({ type: 'pd', address: prefix, state: 'assigned', subnetId: 1 })]);
  });

  it('-N -P: gets an address from the pool and a prefix from the pd-pool in one exchange', async () => {
    const { clients, fulmar, lab } = setup();
    const duid = duidLL('02:00:00:00:0b:02');
    const client = await clients.start('na-pd', { duid, modes: ['-N', '-P'] });
    // dhclient calls its script once per address or prefix.
    const withAddress = await client.waitForEvent('BOUND6', 15, (e) => e.env.new_ip6_address !== undefined);
    const withPrefix = await client.waitForEvent('BOUND6', 5, (e) => e.env.new_ip6_prefix !== undefined);
    const address = withAddress.env.new_ip6_address!;
    const prefix = withPrefix.env.new_ip6_prefix!;
    expect(inPool(address, DIRECT.pool), `${address} in pool ${DIRECT.pool}`).toBe(true);
    expect(inPdPool(prefix, DIRECT.pdPool), `${prefix} from ${pdPool}`).toBe(true);
    expect(lab.addresses('cli', 'cli0')).toContain(`${address}/${withAddress.env.new_ip6_prefixlen}`);
    expect(await client.waitForLease(5, (l) => l.addresses.length > 0 && l.prefixes.length > 0)).toMatchObject({ addresses: [address], prefixes: [prefix] });
    const leases = fulmar.leases(duid).map((l) => [l.type, l.address, l.state]);
    expect(leases.sort()).toEqual([
      ['na', address, 'assigned'],
      ['pd', prefix, 'assigned'],
    ]);
    expect(fulmar.exchangesBesidesRenew(duid)).toEqual(['solicit → advertise', 'request → reply']);
  });
});
