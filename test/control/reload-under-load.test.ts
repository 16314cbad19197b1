import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ipv6ToBigInt, parseRange6 } from '../../src/protocol/net6.js';
import { requireTools } from '../resilience/tools.js';
import { sleep } from '../resilience/wait.js';
import { DNS_A, DNS_B, DNS_C, LINK_1, LINK_2, POOL_2, serverConfig, type Setup } from './config.js';
import { startLoad, type LoadOptions, type LoadResult } from './load.js';
import { Probe, type Sample } from './probe.js';
import { addApiUser, freeUdpPort, serve, type Served } from './server.js';

/**
 * DESIGN invariant 6 under load: `fulmar serve` (a child process, on ::1)
 * answers perfdhcp -6 while config-set swaps the dns-servers option, adds a
 * subnet, is refused a bad config, then config-write and config-reload run.
 * Compared with a control run without swaps: no exchange lost, same process,
 * statistics and leases kept, the new options in the replies right after.
 */

/** Both runs: 300 exchanges/s, at most 2400 of them and 10 s (perfdhcp -r, -n, -p). */
const LOAD = { rate: 300, exchanges: 2400, seconds: 10 };
const PROBE_1 = '00030001020000000001';
const PROBE_2 = '00030001020000000002';

let dir: string;
let setup: Setup;
let served: Served;
let probe: Probe;
let localPort: number;
let control: LoadResult | undefined;
/** What a failed test may leave running, for afterAll to end. */
let loading: ReturnType<typeof startLoad> | undefined;
let watching: ReturnType<Probe['watch']> | undefined;
let failed = false;
const startedAt = Date.now();

const load = (name: string, baseMac: string): ReturnType<typeof startLoad> =>
  (loading = startLoad({ ...LOAD, port: setup.port, localPort, baseMac, log: join(dir, `${name}.log`) } satisfies LoadOptions));

/** perfdhcp's figures in one line for the report. */
const figures = (r: LoadResult): string =>
  `Solicit ${r.solicit.sent}/${r.solicit.received} (drops ${r.solicit.drops}, orphans ${r.solicit.orphans}), ` +
  `Request ${r.request.sent}/${r.request.received} (drops ${r.request.drops}, orphans ${r.request.orphans}), lost ${r.lost}`;

interface Tx {
  at: number;
  type: string;
  reply?: string;
  granted: string[];
  duid?: string;
  subnet?: number;
  request?: Relayed;
  response?: Relayed;
}

interface Relayed {
  options?: { code: number; value: unknown }[];
}

/** The option `code` inside the relayed message the server recorded (as on the wire). */
const innerOption = (m: Relayed | undefined, code: number): unknown =>
  (m?.options?.find((o) => o.code === 9)?.value as Relayed | undefined)?.options?.find((o) => o.code === code)?.value;

const dnsOf = (t: Tx): string[] | undefined => innerOption(t.response, 23) as string[] | undefined;

/** perfdhcp's Solicits ask for dns-servers (ORO 23, 24); its Requests carry no ORO, so their Replies have none. */
const asksDns = (t: Tx): boolean => ((innerOption(t.request, 6) as number[] | undefined) ?? []).includes(23);

async function transactions(limit: number): Promise<Tx[]> {
  return (await served.api.ok('transactions-get', { limit })).transactions as Tx[];
}

beforeAll(async () => {
  requireTools('perfdhcp');
  dir = mkdtempSync(join(tmpdir(), 'fulmar-reload-load-'));
  setup = { dir, port: await freeUdpPort() };
  localPort = await freeUdpPort();
  const token = addApiUser(dir);
  served = await serve(dir, serverConfig(setup, { dns: DNS_A }), token);
  probe = await Probe.open(setup.port);
});

afterEach(({ task }) => {
  if (task.result?.state === 'fail') failed = true;
});

