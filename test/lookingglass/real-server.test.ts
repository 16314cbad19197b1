import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/validate.js';
import type { ConfigInput } from '../../src/config/schema.js';
import { Dhclient } from '../interop/dhclient.js';
import { Fulmar } from '../interop/fulmar.js';
import type { Lab } from '../interop/lab.js';
import { inPdPool, inPool } from '../interop/pools.js';
import { useLab } from '../interop/use-lab.js';
import { launchChromium, leaseRows, login, newPage, openLookingGlass, openTransaction, screenshot, search, showSubnets, transactionSummaries } from './drive.js';
import { addUser, chromiumIn, ctl, httpStatus } from './in-namespace.js';

/**
 * The looking glass end to end: `fulmar serve` on examples/operate.json
 * (API, event stream, pipeline) in one namespace, a real `dhclient -6 -N -P`
 * in another, and headless Chromium in the server's namespace, where the API
 * listens on loopback as the example config says. The DUID searched for is
 * the one the server's lease store holds. Screenshots go to
 * test-artifacts/lookingglass/real-*.png.
 *
 *   flg-cli  cli0 ══ srv0  flg-srv (fulmar, chromium → 127.0.0.1:8547)
 */

const EXAMPLE = new URL('../../examples/operate.json', import.meta.url);
/** The example's pools (it serves 2001:db8:1::/64 on srv0, as the demo does). */
const POOL = '2001:db8:1::1000-2001:db8:1::1fff';
const PD_POOL = { prefix: '2001:db8:8000::', 'prefix-len': 40, 'delegated-len': 56 };
/** DUID-LLT (RFC 8415 §11.2) over the client's own MAC, as dhclient makes them. */
const CLIENT_MAC = '02:00:00:00:01:01';
const CLIENT_DUID = `000100012db8a580${CLIENT_MAC.replace(/:/g, '')}`;

