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
import { FanOut, type FanOutOptions } from '../src/control/events/fanout.js';
import { NdjsonSink } from '../src/control/events/sinks/ndjson.js';
import { NatsSink } from '../src/control/events/sinks/nats.js';
import { WebhookSink } from '../src/control/events/sinks/webhook.js';
import { StalledSink } from '../src/control/events/testing.js';
import { anonymiseRecord, type AnonymiseOptions } from '../src/control/events/anonymise.js';
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
async function publishCost(name: string, sinks: Record<string, Sink>, opts: Partial<FanOutOptions> = {}): Promise<FanOut> {
  const s = new FanOut(sinks, { queueSize: 10_000, closeTimeoutMs: 500, ...opts });
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

/**
 * ns per publish() of the worker stream (what createEventStream builds) with
 * the wire bytes, as the runtime calls it, timed like publishCost; then the
 * records the NDJSON sink got, to show they arrive.
 */
async function workerPublishCost(dir: string): Promise<void> {
  const { createEventStream } = await import('../src/control/events/create.js');
  const { eventsSchema } = await import('../src/control/events/config.js');
  const { relayedReply: reply, relayedSolicit: solicit } = await import('../src/protocol/testing/samples.js');
  const { standardCodec } = await import('../src/protocol/index.js');
  const codec = standardCodec();
  const q = codec.encode6(solicit());
  const res = codec.encode6(reply());
  const s = await createEventStream(eventsSchema.parse({ sinks: [{ type: 'ndjson', path: join(dir, 'w.ndjson'), 'max-bytes': 1 << 30, 'max-files': 1 }] }), { configFile: join(dir, 'x.json') });
  const recs = Array.from({ length: 64 }, (_, i) => record(i));
  let timed = 0n;
  let n = 0;
  for (let round = 0; round < 3000; round++) {
    const t0 = process.hrtime.bigint();
    for (const r of recs) s.publish({ ...r }, q, res);
    timed += process.hrtime.bigint() - t0;
    n += recs.length;
    await nextTurn();
  }
  await s.close();
  const st = s.stats().perSink['ndjson-0']!;
  console.log(`publish() ${'worker stream, NDJSON'.padEnd(28)} ${(Number(timed) / n).toFixed(0).padStart(5)} ns/record  (${n} records; sent ${st.sent} dropped ${st.dropped})`);
}

/** Records/second a sink sustains: queue RECORDS at once, time until all are sent. */
async function sinkRate(name: string, sink: Sink, opts: Partial<FanOutOptions> = {}): Promise<void> {
  const s = new FanOut({ sink }, { queueSize: RECORDS, closeTimeoutMs: 120_000, ...opts });
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < RECORDS; i++) s.publish(record(i));
  await s.close();
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const st = s.stats().perSink.sink!;
  console.log(`sink ${name.padEnd(31)} ${(st.sent / secs).toFixed(0).padStart(8)} records/s  (sent ${st.sent}, errors ${st.errors}, dropped ${st.dropped}, ${secs.toFixed(2)} s)`);
}

/** publish() cost and sink rates, in-thread (the sinks' own speed) and through the worker. */
async function sinks(dir: string, nats: () => NatsSink, hookUrl: string, anon: AnonymiseOptions): Promise<void> {
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

  await workerPublishCost(dir);
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
    if (!process.argv.includes('--dhcp-only')) await sinks(dir, nats, hookUrl, anon);
    await dhcp(dir, id, streams);
  } finally {
    hook.close();
    await rm(dir, { recursive: true, force: true });
    const nc = await connect({ servers: NATS_URL });
    const jsm = await nc.jetstreamManager();
    for (const s of streams) await jsm.streams.delete(s).catch(() => undefined);
    await nc.close();
  }
}

