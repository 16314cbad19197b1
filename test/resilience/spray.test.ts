import { beforeAll, describe, expect, it } from 'vitest';
import { badPackets, expectedDrops, sentByFamily, tally } from './bad-packets.js';
import { dhclientLease } from './dhclient.js';
import { listLeases, startFulmar, writeConfig } from './fulmar.js';
import type { LogLine } from './json-log.js';
import { netnsPerTest, type NetnsPair } from './netns.js';
import { finishSpray, startSpray } from './sprayer.js';
import { requireTools } from './tools.js';
import { settle, sleep } from './wait.js';

/**
 * Robustness (DESIGN invariant 5): while a real dhclient -6 gets an address
 * and a prefix, a few thousand malformed or RFC-invalid DHCPv6 packets
 * (bad-packets.ts) go to ff02::1:2 on the same link. The server must stay
 * up, serve the client in the middle of it all, and count every bad packet
 * as a drop under the reason bad-packets.ts names for it, none lost.
 */

const SEED = 8415;
const BOUNDS = { min: 3000, max: 8000, rate: 1500, seconds: 15 };

const isDrop = (l: LogLine) => l.msgId === 'FULMAR_PKT6_DROPPED';
const isGrantingReply = (l: LogLine) => l.msgId === 'FULMAR_PKT6_TRANSACTION' && l.type === 'request' && (l.granted as string[]).length > 0;

describe('a spray of malformed DHCPv6 while a real client gets a lease', () => {
  const namespaces = netnsPerTest();
  beforeAll(() => requireTools('ip', 'dhclient'));

  it('keeps serving, and counts every bad packet as a drop by reason', async () => {
    const pair = await namespaces.create('spray');
    const config = writeConfig(pair, { durability: 'process', level: 'debug' });
    const server = await startFulmar(pair, config, 'fulmar');
    const rcvbufErrorsAtStart = udp6RcvbufErrors(pair);
    const packets = badPackets(Buffer.from(server.serverDuid, 'hex'), SEED);

    const spray = await startSpray(pair, packets.map((p) => p.bytes), BOUNDS);
    const client = await dhclientLease(pair);
    await sleep(300); // the spray goes on after the lease, too
    const { sent, errors } = await finishSpray(pair, spray);
    await client.child.stop();

    // The server works through its queue; then every packet sent is counted.
    await settle(() => server.log.count(isDrop) >= sent, 10_000);
    const drops = server.log.lines().filter(isDrop);
    const got = tally(drops.map((l) => String(l.drop)));
    const granted = server.log.lines().find(isGrantingReply);
    const rcvbufErrors = udp6RcvbufErrors(pair) - rcvbufErrorsAtStart;
    const spraySeconds = (drops.at(-1)!.time! - drops[0]!.time!) / 1000;
    console.info(
      `spray: ${sent} packets in ${spraySeconds.toFixed(1)} s, by family ${JSON.stringify(sentByFamily(packets, sent))}; ` +
        `drops by reason ${JSON.stringify(got)}; kernel rcvbuf drops ${rcvbufErrors}; dhclient got ${client.lease.address} and ${client.lease.prefix}`,
    );

    expect(server.child.alive, 'the server is still running').toBe(true);
    expect(errors, 'send errors in the client namespace').toBe(0);
    expect(sent).toBeGreaterThanOrEqual(BOUNDS.min);
    expect(rcvbufErrors, 'datagrams the kernel dropped at the server socket').toBe(0);
    expect(got).toEqual(expectedDrops(packets, sent));

    expect(granted, "dhclient's Request answered").toBeDefined();
    expect(granted!.time!, 'the lease was granted mid-spray').toBeGreaterThan(drops[0]!.time!);
    expect(granted!.time!).toBeLessThan(drops.at(-1)!.time!);
    const live = listLeases(config).filter((l) => l.state === 'assigned');
    expect(live.map((l) => l.address)).toEqual(expect.arrayContaining([client.lease.address, client.lease.prefix]));

    const troubles = server.log.lines().filter((l) => Number(l.level) >= 40);
    expect(troubles, 'warnings, errors (FULMAR_PKT6_INTERNAL_ERROR...)').toEqual([]);
    expect(server.log.other, 'nothing but JSON log lines').toEqual([]);
    expect(await server.child.stop('SIGTERM'), 'a clean stop').toEqual({ code: 0, signal: null });
  });
});

/** The server namespace's count of UDPv6 datagrams dropped for a full receive buffer. */
function udp6RcvbufErrors(pair: NetnsPair): number {
  const m = /^Udp6RcvbufErrors\s+(\d+)/m.exec(pair.exec(pair.server, ['cat', '/proc/net/snmp6']));
  if (!m) throw new Error('no Udp6RcvbufErrors in /proc/net/snmp6');
  return Number(m[1]);
}
