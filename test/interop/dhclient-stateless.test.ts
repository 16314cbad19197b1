import { describe, expect, it } from 'vitest';
import { DNS_SERVERS, DOMAIN_SEARCH, SNTP_SERVERS, duidLL } from './config.js';
import { Dhclient } from './dhclient.js';
import { serveDirectLink } from './direct-lab.js';
import { useLab } from './use-lab.js';

/**
 * ISC `dhclient -6 -S` (stateless, RFC 8415 §18.2.6) against Fulmar: an
 * Information-request answered with the configured options, and no lease.
 */

const setup = useLab('fi-sl', ['srv', 'cli'], ['dhclient'], async (lab) => ({ fulmar: await serveDirectLink(lab) }));

describe('dhclient -6 -S', () => {
  it('gets the configured options from an Information-request, and the server keeps no lease', async () => {
    const { lab, fulmar } = setup();
    const duid = duidLL('02:00:00:00:0c:01');
    const client = new Dhclient(lab, 'cli', 'cli0', 'stateless', { duid, modes: ['-S'] });
    client.start();
    // dhclient has no reason of its own for stateless configuration: it reports it as RENEW6.
    const got = await client.waitForEvent('RENEW6', 15, (e) => e.env.new_dhcp6_name_servers !== undefined);
    expect(got.env.new_dhcp6_name_servers?.split(' ')).toEqual(DNS_SERVERS);
    expect(got.env.new_dhcp6_domain_search?.split(' ')).toEqual(DOMAIN_SEARCH);
    expect(got.env.new_dhcp6_sntp_servers?.split(' ')).toEqual(SNTP_SERVERS);
    expect(got.env.new_ip6_address).toBeUndefined();
    expect(got.env.new_ip6_prefix).toBeUndefined();
    expect(fulmar.exchanges(duid)).toEqual(['information-request → reply']);
    expect(fulmar.leases(duid)).toEqual([]);
    expect(client.lease()).toBeUndefined();
    expect(lab.addresses('cli', 'cli0')).toEqual([]);
  });
});
