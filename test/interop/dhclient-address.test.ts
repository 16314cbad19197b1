import { describe, expect, it } from 'vitest';
import { DIRECT, DNS_SERVERS, DOMAIN_SEARCH, SNTP_SERVERS, duidLL } from './config.js';
import { DhclientTurns, type Dhclient } from './dhclient.js';
import type { DhclientLease } from './dhclient-files.js';
import { serveDirectLink } from './direct-lab.js';
import { inPool } from './pools.js';
import type { ScriptEvent } from './client-hook.js';
import { useLab } from './use-lab.js';
import { waitFor } from './wait.js';

/**
 * ISC `dhclient -6` (IA_NA) against Fulmar, one client through its life:
 * bind, renew at T1, confirm after a restart, release; then a second
 * client with rapid commit.
 * Each step checks what the client configured against the config.
 */

const setup = useLab('fi-na', ['srv', 'cli'], ['dhclient'], async (lab) => ({
  fulmar: await serveDirectLink(lab),
  clients: new DhclientTurns(lab, 'cli', 'cli0'),
}));

const onCli0 = () => setup().lab.addresses('cli', 'cli0');

describe.sequential('dhclient -6 (IA_NA)', () => {
  const duid = duidLL('02:00:00:00:0a:01');
  let client: Dhclient;
  let bound: ScriptEvent;
  let lease: DhclientLease;
  let address: string;

  it('binds an address from the pool, puts it on its interface and in its lease file', async () => {
    client = await setup().clients.start('na', { duid, modes: [] });
    bound = await client.waitForEvent('BOUND6', 15, (e) => e.env.new_ip6_address !== undefined);
    address = bound.env.new_ip6_address!;
    expect(inPool(address, DIRECT.pool), `${address} in pool ${DIRECT.pool}`).toBe(true);
    expect(onCli0()).toContain(`${address}/${bound.env.new_ip6_prefixlen}`);
    lease = await client.waitForLease(5, (l) => l.addresses.length > 0);
    expect(lease.addresses).toEqual([address]);
    expect(setup().fulmar.leases(duid)).toEqual([expect.objectContaining({ type: 'na', address, state: 'assigned', subnetId: 1 })]);
    expect(setup().fulmar.exchangesBesidesRenew(duid)).toEqual(['solicit → advertise', 'request → reply']);
  });

  it('gets the configured DNS servers, domain search list and SNTP servers', () => {
    expect(bound.env.new_dhcp6_name_servers?.split(' ')).toEqual(DNS_SERVERS);
    expect(bound.env.new_dhcp6_domain_search?.split(' ')).toEqual(DOMAIN_SEARCH);
    expect(bound.env.new_dhcp6_sntp_servers?.split(' ')).toEqual(SNTP_SERVERS);
    expect(lease.options['name-servers']).toBe(DNS_SERVERS.join(','));
  });

  it('renews at T1 with the configured timers, and the server moves the lease expiry forward', async () => {
    const { fulmar } = setup();
    const seen = client.events().length;
    const before = fulmar.leases(duid)[0]!;
    const renewed = await client.waitForEvent('RENEW6', 10, (e) => e.env.new_ip6_address === address, seen);
    expect(renewed.env).toMatchObject({ new_renew: '2', new_rebind: '3', new_preferred_life: '30', new_max_life: '60' });
    const after = await waitFor('the server to extend the lease', 5, () => fulmar.leases(duid).find((l) => l.expiresAt > before.expiresAt));
    expect(after).toMatchObject({ address, state: 'assigned' });
    expect(fulmar.transactions(duid).filter((t) => t.type === 'renew')).toContainEqual(expect.objectContaining({ reply: 'reply', granted: [address] }));
    expect(onCli0()).toContain(`${address}/${bound.env.new_ip6_prefixlen}`);
  });

  it('confirms its lease when restarted (RFC 8415 §18.3.3) and keeps its address', async () => {
    const { fulmar } = setup();
    const seen = client.events().length;
    await client.restart();
    await client.waitForEvent('BOUND6', 15, (e) => e.env.new_ip6_address === address, seen);
    const log = fulmar.transactions(duid);
    const confirm = log.findIndex((t) => t.type === 'confirm');
    expect(log[confirm], 'a Confirm').toMatchObject({ reply: 'reply', status: ['Success'] });
    expect(log.slice(confirm).map((t) => t.type)).not.toContain('solicit');
    expect(fulmar.leases(duid)).toEqual([expect.objectContaining({ address, state: 'assigned' })]);
  });

  it('releases (dhclient -r): the address leaves the interface, the server reclaims the lease', async () => {
    const { fulmar } = setup();
    const seen = client.events().length;
    await client.release();
    await client.waitForEvent('RELEASE6', 5, (e) => e.env.old_ip6_address === address, seen);
    expect(onCli0()).not.toContain(`${address}/${bound.env.new_ip6_prefixlen}`);
    expect(fulmar.leases(duid)).toEqual([expect.objectContaining({ address, state: 'reclaimed' })]);
    expect(fulmar.transactions(duid).at(-1)).toMatchObject({ type: 'release', reply: 'reply', status: ['Success'] });
  });
});

describe.sequential('dhclient -6 with rapid commit', () => {
  const duid = duidLL('02:00:00:00:0a:02');

  it('binds in two messages, Solicit and Reply (RFC 8415 §18.2.1)', async () => {
    const client = await setup().clients.start('rapid', { duid, modes: [], rapidCommit: true });
    const bound = await client.waitForEvent('BOUND6', 15, (e) => e.env.new_ip6_address !== undefined);
    const address = bound.env.new_ip6_address!;
    expect(inPool(address, DIRECT.pool), `${address} in pool ${DIRECT.pool}`).toBe(true);
    expect(onCli0()).toContain(`${address}/${bound.env.new_ip6_prefixlen}`);
    expect(setup().fulmar.exchangesBesidesRenew(duid)).toEqual(['solicit → reply']);
    expect(setup().fulmar.leases(duid)).toEqual([expect.objectContaining({ type: 'na', address, state: 'assigned' })]);
  });
});