/** The example config, with its files in the lab instead of /var. */
function exampleConfig(lab: Lab): ConfigInput {
  const parsed = parseConfigText(readFileSync(EXAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error(`examples/operate.json: ${JSON.stringify(parsed.issues)}`);
  const config = parsed.raw as ConfigInput & { events: { sinks: { path?: string }[] } };
  config.events.sinks[0]!.path = lab.path('events.ndjson');
  return config;
}

const setup = useLab('flg', ['srv', 'cli'], ['dhclient'], async (lab) => {
  lab.veth({ ns: 'srv', iface: 'srv0', mac: '02:00:00:00:01:02' }, { ns: 'cli', iface: 'cli0', mac: CLIENT_MAC });
  lab.address('srv', 'srv0', '2001:db8:1::1/64');
  await lab.linkLocal('srv', 'srv0');
  await lab.linkLocal('cli', 'cli0');
  // The example's auth-file is relative to the config, which Fulmar.start writes into the lab.
  const token = addUser(lab.path('users.json'), 'support', 'read-only');
  const fulmar = await Fulmar.start(lab, 'srv', exampleConfig(lab));
  return { fulmar, token, url: 'http://127.0.0.1:8547', client: new Dhclient(lab, 'cli', 'cli0', 'cpe', { duid: CLIENT_DUID, modes: ['-N', '-P'] }) };
});

/** What the tests learn on the way: the client's lease as the server holds it. */
const seen = { duid: '', address: '', prefix: '' };

describe('looking glass against a real server and a real client', () => {
  let browser: Browser | undefined;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const { lab } = setup();
    browser = await launchChromium(chromiumIn(lab, 'srv'));
    page = await newPage(browser, errors);
  }, 30_000);

  afterAll(async () => {
    // Before the lab closes: it kills whatever is left in its namespaces.
    await browser?.close();
  });

  it('dhclient -6 -N -P gets an address and a prefix', async () => {
    const { client } = setup();
    client.start();
    const withAddress = await client.waitForEvent('BOUND6', 20, (e) => e.env.new_ip6_address !== undefined);
    const withPrefix = await client.waitForEvent('BOUND6', 5, (e) => e.env.new_ip6_prefix !== undefined);
    expect(inPool(withAddress.env.new_ip6_address!, POOL)).toBe(true);
    expect(inPdPool(withPrefix.env.new_ip6_prefix!, PD_POOL)).toBe(true);
  });

  it('the API answers 401 without a token, and the client is found in its leases with one', () => {
    const { lab, token, url } = setup();
    expect(httpStatus(lab, 'srv', `${url}/`, { body: '{"command":"status-get"}' })).toBe(401);
    expect(httpStatus(lab, 'srv', `${url}/metrics`, { method: 'GET' })).toBe(401);
    expect(httpStatus(lab, 'srv', `${url}/metrics`, { method: 'GET', token })).toBe(200);
    const refused = ctl(lab, 'srv', url, undefined, 'status-get');
    expect(refused.status).toBe(1);
    expect(refused.answer.text).toMatch(/^unauthorized/);

    const all = ctl(lab, 'srv', url, token, 'lease6-get-all');
    expect(all.status).toBe(0);
    const leases = (all.answer.arguments as { leases: { duid: string; type: string; 'ip-address': string; 'prefix-len': number; state: number }[] }).leases;
    expect(leases.map((l) => [l.type, l.state]).sort()).toEqual([
      ['IA_NA', 0],
      ['IA_PD', 0],
    ]);
    // One client, so whatever DUID the store holds is its own.
    seen.duid = leases[0]!.duid;
    expect(new Set(leases.map((l) => l.duid))).toEqual(new Set([seen.duid]));
    expect(seen.duid.replace(/:/g, '')).toBe(CLIENT_DUID);
    seen.address = leases.find((l) => l.type === 'IA_NA')!['ip-address'];
    const pd = leases.find((l) => l.type === 'IA_PD')!;
    seen.prefix = `${pd['ip-address']}/${pd['prefix-len']}`;
    expect(ctl(lab, 'srv', url, token, 'config-write').answer.text).toMatch(/^forbidden/);
  });

  it('signs in with the token and finds the client by that DUID', async () => {
    const { fulmar, token, url } = setup();
    await openLookingGlass(page, url);
    await screenshot(page, 'real-01-sign-in');
    await login(page, token);
    const status = await search(page, 'duid', seen.duid);
    const logged = fulmar.transactions(CLIENT_DUID);
    expect(status).toContain(`2 leases, ${logged.length} transactions`);
    expect((await leaseRows(page)).map((r) => r.slice(0, 3))).toEqual([
      [seen.address, 'IA_NA', 'assigned'],
      [seen.prefix, 'IA_PD', 'assigned'],
    ]);
    // Newest first, the same exchanges the server logged.
    const summaries = await transactionSummaries(page);
    expect(summaries.map((s) => /(\S+) → (\S+)/.exec(s)?.slice(1).join(' → '))).toEqual(logged.map((t) => `${t.type} → ${t.reply}`).reverse());
    expect(summaries[0]).toMatch(/request → reply/);
    expect(summaries.at(-1)).toMatch(/solicit → advertise/);
    await screenshot(page, 'real-02-duid-search');
  });

  it('decodes the Request and its Reply option by option', async () => {
    const text = await openTransaction(page, 0);
    for (const s of ['request', 'reply', 'clientid', 'serverid', 'elapsed-time', 'ia-na', 'iaaddr', 'ia-pd', 'iaprefix', 'dns-servers', 'domain-search', 'example.com.', seen.address, seen.prefix]) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toContain('{"');
    await screenshot(page, 'real-03-transaction');
  });

  it('decodes the Solicit and its Advertise', async () => {
    const summaries = await transactionSummaries(page);
    const text = await openTransaction(page, summaries.length - 1);
    for (const s of ['solicit', 'advertise', 'ia-na', 'ia-pd', 'oro']) expect(text, s).toContain(s);
  });

  it('shows the subnet with the one address and one prefix in use', async () => {
    const rows = await showSubnets(page);
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe('1');
    expect(rows[0]![1]).toContain('1 / 4,096');
    expect(rows[0]![2]).toContain('1 / 65,536');
    await screenshot(page, 'real-04-subnets');
  });

  it('ran without script errors or CSP violations', () => {
    expect(errors).toEqual([]);
  });
});
