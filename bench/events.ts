/**
 * Event stream benchmark (a script, not a test): what publish() costs the
 * DHCP path per record with no sink, an NDJSON sink, a NATS JetStream sink
 * and a stalled sink; how many records per second each sink sustains; and the
 * real DHCPv6 server's throughput with and without a stream attached.
 * Needs NATS with JetStream at 127.0.0.1:4222 (or --nats URL).
 * Usage: npm run build && node dist/bench/events.js [-- --records N]
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import type { TransactionRecord } from '../src/control/types.js';
import type { Sink } from '../src/control/events/sink.js';
import { EventStream, type EventStreamOptions } from '../src/control/events/stream.js';
import { NdjsonSink } from '../src/control/events/sinks/ndjson.js';
import { NatsSink } from '../src/control/events/sinks/nats.js';
import { WebhookSink } from '../src/control/events/sinks/webhook.js';
import { StalledSink } from '../src/control/events/testing.js';
import { anonymiseRecord } from '../src/control/events/anonymise.js';
import { prefixPreservingMapper } from '../src/control/events/address-map.js';
import { deriveKeys, identifierHasher } from '../src/control/events/keys.js';
import { relayedReply, relayedSolicit } from '../src/protocol/testing/samples.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const RECORDS = Number(arg('--records')) || 50_000;
const NATS_URL = arg('--nats') ?? 'nats://127.0.0.1:4222';
const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

/** A transaction as the server reports it: relayed Solicit and Reply with IA_NA + IA_PD. */
function record(i: number): TransactionRecord {
  return {
    at: Date.now(),
    micros: i,
    type: 'solicit',
    reply: 'reply',
    duid: '000100012db8a580000c29123456',
    hwaddr: '000c29123456',
    ids: { duid: '000100012db8a580000c29123456', 'interface-id': '657468302f31', 'remote-id': '3561:0102030405' },
    subnet: 1,
    source: '2001:db8:1::1',
    granted: ['2001:db8:1::1234', '2001:db8:8000:100::/56'],
    status: [],
    request: relayedSolicit(),
    response: relayedReply(),
  };
}

/**
 * ns per publish() as the DHCP path sees it: only the publish calls are timed,
 * in bursts of 64 with an event-loop turn between, so sinks drain as they would live.
 */
async function publishCost(name: string, sinks: Record<string, Sink>, opts: Partial<EventStreamOptions> = {}): Promise<EventStream> {
  const s = new EventStream(sinks, { queueSize: 10_000, closeTimeoutMs: 500, ...opts });
  const recs = Array.from({ length: 64 }, (_, i) => record(i));
  let timed = 0n;
  let n = 0;
  for (let round = 0; round < 3000; round++) {
    const t0 = process.hrtime.bigint();
    for (const r of recs) s.publish({ ...r }); // a fresh object, as each transaction is
    timed += process.hrtime.bigint() - t0;
    n += recs.length;
    await nextTurn();
  }
  const st = s.stats();
  const per = Object.entries(st.perSink)
    .map(([k, v]) => `${k}: sent ${v.sent} dropped ${v.dropped} queued ${v.queued}`)
    .join('; ');
  console.log(`publish() ${name.padEnd(28)} ${(Number(timed) / n).toFixed(0).padStart(5)} ns/record  (${n} records${per ? `; ${per}` : ''})`);
  return s;
}

/** Records/second a sink sustains: queue RECORDS at once, time until all are sent. */
async function sinkRate(name: string, sink: Sink, opts: Partial<EventStreamOptions> = {}): Promise<void> {
  const s = new EventStream({ sink }, { queueSize: RECORDS, closeTimeoutMs: 120_000, ...opts });
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < RECORDS; i++) s.publish(record(i));
  await s.close();
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const st = s.stats().perSink.sink!;
  console.log(`sink ${name.padEnd(31)} ${(st.sent / secs).toFixed(0).padStart(8)} records/s  (sent ${st.sent}, errors ${st.errors}, dropped ${st.dropped}, ${secs.toFixed(2)} s)`);
}

