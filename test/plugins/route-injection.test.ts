import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/config/schema.js';
import { duidLL } from '../interop/config.js';
import { Dhclient } from '../interop/dhclient.js';
import { inPdPool } from '../interop/pools.js';
import { ip, pidsIn } from '../interop/netns.js';
import { useLab } from '../interop/use-lab.js';
import { waitFor } from '../interop/wait.js';
import { Served } from './served.js';

/**
 * The route-injection plugin, loaded by path into `fulmar serve`, against a
 * real `dhclient -6 -P` across a veth pair: the route to the delegated
 * prefix goes via the client's link-local address on the server's interface;
 * it stays right through Renew, Rebind and a server restart (which
 * re-installs it after it was removed by hand), and goes on Release and on
 * expiry. Run as root after `npm run build`.
 *
 *   fp-ri-cli  cli0 ══ srv0  fp-ri-srv (fulmar)   2001:db8:1::/64, prefixes from 2001:db8:8000::/40
 */

const PLUGIN = fileURLToPath(new URL('../../dist/src/plugins/route-injection/index.js', import.meta.url));
const PD_POOL = { prefix: '2001:db8:8000::', 'prefix-len': 40, 'delegated-len': 56 };

/** T1 2 s and T2 3 s: the client renews, and rebinds when the server is away, within the test. */
const LONG = { 'renew-timer': 2, 'rebind-timer': 3, 'preferred-lifetime': 30, 'valid-lifetime': 60 };
/** A lease the reclaim sweep (every second) removes a few seconds after its client stops renewing. */
const SHORT = { 'renew-timer': 2, 'rebind-timer': 3, 'preferred-lifetime': 4, 'valid-lifetime': 6 };

function config(timers: typeof LONG): ConfigInput {
  return {
    plugins: [{ module: PLUGIN, config: {} }],
    dhcp6: {
      interfaces: ['srv0'],
      'lease-database': { type: 'sqlite', durability: 'process' },
      'reclaim-interval': 1,
      ...timers,
      subnets: [{ id: 1, subnet: '2001:db8:1::/64', interface: 'srv0', 'rapid-commit': true, 'pd-pools': [PD_POOL] }],
      pipeline: [{ type: 'always', handlers: [{ type: 'pools' }, { type: 'route-injection' }] }],
    },
  };
}

const setup = useLab('fp-ri', ['srv', 'cli'], ['dhclient'], async (lab) => {
  if (!existsSync(PLUGIN)) throw new Error(`no build of the plugin at ${PLUGIN}: run npm run build`);
  lab.veth({ ns: 'srv', iface: 'srv0', mac: '02:00:00:00:0d:02' }, { ns: 'cli', iface: 'cli0', mac: '02:00:00:00:0d:01' });
  lab.address('srv', 'srv0', '2001:db8:1::1/64');
  await lab.linkLocal('srv', 'srv0');
  await lab.linkLocal('cli', 'cli0');
  const linkLocal = /inet6 (fe80::[0-9a-f:]+)\//.exec(ip('-n', lab.ns('cli'), '-6', '-o', 'addr', 'show', 'dev', 'cli0', 'scope', 'link'))![1]!;
  const server = new Served(lab, 'srv', 'fulmar');
  await server.start(config(LONG));
  return { server, linkLocal };
});

/** The server namespace's routes to `prefix`, as `ip -6 route show` prints them. */
function routesTo(prefix: string): string[] {
  const { lab } = setup();
  return ip('-n', lab.ns('srv'), '-6', 'route', 'show')
    .split('\n')
    .filter((l) => l.startsWith(`${prefix} `))
    .map((l) => l.trim());
}

function waitForRoute(prefix: string, want: string | undefined, seconds = 10): Promise<true> {
  return waitFor(`route to ${prefix}: ${want ?? 'none'}`, seconds, () => JSON.stringify(routesTo(prefix)) === JSON.stringify(want ? [want] : []), () => routesTo(prefix).join('\n'));
}

