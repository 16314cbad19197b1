import { describe, expect, it } from 'vitest';
import { DIRECT, DNS_SERVERS, DOMAIN_SEARCH, duidLL } from './config.js';
import { Dhcpcd } from './dhcpcd.js';
import { serveDirectLink } from './direct-lab.js';
import { inPdPool, inPool, inPrefix } from './pools.js';
import type { ScriptEvent } from './client-hook.js';
import { useLab } from './use-lab.js';
import { waitFor } from './wait.js';

/**
 * dhcpcd (IA_NA + IA_PD) against Fulmar, as a home router's WAN client:
 * the address lands on cli0, a /64 of the delegated prefix on lan0.
 *
 *   fi-dc-cli  cli0 ══ srv0  fi-dc-srv (fulmar)     lan0 ══ lan1 inside fi-dc-cli
 */

const setup = useLab('fi-dc', ['srv', 'cli'], ['dhcpcd'], async (lab) => {
  const fulmar = await serveDirectLink(lab);
  lab.veth({ ns: 'cli', iface: 'lan0', mac: '02:00:00:00:04:01' }, { ns: 'cli', iface: 'lan1', mac: '02:00:00:00:04:02' });
  await lab.linkLocal('cli', 'lan0');
  return { fulmar };
});

describe.sequential('dhcpcd', () => {
  const duid = duidLL('02:00:00:00:0d:01');
  let dhcpcd: Dhcpcd;
  let bound: ScriptEvent;
  let address: string;
  let prefix: string;

  it('gets an address from the pool and puts it on cli0, with the configured timers', async () => {
    const { lab } = setup();
    dhcpcd = new Dhcpcd(lab, 'cli', 'dhcpcd', { duid, iface: 'cli0', lan: 'lan0' });
    dhcpcd.start();
    bound = await dhcpcd.waitForEvent('BOUND6', 20);
    address = bound.env.new_dhcp6_ia_na1_ia_addr1!;
    expect(inPool(address, DIRECT.pool), `${address} in pool ${DIRECT.pool}`).toBe(true);
    expect(lab.addresses('cli', 'cli0')).toContain(`${address}/128`);
    expect(bound.env).toMatchObject({ new_dhcp6_ia_na1_t1: '2', new_dhcp6_ia_na1_t2: '3', new_dhcp6_ia_na1_ia_addr1_pltime: '30', new_dhcp6_ia_na1_ia_addr1_vltime: '60' });
  });

  it('gets a prefix from the pd-pool at the delegated length and puts a /64 of it on lan0', async () => {
    const { lab } = setup();
    prefix = `${bound.env.new_dhcp6_ia_pd1_prefix1}/${bound.env.new_dhcp6_ia_pd1_prefix1_length}`;
    expect(inPdPool(prefix, DIRECT.pdPool), `${prefix} from pd-pool ${JSON.stringify(DIRECT.pdPool)}`).toBe(true);
    const delegated = await dhcpcd.waitForEvent('DELEGATED6', 10);
    expect(delegated.env.interface).toBe('lan0');
    const lan = lab.addresses('cli', 'lan0');
    expect(lan).toEqual([delegated.env.new_delegated_dhcp6_prefix]);
    expect(inPrefix(lan[0]!.split('/')[0]!, prefix), `${lan[0]} inside ${prefix}`).toBe(true);
  });

  it('holds both leases under its DUID on the server, and got the configured DNS options', () => {
    const leases = setup().fulmar.leases(duid).map((l) => [l.type, l.address, l.state]);
    expect(leases.sort()).toEqual([
      ['na', address, 'assigned'],
      ['pd', prefix, 'assigned'],
    ]);
    expect(bound.env.new_dhcp6_name_servers?.split(' ')).toEqual(DNS_SERVERS);
    // dhcpcd prints domain names without the root's trailing dot.
    expect(bound.env.new_dhcp6_domain_search?.split(' ')).toEqual(DOMAIN_SEARCH.map((d) => d.replace(/\.$/, '')));
  });

  it('releases on SIGALRM (dhcpcd -k): addresses removed, both leases reclaimed', async () => {
    const { lab, fulmar } = setup();
    await dhcpcd.release();
    expect(lab.addresses('cli', 'cli0')).toEqual([]);
    expect(lab.addresses('cli', 'lan0')).toEqual([]);
    // dhcpcd need not wait for the server's Reply before it exits.
    await waitFor('the server to reclaim both leases', 5, () => fulmar.leases(duid).every((l) => l.state === 'reclaimed'));
    expect(fulmar.leases(duid).map((l) => l.state)).toEqual(['reclaimed', 'reclaimed']);
    expect(fulmar.transactions(duid).at(-1)).toMatchObject({ type: 'release', reply: 'reply', status: ['Success'] });
  });
});