afterAll(async () => {
  // A run cut short by a failed test ends without its report: that is not a second failure.
  loading?.done.catch(() => undefined);
  await loading?.child.stop('SIGINT', 3000);
  await watching?.stop();
  probe?.close();
  await served?.child.stop('SIGTERM', 5000);
  if (failed) console.error(`server log, perfdhcp output and configs kept in ${dir}`);
  else if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(`reload-under-load: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
});

describe('config-set under perfdhcp load', () => {
  let reload: LoadResult;
  let samples: Sample[];
  let setB: { sent: number; answered: number };
  let controlLeases: Tx[];
  const configB = (): unknown => serverConfig(setup, { dns: DNS_B });
  const configB2 = (): unknown => serverConfig(setup, { dns: DNS_B, secondSubnet: true });
  const received: number[] = [];
  const assigned: number[] = [];
  const sampleStats = async (): Promise<void> => {
    const s = await served.api.statistics();
    received.push(s.get('pkt6-received') ?? NaN);
    assigned.push(s.get('subnet[1].assigned-nas') ?? NaN);
  };

  it('control run: perfdhcp without swaps', async () => {
    control = await load('perfdhcp-control', '00:0c:01:00:00:00').done;
    console.log(`control run: ${figures(control)}`);
    expect(control.solicit.sent).toBeGreaterThan(LOAD.exchanges * 0.9);
    // Leases granted before any swap, looked up again after them.
    controlLeases = (await transactions(200)).filter((t) => t.type === 'request' && t.granted.length).slice(0, 10);
    expect(controlLeases.length).toBeGreaterThan(0);
    const asked = (await transactions(200)).filter(asksDns);
    expect(asked.length).toBeGreaterThan(50);
    expect(asked.filter((t) => dnsOf(t)?.[0] !== DNS_A)).toEqual([]);
    await sampleStats();
  });

  it('reload run: config-set ×2, a rejected config-set, config-write, config-reload while perfdhcp runs', async () => {
    const run = load('perfdhcp-reload', '00:0c:02:00:00:00');
    const watch = (watching = probe.watch(LINK_1, PROBE_1, { everyMs: 20, maxCount: 1000, maxMs: (LOAD.seconds + 5) * 1000 }));
    await sleep(1500);
    expect(run.child.alive, 'perfdhcp still loading at the first swap').toBe(true);
    await sampleStats();
    // perfdhcp's own replies carry A before the swap (so the check after it can tell).
    expect((await transactions(100)).filter(asksDns).map(dnsOf)).toContainEqual([DNS_A]);

    const sent = Date.now();
    expect(await served.api.call('config-set', configB())).toMatchObject({ result: 0 });
    setB = { sent, answered: Date.now() };
    await sleep(1000);
    await sampleStats();

    // A bad config: result 1, the exact path, and nothing changes.
    const bad = serverConfig(setup, { dns: 'not-an-address', secondSubnet: true });
    const refused = await served.api.call('config-set', bad);
    expect(refused.result).toBe(1);
    expect(refused.text).toBe('configuration rejected: dhcp6.option-data[0].value[0]: not an IPv6 address: "not-an-address"');
    expect(refused.arguments?.issues).toEqual([{ path: 'dhcp6.option-data[0].value[0]', message: 'not an IPv6 address: "not-an-address"' }]);
    expect(await served.api.ok('config-get')).toEqual(configB());
    expect(await probe.ask(LINK_2, PROBE_2, 300), 'subnet 2 is not served before it is added').toBeUndefined();
    expect((await probe.ask(LINK_1, PROBE_2))?.dns).toEqual([DNS_B]);
    await sleep(800);

    expect(await served.api.call('config-set', configB2())).toMatchObject({ result: 0 });
    const onSubnet2 = await probe.ask(LINK_2, PROBE_2);
    expect(onSubnet2?.dns).toEqual([DNS_C]);
    const pool2 = parseRange6(`${POOL_2.first}-${POOL_2.last}`)!;
    const a2 = ipv6ToBigInt(onSubnet2!.addresses[0]!)!;
    expect(a2 >= pool2.first && a2 <= pool2.last, `${onSubnet2!.addresses[0]} in subnet 2's pool`).toBe(true);
    await sleep(800);
    await sampleStats();

    const written = await served.api.ok('config-write');
    expect(written.filename).toBe(served.configFile);
    expect(JSON.parse(readFileSync(served.configFile, 'utf8'))).toEqual(configB2());
    await sleep(500);
    // The file now holds the running config: reloading it is one more swap under load.
    expect(await served.api.call('config-reload')).toMatchObject({ result: 0 });
    await sampleStats();
    expect(run.child.alive, 'perfdhcp still loading at the last swap').toBe(true);

    reload = await run.done;
    samples = await watch.stop();
    await sampleStats();
    console.log(`reload run:  ${figures(reload)}`);
    console.log(`control run: ${figures(control!)}`);
    console.log(`probe: ${samples.length} Solicits, ${samples.filter((s) => !s.answer).length} unanswered; config-set (dns B) took ${setB.answered - setB.sent} ms`);
  });

  it('loses no exchange to the swaps: no more than the control run', () => {
    expect(reload.solicit.sent).toBeGreaterThan(LOAD.exchanges * 0.9);
    expect(reload.lost).toBeLessThanOrEqual(control!.lost);
    expect(reload.solicit.drops + reload.request.drops).toBeLessThanOrEqual(control!.solicit.drops + control!.request.drops);
    expect(reload.request.sent).toBe(reload.solicit.received);
  });

  it('answers every probe, with A until the swap and B from its answer on', () => {
    expect(samples.length).toBeGreaterThan(100);
    expect(samples.filter((s) => !s.answer)).toEqual([]);
    for (const s of samples) {
      const dns = s.answer!.dns?.[0];
      if (s.at < setB.sent) expect(dns, `probe answered at ${s.at}, before the swap`).toBe(DNS_A);
      else if (s.sentAt > setB.answered) expect(dns, `probe sent at ${s.sentAt}, after the swap`).toBe(DNS_B);
      else expect([DNS_A, DNS_B]).toContain(dns);
    }
    const changes = samples.filter((s, i) => i > 0 && s.answer!.dns?.[0] !== samples[i - 1]!.answer!.dns?.[0]);
    expect(changes.length, 'A→B exactly once, never back').toBe(1);
  });

  it("puts B in perfdhcp's replies after the swap", async () => {
    // The newest 1000 transactions are all from after the swaps (perfdhcp and probe together send ~650/s).
    const after = (await transactions(1000)).filter((t) => t.at > setB.answered && asksDns(t));
    expect(after.length).toBeGreaterThan(250);
    // Only our probe asks on subnet 2 (its own dns-servers, C); every other answer carries B.
    const other = after.filter((t) => dnsOf(t)?.[0] !== DNS_B && !(t.subnet === 2 && dnsOf(t)?.[0] === DNS_C));
    expect(other).toEqual([]);
    console.log(`${after.length} answers to Solicits asking for dns-servers after the swap (newest 1000 transactions): all B`);
  });

  it('is the same process, with its statistics and leases', async () => {
    const status = await served.api.ok('status-get');
    expect(status.pid).toBe(served.child.pid);
    expect(served.child.alive).toBe(true);
    expect(Number(status.uptime)).toBeGreaterThanOrEqual(Math.floor((Date.now() - startedAt) / 1000) - 60);
    expect(served.log.count((l) => l.msgId === 'FULMAR_STARTED')).toBe(1);
    expect(served.log.count((l) => l.msgId === 'FULMAR_CONFIG_RELOADED')).toBe(3);
    expect(served.log.count((l) => l.msgId === 'FULMAR_CONFIG_REJECTED')).toBe(1);
    // pkt6-received grows across every swap and still counts the control run: never reset.
    // (Answered packets, not sent ones: under overload the kernel drops some before the server sees them.)
    for (let i = 1; i < received.length; i++) expect(received[i]).toBeGreaterThan(received[i - 1]!);
    expect(received[0]).toBeGreaterThanOrEqual(control!.solicit.received + control!.request.received);
    expect(received.at(-1)).toBeGreaterThanOrEqual(received[0]! + reload.solicit.received + reload.request.received);
    for (let i = 1; i < assigned.length; i++) expect(assigned[i]).toBeGreaterThanOrEqual(assigned[i - 1]!);
    expect(assigned.at(-1)).toBeGreaterThanOrEqual(0.99 * (control!.request.received + reload.request.received));
    for (const t of controlLeases) {
      const lease = await served.api.ok('lease6-get', { 'ip-address': t.granted[0] });
      expect(String(lease.duid).replaceAll(':', ''), `the control run's lease on ${t.granted[0]}`).toBe(t.duid);
    }
    console.log(`pkt6-received at each sample: ${received.join(', ')}; subnet[1].assigned-nas: ${assigned.join(', ')}`);
  });

  it('config-get returns the new config', async () => {
    expect(await served.api.ok('config-get')).toEqual(configB2());
  });
});
