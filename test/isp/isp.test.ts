import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/config/schema.js';
import type { Lease6 } from '../../src/store/types.js';
import { duidLL } from '../interop/config.js';
import { Dhclient } from '../interop/dhclient.js';
import type { Lab } from '../interop/lab.js';
import { inNamespace, pidsIn } from '../interop/netns.js';
import { FULMAR_BIN } from '../interop/prerequisites.js';
import { useLab } from '../interop/use-lab.js';
import { waitFor } from '../interop/wait.js';
import { Served } from '../plugins/served.js';
import { lineConfig, linePrefix, remoteIdText, writeLinesCsv } from './lines.js';
import type { RelayConfig } from './relay.js';
import type { Answer, FloodResult } from './scripted-cpe.js';

/**
 * An ISP access network in namespaces: CPEs on their own lines behind an
 * access relay that inserts interface-id, remote-id (RFC 4649),
 * subscriber-id (RFC 4580) and the client link-layer address (RFC 6939);
 * a primary Fulmar provisioning a /56 per remote-id from a 10,000-line CSV,
 * rate-limited per line; a backup Fulmar that answers only clients that have
 * been trying for 30 s. Run as root after `npm run build`. See README.md.
 *
 *   fisp-cpe  cpe0 ══ l5042 ┐                                 ┌ 2001:db8:3::1  primary
 *   fisp-nb   cpe0 ══ l5043 ├ fisp-rly  up0 ══ up0  fisp-srv  ┤
 *   fisp-fl   cpe0 ══ l6100 │  2001:db8:3::2                  └ 2001:db8:3::b  backup
 *   fisp-bk   cpe0 ══ l8800 ┘
 */

const REGISTER = new URL('../../src/store/testing/register-ts.mjs', import.meta.url).href;
const RELAY_MAIN = fileURLToPath(new URL('./relay-main.ts', import.meta.url));
const CPE_MAIN = fileURLToPath(new URL('./cpe-main.ts', import.meta.url));

/** The line whose CPE is swapped, one served during the flood, the flooder's, and the backup's probe. */
const LINE = { cpe: 5042, neighbour: 5043, flood: 6100, probe: 8800 };
const CLIENTS = [
  { ns: 'cpe', line: LINE.cpe },
  { ns: 'nb', line: LINE.neighbour },
  { ns: 'fl', line: LINE.flood },
  { ns: 'bk', line: LINE.probe },
];
const UPSTREAM = { relay: '2001:db8:3::2', primary: '2001:db8:3::1', backup: '2001:db8:3::b' };
/** Long lifetimes: nothing expires or renews during the test, so a swap that works is the line binding's doing. */
const TIMERS = { 'renew-timer': 900, 'rebind-timer': 1440, 'preferred-lifetime': 1800, 'valid-lifetime': 3600 };
const RATE = { requests: 10, seconds: 60 };
const FLOOD = { count: 500, seconds: 5 };

/** The CPE's MAC on line n (the relay reports it as the client link-layer address). */
const cpeMac = (n: number) => `02:00:00:00:${(n >> 8).toString(16).padStart(2, '0')}:${(n & 0xff).toString(16).padStart(2, '0')}`;
// DUIDs over MACs that are not the interface's: the server's hw-address must come from the relay.
const CPE_A = duidLL('02:00:00:aa:50:42');
const CPE_B = duidLL('02:00:00:bb:50:42');
const NEIGHBOUR = duidLL('02:00:00:aa:50:43');
const PROBE = duidLL('02:00:00:aa:88:00');

function serverConfig(listen: string, first: unknown[], extra: Partial<ConfigInput> = {}): ConfigInput {
  return {
    logging: { level: 'debug' },
    ...extra,
    dhcp6: {
      'listen-addresses': [listen],
      ...TIMERS,
      'assignment-sources': { lines: { type: 'csv', path: 'lines.csv' } },
      pipeline: [...first, { type: 'always', handlers: [{ type: 'static', source: 'lines', key: 'remote-id' }] }],
    },
  } as ConfigInput;
}

