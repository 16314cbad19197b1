import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Durability, Lease6 } from '../../src/store/types.js';
import { listLeases, startFulmar, writeConfig } from './fulmar.js';
import type { LogLine } from './json-log.js';
import { netnsPerTest } from './netns.js';
import { grantsInCapture, type Grant } from './replies.js';
import { perfdhcpExchanges, requireTools, startCapture, stopCapture } from './tools.js';
import { untilTrue } from './wait.js';

/**
 * Crash safety (DESIGN invariants 3 and 4): perfdhcp -6 drives 4-way
 * exchanges for an address and a prefix at 500/s; mid-load the server gets
 * SIGKILL and is restarted on the same database while the load goes on.
 * Every Reply the server put on the wire, before the kill or after, must
 * name a lease the store still holds for that client, and no address or
 * prefix may have been granted to two clients.
 */

const RATE = 500;
/** Bounds on the load: exchanges and seconds (perfdhcp -n, -p). */
const EXCHANGES = 3000;
const SECONDS = 6;
/** Kill once this many Replies are out: well into the load, with most of it still to come. */
const KILL_AFTER = 600;

const isReply = (l: LogLine) => l.msgId === 'FULMAR_PKT6_TRANSACTION' && l.reply === 'reply';

describe('kill -9 under perfdhcp load, restart on the same database', () => {
  const namespaces = netnsPerTest();
  beforeAll(() => requireTools('ip', 'perfdhcp', 'tcpdump'));

  it.each<Durability>(['process', 'power'])('durability %s: every lease a Reply announced survives, and each has one owner', async (durability) => {
    const pair = await namespaces.create(`crash-${durability}`);
    const config = writeConfig(pair, { durability, level: 'info' });
    const capture = await startCapture(pair, 'server', pair.serverIf, 'replies');
    const first = await startFulmar(pair, config, 'fulmar-1');
    // -R: a million possible clients; -g single: its second thread would take the server's core; -W: 0.5 s for late Replies.
    const argv = ['perfdhcp', '-6', '-l', pair.clientIf, '-e', 'address-and-prefix', '-r', `${RATE}`, '-R', '1000000', '-n', `${EXCHANGES}`, '-p', `${SECONDS}`, '-g', 'single', '-W', '500000'];
    const load = pair.spawn('client', 'perfdhcp', argv, { deadlineMs: (SECONDS + 10) * 1000 });

    await untilTrue(() => first.log.count(isReply) >= KILL_AFTER, 15_000, `${KILL_AFTER} Replies`);
    expect(load.alive, 'perfdhcp still loading when the server is killed').toBe(true);
    first.child.signal('SIGKILL');
    expect((await first.child.exited).signal).toBe('SIGKILL');
    const killedAt = Date.now();
    const repliesBeforeKill = first.log.count(isReply);

    const second = await startFulmar(pair, config, 'fulmar-2');
    const restartedAt = Date.now();
    const loadExit = await load.exited;
    // 3: some exchanges went unanswered, which a kill mid-load must cause.
    expect([0, 3]).toContain(loadExit.code);
    const perf = perfdhcpExchanges(readFileSync(pair.file('perfdhcp.log'), 'utf8'));

    const { pcap, kernelDropped } = await stopCapture(pair, capture, 'replies');
    const wire = grantsInCapture(pcap);
    const leases = listLeases(config);
    const stopped = await second.child.stop('SIGTERM');

    const before = wire.grants.filter((g) => g.at < killedAt);
    const after = wire.grants.filter((g) => g.at >= restartedAt);
    console.info(
      `crash/${durability}: ${wire.replies} Replies on the wire (${repliesBeforeKill} logged before the kill), ` +
        `${wire.grants.length} grants checked (${before.length} before the kill, ${after.length} after the restart), ` +
        `${leases.length} leases in the store, tcpdump kernel drops ${kernelDropped}, perfdhcp ${JSON.stringify(perf)}`,
    );

    expect(wire.undecodable).toBe(0);
    expect(before.length, 'grants sent before the kill').toBeGreaterThanOrEqual(KILL_AFTER);
    expect(after.length, 'the restarted server serves the rest of the load').toBeGreaterThan(0);
    expect(summary(missingFromStore(wire.grants, leases)), 'grants the store lost').toEqual(summary([]));
    expect(summary(grantedToTwo(wire.grants)), 'resources granted to two clients').toEqual(summary([]));
    expect(summary(heldTwice(leases)), 'resources with two live leases').toEqual(summary([]));
    expect(second.log.other, 'nothing but JSON log lines').toEqual([]);
    expect(stopped).toEqual({ code: 0, signal: null });
  });
});

/** How many, and the first few: a large loss reads at a glance. */
function summary(problems: string[]): { count: number; first: string[] } {
  return { count: problems.length, first: problems.slice(0, 5) };
}

/** Grants the store has no live lease for, for that client. */
function missingFromStore(grants: Grant[], leases: Lease6[]): string[] {
  const live = new Map(leases.filter((l) => l.state === 'assigned').map((l) => [`${l.type} ${l.address}`, l.duid]));
  return grants.filter((g) => live.get(`${g.type} ${g.resource}`) !== g.duid).map((g) => `${g.type} ${g.resource} for ${g.duid}: store has ${live.get(`${g.type} ${g.resource}`) ?? 'nothing'}`);
}

/** Addresses and prefixes that Replies gave to more than one client. */
function grantedToTwo(grants: Grant[]): string[] {
  const owners = new Map<string, Set<string>>();
  for (const g of grants) owners.set(g.resource, (owners.get(g.resource) ?? new Set()).add(g.duid));
  return [...owners].filter(([, o]) => o.size > 1).map(([r, o]) => `${r}: ${[...o].join(', ')}`);
}

/** Live leases on one address or prefix: the store's unique constraint should make this impossible. */
function heldTwice(leases: Lease6[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const l of leases.filter((x) => x.state !== 'reclaimed')) {
    if (seen.has(l.address)) twice.push(l.address);
    seen.add(l.address);
  }
  return twice;
}
