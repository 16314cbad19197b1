import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionRecord } from '../../types.js';
import { FanOut } from '../fanout.js';
import { sampleRecord } from '../testing.js';
import { NatsSink } from './nats.js';

// Runs against the real NATS server with JetStream (127.0.0.1:4222).
const SERVERS = ['nats://127.0.0.1:4222'];
let nc: NatsConnection;
const streams: string[] = [];

function unique(): { stream: string; subject: string } {
  const id = randomUUID().slice(0, 8);
  const stream = `FULMAR_EVENTS_TEST_${id}`;
  streams.push(stream);
  return { stream, subject: `fulmar.test.events.${id}` };
}

beforeAll(async () => {
  nc = await connect({ servers: SERVERS });
});
afterAll(async () => {
  const jsm = await nc.jetstreamManager();
  for (const s of streams) await jsm.streams.delete(s).catch(() => undefined);
  await nc.close();
});

async function readAll(stream: string, n: number): Promise<number[]> {
  const c = await nc.jetstream().consumers.get(stream);
  const out: number[] = [];
  while (out.length < n) {
    const batch = await c.fetch({ max_messages: Math.min(n - out.length, 500), expires: 2000 });
    let got = 0;
    for await (const m of batch) {
      out.push((m.json() as TransactionRecord).micros);
      got++;
    }
    if (got === 0) break;
  }
  return out;
}

describe('NatsSink', () => {
  it('creates the stream when missing and delivers records in order', async () => {
    const { stream, subject } = unique();
    const jsm = await nc.jetstreamManager();
    await expect(jsm.streams.info(stream)).rejects.toThrow(/not found/);
    const sink = new NatsSink({ servers: SERVERS, subject, stream, maxInFlight: 256 });
    const s = new FanOut({ nats: sink }, { queueSize: 10_000 });
    await sink.connected();
    expect((await jsm.streams.info(stream)).config.subjects).toEqual([subject]);
    for (let i = 0; i < 5000; i++) s.publish(sampleRecord(i));
    await s.close();
    expect(s.stats().perSink.nats).toEqual({ sent: 5000, dropped: 0, errors: 0, queued: 0 });
    expect((await jsm.streams.info(stream)).state.messages).toBe(5000);
    expect(await readAll(stream, 5000)).toEqual([...Array(5000).keys()]);
  });

  it('uses an existing stream as it is', async () => {
    const { stream, subject } = unique();
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({ name: stream, subjects: [subject, `${subject}.other`] });
    const sink = new NatsSink({ servers: SERVERS, subject, stream, maxInFlight: 10 });
    expect(await (sink.connected().then(() => sink.write(['{"a":1}'])))).toEqual({ sent: 1, failed: 0 });
    await sink.close();
    expect((await jsm.streams.info(stream)).config.subjects).toEqual([subject, `${subject}.other`]);
  });

  it('while NATS is unreachable, records queue, then drop and count; close stays bounded', async () => {
    const sink = new NatsSink({ servers: ['nats://127.0.0.1:1'], subject: 'x', stream: 'X', maxInFlight: 10 });
    const s = new FanOut({ nats: sink }, { queueSize: 100, closeTimeoutMs: 300 });
    for (let i = 0; i < 1000; i++) s.publish(sampleRecord(i));
    await new Promise((r) => setTimeout(r, 50));
    expect(s.stats().perSink.nats).toMatchObject({ sent: 0, dropped: 900 });
    const t0 = Date.now();
    await s.close();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(s.stats().perSink.nats).toMatchObject({ sent: 0, dropped: 1000 });
  });
});