async function main(): Promise<void> {
  console.log(`node ${process.version}; record JSON ${JSON.stringify(record(0)).length} bytes`);
  const dir = await mkdtemp(join(tmpdir(), 'fulmar-bench-events-'));
  const id = randomUUID().slice(0, 8);
  const streams: string[] = [];
  const nats = (): NatsSink => {
    const stream = `FULMAR_BENCH_${id}_${streams.length}`;
    streams.push(stream);
    return new NatsSink({ servers: [NATS_URL], subject: `fulmar.bench.${id}.${streams.length}`, stream, maxInFlight: 1000 });
  };
  const keys = deriveKeys(Buffer.alloc(32, 7));
  const anon = { addresses: prefixPreservingMapper(keys.address), hash: identifierHasher(keys.identifier) };
  const hook = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`;
  try {
    await (await publishCost('no sink', {})).close();
    await (await publishCost('stalled sink', { stalled: new StalledSink() })).close();
    await (await publishCost('NDJSON sink', { f: new NdjsonSink({ path: join(dir, 'p.ndjson'), maxBytes: 1 << 30, maxFiles: 1 }) })).close();
    const n1 = nats();
    await n1.connected();
    await (await publishCost('NATS sink', { nats: n1 })).close();

    await sinkRate('NDJSON', new NdjsonSink({ path: join(dir, 'r.ndjson'), maxBytes: 64 << 20, maxFiles: 2 }));
    await sinkRate('NDJSON, anonymised', new NdjsonSink({ path: join(dir, 'a.ndjson'), maxBytes: 64 << 20, maxFiles: 2 }), { transform: (r) => anonymiseRecord(r, anon) });
    const n2 = nats();
    await n2.connected();
    await sinkRate('NATS JetStream (1000 in flight)', n2);
    await sinkRate('webhook (local, batch 100)', new WebhookSink({ url: hookUrl, batchSize: 100, timeoutMs: 5000 }));
    await sinkRate('webhook (local, batch 1000)', new WebhookSink({ url: hookUrl, batchSize: 1000, timeoutMs: 5000 }));

    await dhcp(dir, nats);
  } finally {
    hook.close();
    await rm(dir, { recursive: true, force: true });
    const nc = await connect({ servers: NATS_URL });
    const jsm = await nc.jetstreamManager();
    for (const s of streams) await jsm.streams.delete(s).catch(() => undefined);
    await nc.close();
  }
}

/** The real server answering Solicits, bare and with sinks attached. */
async function dhcp(dir: string, nats: () => NatsSink): Promise<void> {
  const { dhcpThroughput } = await import('../src/control/events/dhcp-load.js');
  const n = 50_000;
  await dhcpThroughput(5000, undefined);
  const base = await dhcpThroughput(n, undefined);
  console.log(`DHCP Solicit→Advertise, no stream           ${base.toFixed(0).padStart(8)} tx/s`);
  const runs: [string, () => Record<string, Sink>, Partial<EventStreamOptions>?][] = [
    ['stalled sink (queue 1000)', () => ({ stalled: new StalledSink() }), { queueSize: 1000 }],
    ['NDJSON, no messages', () => ({ f: new NdjsonSink({ path: join(dir, 'm.ndjson'), maxBytes: 1 << 30, maxFiles: 1 }) }), { includeMessages: false }],
    ['NDJSON', () => ({ f: new NdjsonSink({ path: join(dir, 'd.ndjson'), maxBytes: 1 << 30, maxFiles: 1 }) })],
    ['NATS', () => ({ nats: nats() })],
    ['NDJSON + NATS + stalled', () => ({ f: new NdjsonSink({ path: join(dir, 'e.ndjson'), maxBytes: 1 << 30, maxFiles: 1 }), nats: nats(), stalled: new StalledSink() })],
  ];
  for (const [name, make, opts] of runs) {
    const sinks = make();
    for (const k of Object.values(sinks)) if (k instanceof NatsSink) await k.connected();
    const s = new EventStream(sinks, { queueSize: 10_000, closeTimeoutMs: 3000, ...opts });
    const rate = await dhcpThroughput(n, (r) => s.publish(r));
    await s.close();
    const per = Object.entries(s.stats().perSink)
      .map(([k, v]) => `${k} sent ${v.sent} dropped ${v.dropped}`)
      .join(', ');
    console.log(`DHCP Solicit→Advertise, ${name.padEnd(19)} ${rate.toFixed(0).padStart(8)} tx/s  (${((rate / base) * 100).toFixed(0)}%; ${per})`);
  }
}

await main();