const primaryConfig = serverConfig(
  UPSTREAM.primary,
  [
    { type: 'always', handlers: [{ type: 'rate-limit', key: 'remote-id', ...RATE }] },
    // Logs what the relay told the server about the line under test.
    { type: 'remote-id', values: [remoteIdText(LINE.cpe)], handlers: [{ type: 'dump' }] },
  ],
  { control: { address: '127.0.0.1', port: 8547, 'auth-file': 'api-users.json' } },
);
const backupConfig = serverConfig(UPSTREAM.backup, [{ type: 'elapsed-time', below: 30, handlers: [{ type: 'ignore' }] }]);

const setup = useLab('fisp', ['srv', 'rly', ...CLIENTS.map((c) => c.ns)], ['dhclient'], async (lab) => {
  const started = Date.now();
  lab.veth({ ns: 'rly', iface: 'up0', mac: '02:00:00:03:00:02' }, { ns: 'srv', iface: 'up0', mac: '02:00:00:03:00:01' });
  lab.address('rly', 'up0', `${UPSTREAM.relay}/64`);
  lab.address('srv', 'up0', `${UPSTREAM.primary}/64`);
  lab.address('srv', 'up0', `${UPSTREAM.backup}/64`);
  for (const c of CLIENTS) {
    const line = lineConfig(c.line);
    lab.veth({ ns: c.ns, iface: 'cpe0', mac: cpeMac(c.line) }, { ns: 'rly', iface: line.iface, mac: cpeMac(c.line).replace('02:00:00:00', '02:00:00:01') });
    lab.address('rly', line.iface, `${line.linkAddress}/64`);
  }
  for (const c of CLIENTS) await Promise.all([lab.linkLocal(c.ns, 'cpe0'), lab.linkLocal('rly', lineConfig(c.line).iface)]);

  writeLinesCsv(lab.path('lines.csv'));
  const token = execFileSync(process.execPath, [FULMAR_BIN, 'auth', 'add', 'isp-test', '--role', 'read-only', '--file', lab.path('api-users.json')], { encoding: 'utf8', timeout: 15_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const primary = new Served(lab, 'srv', 'primary');
  const backup = new Served(lab, 'srv', 'backup');
  await Promise.all([primary.start(primaryConfig), backup.start(backupConfig)]);

  const relayConfig: RelayConfig = { upstream: UPSTREAM.relay, servers: [UPSTREAM.primary, UPSTREAM.backup], lines: CLIENTS.map((c) => lineConfig(c.line)) };
  writeFileSync(lab.path('relay.json'), JSON.stringify(relayConfig));
  const relay = lab.start('relay', 'rly', [process.execPath, '--import', REGISTER, RELAY_MAIN, lab.path('relay.json')]);
  await waitFor('the relay to listen', 15, () => relay.output().includes('"listening"') || (!relay.running() && relay.output()), relay.output);
  if (!relay.running()) throw new Error(`the relay exited:\n${relay.output()}`);

  const serverDuid = (name: string) => readFileSync(lab.path(`${name}-data/server-duid`), 'utf8').trim();
  console.info(`fisp lab up in ${Date.now() - started} ms`);
  return { primary, backup, token, duids: { primary: serverDuid('primary'), backup: serverDuid('backup') } };
});

/** `fulmar leases --json` on the primary's store, read by a second process while the server runs. */
function primaryLeases(): Lease6[] {
  const { primary } = setup();
  const out = execFileSync(process.execPath, [FULMAR_BIN, 'leases', '--config', primary.configFile, '--json'], { encoding: 'utf8', timeout: 15_000 });
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Lease6);
}

/** One statistic of the primary through its management API (`fulmar ctl` inside the server namespace, where the API listens). */
function primaryStatistic(name: string): number {
  const { lab, token } = setup();
  const out = inNamespace(lab.ns('srv'), [process.execPath, FULMAR_BIN, 'ctl', 'statistic-get', JSON.stringify({ name }), '--token', token]);
  const answer = JSON.parse(out) as { result: number; arguments: Record<string, [number, string][]> };
  return answer.arguments[name]?.[0]?.[0] ?? 0;
}

/** A scripted CPE process in a client namespace; resolves to the JSON line it prints. */
async function scriptedCpe<T>(lab: Lab, name: string, ns: string, args: string[]): Promise<T> {
  const p = lab.start(name, ns, [process.execPath, '--import', REGISTER, CPE_MAIN, ...args]);
  const code = await Promise.race([p.exited, new Promise((r) => setTimeout(r, 35_000, 'timeout'))]);
  if (code !== 0) throw new Error(`${name} ended with ${String(code)}:\n${p.output()}`);
  return JSON.parse(p.output().trim().split('\n').pop()!) as T;
}

describe.sequential('ISP: relay with line identifiers, a /56 per remote-id from a 10,000-line CSV', () => {
  let prefix = '';

  it("(a) dhclient -6 -P on line 5042 gets exactly its line's /56 from the CSV", async () => {
    const { lab, primary } = setup();
    const a = new Dhclient(lab, 'cpe', 'cpe0', 'cpe-a', { duid: CPE_A, modes: ['-P'] });
    a.start();
    const bound = await a.waitForEvent('BOUND6', 20, (e) => e.env.new_ip6_prefix !== undefined);
    prefix = bound.env.new_ip6_prefix!;
    expect(prefix).toBe(linePrefix(LINE.cpe));
    expect((await a.waitForLease(5, (l) => l.prefixes.length > 0)).prefixes).toEqual([prefix]);
    expect(primary.exchanges(CPE_A)).toEqual(['solicit → advertise', 'request → reply']);
    // What the server learnt from the relay (RFC 8415 §21.18, RFC 4649, RFC 4580, RFC 6939), not from the DUID.
    const line = lineConfig(LINE.cpe);
    const dump = primary.lines('FULMAR_PIPELINE_DUMP').find((l) => (l.ids as Record<string, string>).duid === CPE_A)!;
    expect(dump.ids).toEqual({
      duid: CPE_A,
      'hw-address': cpeMac(LINE.cpe).replace(/:/g, ''),
      'interface-id': line.interfaceId,
      'remote-id': remoteIdText(LINE.cpe),
      'subscriber-id': line.subscriberId,
    });
    expect(primaryLeases().filter((l) => l.type === 'pd' && l.address === prefix)).toEqual([expect.objectContaining({ duid: CPE_A, state: 'assigned' })]);
  });

  it('(b) CPE swap: a new DUID on the same line gets the same /56 at once; the old binding is gone', async () => {
    const { lab, primary } = setup();
    // The old CPE is unplugged: killed, no Release.
    for (const pid of pidsIn(lab.ns('cpe'))) process.kill(pid, 'SIGKILL');
    await waitFor('the old CPE to be gone', 5, () => pidsIn(lab.ns('cpe')).length === 0);
    const t0 = Date.now();
    const b = new Dhclient(lab, 'cpe', 'cpe0', 'cpe-b', { duid: CPE_B, modes: ['-P'] });
    b.start();
    const bound = await b.waitForEvent('BOUND6', 20, (e) => e.env.new_ip6_prefix !== undefined);
    const took = Date.now() - t0;
    console.info(`(b) swapped CPE bound ${bound.env.new_ip6_prefix} in ${took} ms (valid lifetime ${TIMERS['valid-lifetime']} s)`);
    expect(bound.env.new_ip6_prefix).toBe(prefix);
    expect(took).toBeLessThan(10_000);
    expect(primary.exchanges(CPE_B)).toEqual(['solicit → advertise', 'request → reply']);
    expect(primary.exchanges(CPE_A)).not.toContain('release → reply');
    const leases = primaryLeases();
    expect(leases.filter((l) => l.type === 'pd' && l.address === prefix)).toEqual([expect.objectContaining({ duid: CPE_B, state: 'assigned' })]);
    // One row per prefix: the old CPE's binding was released when the new one took the line.
    expect(leases.filter((l) => l.duid === CPE_A)).toEqual([]);
    await b.stop();
  });

  it('(c) a flooding CPE is cut to the rate limit while the next line is served', async () => {
    const { lab, primary } = setup();
    const nb = new Dhclient(lab, 'nb', 'cpe0', 'neighbour', { duid: NEIGHBOUR, modes: ['-P'] });
    const flooding = scriptedCpe<FloodResult>(lab, 'flood', 'fl', ['flood', 'cpe0', String(FLOOD.count), String(FLOOD.seconds)]);
    // The neighbour starts once the flood is being cut, so its whole exchange happens under it.
    await waitFor('the flood to hit the rate limit', 10, () => primary.lines('FULMAR_PKT6_DROPPED').some((t) => t.drop === 'rate-limited'));
    nb.start();
    const bound = await nb.waitForEvent('BOUND6', 20, (e) => e.env.new_ip6_prefix !== undefined);
    const flood = await flooding;
    expect(bound.env.new_ip6_prefix).toBe(linePrefix(LINE.neighbour));
    const served = primary.lines('FULMAR_PKT6_TRANSACTION').filter((t) => t.duid === NEIGHBOUR && t.reply === 'reply');
    expect(served.length).toBeGreaterThan(0);
    const servedAt = served[0]!.time as number;
    const limited = primary.lines('FULMAR_PKT6_DROPPED').filter((t) => t.drop === 'rate-limited').length;
    const statistic = primaryStatistic('pkt6-rate-limited');
    console.info(
      `(c) flood: ${flood.sent} Solicits in ${flood.end - flood.start} ms, ${flood.answered} answered; pkt6-rate-limited ${statistic}; ` +
        `neighbour's Reply ${servedAt - flood.start} ms into the flood`,
    );
    expect(flood.sent).toBe(FLOOD.count);
    // A token bucket of RATE.requests, refilled at 10 per minute: at most one more during the flood.
    expect(flood.answered).toBeGreaterThanOrEqual(1);
    expect(flood.answered).toBeLessThanOrEqual(RATE.requests + 1);
    expect(statistic).toBe(flood.sent - flood.answered);
    expect(limited).toBe(statistic);
    expect(servedAt).toBeGreaterThan(flood.start);
    expect(servedAt).toBeLessThan(flood.end);
    await nb.stop();
  });

  it('(d) the backup answers a retry (elapsed time 31 s) and stays silent for a first try (RFC 8415 §21.9)', async () => {
    const { lab, primary, backup, duids } = setup();
    const first = await scriptedCpe<Answer[]>(lab, 'probe-0', 'bk', ['probe', 'cpe0', PROBE, '0', '1000']);
    expect(first.map((a) => [a.type, a.server])).toEqual([['advertise', duids.primary]]);
    const retry = await scriptedCpe<Answer[]>(lab, 'probe-3100', 'bk', ['probe', 'cpe0', PROBE, '3100', '1000']);
    expect(retry.map((a) => [a.type, a.server]).sort()).toEqual([['advertise', duids.backup], ['advertise', duids.primary]].sort());
    expect(retry.find((a) => a.server === duids.backup)!.prefixes).toEqual([linePrefix(LINE.probe)]);
    // The backup heard everything the relay forwarded all along and answered only the retry:
    const answered = backup.lines('FULMAR_PKT6_TRANSACTION').filter((t) => t.reply !== undefined);
    expect(answered.map((t) => `${String(t.duid)} ${String(t.type)} → ${String(t.reply)}`)).toEqual([`${PROBE} solicit → advertise`]);
    // every first-try Solicit went to its `ignore` handler (the flood's too),
    const ignored = backup.lines('FULMAR_PKT6_DROPPED').filter((t) => t.drop === 'ignored' && t.type === 'solicit');
    for (const duid of [CPE_A, CPE_B, NEIGHBOUR, PROBE]) expect(ignored.filter((t) => t.duid === duid), duid).toHaveLength(1);
    expect(ignored.filter((t) => String(t.duid).startsWith('0003000102ff'))).toHaveLength(FLOOD.count);
    // and each Request, naming the primary, was not for it (RFC 8415 §16.4).
    const requests = primary.lines('FULMAR_PKT6_TRANSACTION').filter((t) => t.type === 'request').length;
    expect(backup.lines('FULMAR_PKT6_DROPPED').filter((t) => t.drop === 'server-id-mismatch')).toHaveLength(requests);
  });
});