// DUIDs over MACs that are not the interface's: the next hop must come from the packet, not the DUID.
const MAIN = duidLL('02:00:00:00:0e:01');
const EXPIRING = duidLL('02:00:00:00:0e:02');

let client: Dhclient | undefined;
let prefix = '';

describe.sequential('route-injection plugin in fulmar serve, with dhclient -6 -P', () => {
  it('Request: installs PREFIX via the client link-local dev srv0', async () => {
    const { lab, linkLocal } = setup();
    client = new Dhclient(lab, 'cli', 'cli0', 'pd', { duid: MAIN, modes: ['-P'] });
    client.start();
    const bound = await client.waitForEvent('BOUND6', 15, (e) => e.env.new_ip6_prefix !== undefined);
    prefix = bound.env.new_ip6_prefix!;
    expect(inPdPool(prefix, PD_POOL), prefix).toBe(true);
    await waitForRoute(prefix, `${prefix} via ${linkLocal} dev srv0 proto static metric 1024 pref medium`);
  });

  it('Renew: the route is still right', async () => {
    const { server, linkLocal } = setup();
    await waitFor('a Renew answered', 10, () => server.exchanges(MAIN).includes('renew → reply'));
    await new Promise((r) => setTimeout(r, 300));
    expect(routesTo(prefix)).toEqual([`${prefix} via ${linkLocal} dev srv0 proto static metric 1024 pref medium`]);
  });

  it('restart: a route removed by hand is back at start; then Rebind keeps it right', async () => {
    const { lab, server, linkLocal } = setup();
    await server.stop();
    ip('-n', lab.ns('srv'), '-6', 'route', 'del', prefix);
    expect(routesTo(prefix)).toEqual([]);
    // With the server away past T2, the client rebinds; the restarted server answers its next Rebind.
    // dhclient switches to Rebind only at a Renew retransmission (REN_TIMEOUT 10 s, doubling, ±10 %),
    // up to ~2 + 11 + 22 s after the stop: 25 s failed under a loaded machine.
    await waitFor('dhclient to send a Rebind', 45, () => /XMT: Rebind/.test(client!.output()), () => client!.output());
    await server.start(config(LONG));
    expect(server.lines('FULMAR_ROUTES_REINSTALLED')).toEqual([expect.objectContaining({ routes: 1, failed: 0 })]);
    const want = `${prefix} via ${linkLocal} dev srv0 proto static metric 1024 pref medium`;
    expect(routesTo(prefix)).toEqual([want]);
    await waitFor('a Rebind answered', 30, () => server.exchanges(MAIN).includes('rebind → reply'), () => server.output());
    await new Promise((r) => setTimeout(r, 300));
    expect(routesTo(prefix)).toEqual([want]);
  }, 90_000);

  it('Release: the route goes', async () => {
    const { server } = setup();
    await client!.release();
    expect(server.exchanges(MAIN)).toContain('release → reply');
    await waitForRoute(prefix, undefined, 5);
  });

  it('expiry: a client gone silent loses its route once its lease expires (bound with rapid commit)', async () => {
    const { lab, server, linkLocal } = setup();
    await server.stop();
    await server.start(config(SHORT));
    const silent = new Dhclient(lab, 'cli', 'cli0', 'silent', { duid: EXPIRING, modes: ['-P'], rapidCommit: true });
    silent.start();
    const bound = await silent.waitForEvent('BOUND6', 15, (e) => e.env.new_ip6_prefix !== undefined);
    const p = bound.env.new_ip6_prefix!;
    expect(server.exchanges(EXPIRING)[0]).toBe('solicit → reply');
    await waitForRoute(p, `${p} via ${linkLocal} dev srv0 proto static metric 1024 pref medium`);
    // SIGKILL: no Release, no more Renews. Every process in the client namespace is this lab's.
    for (const pid of pidsIn(lab.ns('cli'))) process.kill(pid, 'SIGKILL');
    expect(routesTo(p)).toHaveLength(1);
    await waitForRoute(p, undefined, SHORT['valid-lifetime'] + 10);
    expect(server.exchanges(EXPIRING)).not.toContain('release → reply');
  }, 60_000);
});
