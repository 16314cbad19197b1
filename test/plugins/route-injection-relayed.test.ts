import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/config/schema.js';
import { RELAYED, UPSTREAM, duidLL } from '../interop/config.js';
import { Dhclient } from '../interop/dhclient.js';
import { startDhcrelay } from '../interop/dhcrelay.js';
import { ip } from '../interop/netns.js';
import { inPdPool } from '../interop/pools.js';
import { useLab } from '../interop/use-lab.js';
import { waitFor } from '../interop/wait.js';
import { Served } from './served.js';

/**
 * The route-injection plugin behind ISC `dhcrelay -6`: the route to the
 * delegated prefix goes via the relay's address on the server's link (the
 * datagram's source), not via anything of the client's. Run as root after
 * `npm run build`.
 *
 *   fp-rr-cli  cli1 ══ rly0  fp-rr-rly  rly1 ══ srv1  fp-rr-srv (fulmar)
 *              2001:db8:2::/64 (clients)    2001:db8:3::/64 (relay to server)
 */

const PLUGIN = fileURLToPath(new URL('../../dist/src/plugins/route-injection/index.js', import.meta.url));

const config: ConfigInput = {
  plugins: [{ module: PLUGIN, config: {} }],
  dhcp6: {
    'listen-addresses': [UPSTREAM.server],
    'renew-timer': 2,
    'rebind-timer': 3,
    'preferred-lifetime': 30,
    'valid-lifetime': 60,
    subnets: [{ id: 2, subnet: RELAYED.subnet, relay: { 'ip-addresses': [RELAYED.relayLink] }, 'pd-pools': [RELAYED.pdPool] }],
    pipeline: [{ type: 'always', handlers: [{ type: 'pools' }, { type: 'route-injection' }] }],
  },
};

const setup = useLab('fp-rr', ['cli', 'rly', 'srv'], ['dhclient', 'dhcrelay'], async (lab) => {
  if (!existsSync(PLUGIN)) throw new Error(`no build of the plugin at ${PLUGIN}: run npm run build`);
  lab.veth({ ns: 'cli', iface: 'cli1', mac: '02:00:00:00:0f:01' }, { ns: 'rly', iface: 'rly0', mac: '02:00:00:00:0f:02' });
  lab.veth({ ns: 'rly', iface: 'rly1', mac: '02:00:00:00:0f:03' }, { ns: 'srv', iface: 'srv1', mac: '02:00:00:00:0f:04' });
  lab.address('rly', 'rly0', `${RELAYED.relayLink}/64`);
  lab.address('rly', 'rly1', `${UPSTREAM.relay}/64`);
  lab.address('srv', 'srv1', `${UPSTREAM.server}/64`);
  for (const [ns, iface] of [['cli', 'cli1'], ['rly', 'rly0'], ['rly', 'rly1'], ['srv', 'srv1']] as const) await lab.linkLocal(ns, iface);
  const server = new Served(lab, 'srv', 'fulmar');
  await server.start(config);
  await startDhcrelay(lab, 'rly', 'rly0', 'rly1', UPSTREAM.server);
  return { server };
});

function routesTo(prefix: string): string[] {
  const { lab } = setup();
  return ip('-n', lab.ns('srv'), '-6', 'route', 'show')
    .split('\n')
    .filter((l) => l.startsWith(`${prefix} `))
    .map((l) => l.trim());
}

describe.sequential('route-injection behind dhcrelay -6', () => {
  const duid = duidLL('02:00:00:00:0f:0a');
  let client: Dhclient;
  let prefix = '';

  it("routes the delegated prefix via the relay's address", async () => {
    const { lab, server } = setup();
    client = new Dhclient(lab, 'cli', 'cli1', 'relayed', { duid, modes: ['-P'] });
    client.start();
    const bound = await client.waitForEvent('BOUND6', 15, (e) => e.env.new_ip6_prefix !== undefined);
    prefix = bound.env.new_ip6_prefix!;
    expect(inPdPool(prefix, RELAYED.pdPool), prefix).toBe(true);
    const want = [`${prefix} via ${UPSTREAM.relay} dev srv1 proto static metric 1024 pref medium`];
    await waitFor(`route to ${prefix} via the relay`, 10, () => JSON.stringify(routesTo(prefix)) === JSON.stringify(want), () => routesTo(prefix).join('\n'));
    expect(server.lines('FULMAR_PKT6_TRANSACTION').filter((t) => t.duid === duid)[0]).toMatchObject({ via: `relay ${RELAYED.relayLink}` });
  });

  it('removes it on Release through the relay', async () => {
    await client.release();
    await waitFor(`no route to ${prefix}`, 5, () => routesTo(prefix).length === 0, () => routesTo(prefix).join('\n'));
  });
});