/** A webhook receiver that accepts connections and never answers: the slowest real sink. */
async function blackhole(): Promise<{ url: string; close: () => void }> {
  const held: import('node:http').ServerResponse[] = [];
  const srv = createServer((req, res) => {
    req.resume();
    held.push(res);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`,
    close: () => {
      for (const r of held) r.destroy();
      srv.close();
    },
  };
}

/**
 * The real server answering Solicits at saturation, bare and with the event
 * stream as the runtime builds it (createEventStream: sinks in the worker),
 * ROUNDS times interleaved so drift on a shared machine hits every case
 * alike. Also the in-thread FanOut (the design before the worker) for contrast.
 */
async function dhcp(dir: string, id: string, streams: string[]): Promise<void> {
  const { dhcpThroughput } = await import('../src/control/events/dhcp-load.js');
  const { createEventStream } = await import('../src/control/events/create.js');
  const { eventsSchema } = await import('../src/control/events/config.js');
  const n = Number(arg('--tx')) || 50_000;
  const rounds = Number(arg('--rounds')) || 3;
  const hole = await blackhole();
  let k = 0;
  const nats = (): Record<string, unknown> => {
    const stream = `FULMAR_BENCH_${id}_D${k++}`;
    streams.push(stream);
    return { type: 'nats', servers: [NATS_URL], subject: `fulmar.bench.${id}.d${k}`, stream };
  };
  const ndjson = (): Record<string, unknown> => ({ type: 'ndjson', path: join(dir, `d${k++}.ndjson`), 'max-bytes': 1 << 30, 'max-files': 1 });
  const stalled = (): Record<string, unknown> => ({ type: 'webhook', url: hole.url, 'timeout-ms': 120_000 });
  type Case = [string, () => Promise<((r: TransactionRecord, q: Buffer, s: Buffer | undefined) => void) | undefined>, () => Promise<string>];
  const worker = (sinks: () => Record<string, unknown>[]): Case[1] => async () => {
    const s = await createEventStream(eventsSchema.parse({ 'queue-size': 10_000, sinks: sinks() }), { configFile: join(dir, 'fulmar.json') });
    await new Promise((r) => setTimeout(r, 500)); // NATS connects and creates its stream
    current = s;
    return (r, q, res) => s.publish(r, q, res);
  };
  const inThread = (make: () => Sink): Case[1] => async () => {
    const sink = make();
    if (sink instanceof NatsSink) await sink.connected();
    const s = new FanOut({ sink }, { queueSize: 10_000, closeTimeoutMs: 3000 });
    current = s;
    return (r) => s.publish(r);
  };
  let current: { close(): Promise<void>; stats(): { perSink: Record<string, { sent: number; dropped: number; errors: number }> } } | undefined;
  const finish = async (): Promise<string> => {
    const s = current;
    current = undefined;
    if (!s) return '';
    await s.close();
    return Object.entries(s.stats().perSink)
      .map(([name, v]) => `${name} sent ${v.sent} dropped ${v.dropped} errors ${v.errors}`)
      .join(', ');
  };
  const cases: Case[] = [
    ['no stream', async () => undefined, finish],
    // The runtime builds the record for the metrics and the looking glass whatever the stream does.
    ['no stream, record built', async () => () => undefined, finish],
    ['NDJSON', worker(() => [ndjson()]), finish],
    ['NATS', worker(() => [nats()]), finish],
    ['stalled sink', worker(() => [stalled()]), finish],
    ['NDJSON + NATS + stalled', worker(() => [ndjson(), nats(), stalled()]), finish],
  ];
  if (!process.argv.includes('--no-before')) {
    cases.push(['before: in-thread NDJSON', inThread(() => new NdjsonSink({ path: join(dir, `t${k++}.ndjson`), maxBytes: 1 << 30, maxFiles: 1 })), finish]);
    cases.push(['before: in-thread NATS', inThread(() => { const s = `FULMAR_BENCH_${id}_T${k++}`; streams.push(s); return new NatsSink({ servers: [NATS_URL], subject: `fulmar.bench.${id}.t${k}`, stream: s, maxInFlight: 1000 }); }), finish]);
  }
  await dhcpThroughput(5000, undefined); // JIT warm-up
  const res = new Map<string, { rate: number[]; pct: number[]; cpu: number[] }>();
  try {
    for (let round = 0; round < rounds; round++) {
      let base = 0;
      for (const [name, start, end] of cases) {
        const publish = await start();
        const t = await dhcpThroughput(n, publish);
        const detail = await end();
        if (name === 'no stream') base = t.txPerSec;
        const e = res.get(name) ?? { rate: [], pct: [], cpu: [] };
        e.rate.push(t.txPerSec);
        e.pct.push((t.txPerSec / base) * 100);
        e.cpu.push(t.cpuMicrosPerTx);
        res.set(name, e);
        console.log(`round ${round + 1} ${name.padEnd(26)} ${t.txPerSec.toFixed(0).padStart(7)} tx/s ${((t.txPerSec / base) * 100).toFixed(0).padStart(4)}%  main-thread CPU ${t.cpuMicrosPerTx.toFixed(1)} µs/tx  ${detail}`);
      }
    }
  } finally {
    hole.close();
  }
  const range = (v: number[], d = 0): string => `${Math.min(...v).toFixed(d)}–${Math.max(...v).toFixed(d)}`;
  const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  console.log(`\nDHCP Solicit→Advertise at saturation, ${n} transactions per run, ${rounds} rounds (ranges; % of the same round's no-stream run):`);
  console.log('| stream | tx/s | % of no stream (median) | main-thread CPU µs/tx |');
  console.log('|---|---|---|---|');
  for (const [name, e] of res) console.log(`| ${name} | ${range(e.rate)} | ${range(e.pct)} (${median(e.pct).toFixed(0)}) | ${range(e.cpu, 1)} |`);
}

await main();
