import { describe, expect, it } from 'vitest';
import type { TransactionRecord } from '../types.js';
import { FanOut } from './fanout.js';
import { MemorySink, StalledSink, nextTurn, sampleRecord } from './testing.js';

async function until(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('FanOut', () => {
  it('delivers every record, in order, in batches, after publish returns', async () => {
    const sink = new MemorySink(64);
    const s = new FanOut({ mem: sink }, { queueSize: 1000 });
    for (let i = 0; i < 500; i++) s.publish(sampleRecord(i));
    expect(sink.lines).toHaveLength(0); // nothing happens inside publish
    await until(() => sink.lines.length === 500);
    expect(sink.lines.map((l) => (JSON.parse(l) as TransactionRecord).micros)).toEqual([...Array(500).keys()]);
    expect(Math.max(...sink.batches)).toBeLessThanOrEqual(64);
    expect(s.stats()).toEqual({ published: 500, dropped: 0, perSink: { mem: { sent: 500, dropped: 0, errors: 0, queued: 0 } } });
    await s.close();
    expect(sink.closed).toBe(true);
  });

  it('drops and counts per sink when a queue is full', async () => {
    const sink = new MemorySink();
    let open!: () => void;
    sink.gate = new Promise((r) => (open = r));
    const s = new FanOut({ mem: sink }, { queueSize: 10 });
    s.publish(sampleRecord(0));
    await nextTurn(); // record 0 is now in a held write
    for (let i = 1; i <= 20; i++) s.publish(sampleRecord(i));
    expect(s.stats().perSink.mem).toEqual({ sent: 0, dropped: 10, errors: 0, queued: 10 });
    open();
    await until(() => sink.lines.length === 11);
    expect(s.stats()).toMatchObject({ published: 21, dropped: 10 });
    await s.close();
  });

  it('serialises once per record for all sinks, in the drain, after the transform', async () => {
    const a = new MemorySink();
    const b = new MemorySink();
    let calls = 0;
    const s = new FanOut(
      { a, b },
      {
        queueSize: 100,
        includeMessages: false,
        transform: (r) => {
          calls++;
          return { ...r, source: 'hidden' };
        },
      },
    );
    s.publish(sampleRecord(1, { request: { type: 'solicit' }, response: { type: 'advertise' } }));
    expect(calls).toBe(0);
    await until(() => a.lines.length === 1 && b.lines.length === 1);
    expect(calls).toBe(1);
    const got = JSON.parse(a.lines[0]!) as TransactionRecord;
    expect(got.source).toBe('hidden');
    expect(got).not.toHaveProperty('request');
    expect(b.lines[0]).toBe(a.lines[0]);
    await s.close();
  });

  it('counts a record that cannot be serialised as an error and goes on', async () => {
    const sink = new MemorySink();
    const s = new FanOut({ mem: sink }, { queueSize: 10 });
    s.publish(sampleRecord(0, { request: { big: 1n } }));
    s.publish(sampleRecord(1));
    await until(() => sink.lines.length === 1);
    expect(s.stats().perSink.mem).toMatchObject({ sent: 1, errors: 1 });
    await s.close();
  });

  it('close() flushes what is queued', async () => {
    const sink = new MemorySink(10);
    const s = new FanOut({ mem: sink }, { queueSize: 1000 });
    for (let i = 0; i < 1000; i++) s.publish(sampleRecord(i));
    await s.close();
    expect(sink.lines).toHaveLength(1000);
    s.publish(sampleRecord(1000));
    expect(s.stats().perSink.mem).toMatchObject({ sent: 1000, dropped: 1 });
  });

  it('close() gives up on a stalled sink within its bound and counts what is lost', async () => {
    const s = new FanOut({ stuck: new StalledSink(10) }, { queueSize: 100, closeTimeoutMs: 200 });
    for (let i = 0; i < 50; i++) s.publish(sampleRecord(i));
    await nextTurn();
    const t0 = Date.now();
    await s.close();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(s.stats().perSink.stuck).toEqual({ sent: 0, dropped: 50, errors: 0, queued: 0 });
  });

  it('a stalled sink: 1,000,000 publishes with queue-size 1000 stay O(1) and bounded', () => {
    const stuck = new StalledSink();
    const mem = new MemorySink();
    const s = new FanOut({ stuck, mem }, { queueSize: 1000 });
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 1_000_000; i++) s.publish(sampleRecord(i));
    const ns = Number(process.hrtime.bigint() - t0);
    const heapGrowth = process.memoryUsage().heapUsed - heap0;
    const st = s.stats();
    expect(st.published).toBe(1_000_000);
    expect(st.perSink.stuck).toEqual({ sent: 0, dropped: 999_000, errors: 0, queued: 1000 });
    expect(st.perSink.mem).toEqual({ sent: 0, dropped: 999_000, errors: 0, queued: 1000 });
    console.log(`1e6 publishes: ${(ns / 1e6).toFixed(0)} ms (${(ns / 1e6).toFixed(0)} ns each incl. making the record), heap +${(heapGrowth / 2 ** 20).toFixed(1)} MiB`);
    expect(ns).toBeLessThan(2e9);
    expect(heapGrowth).toBeLessThan(64 * 2 ** 20); // 1e6 retained records would be ~200 MiB
    void s.close();
  });

  it('a stalled sink does not hold back the others', async () => {
    const stuck = new StalledSink();
    const mem = new MemorySink(500);
    const s = new FanOut({ stuck, mem }, { queueSize: 1000 });
    // Traffic arrives over many event-loop turns, as datagrams do.
    const N = 200_000;
    for (let i = 0; i < N; i += 100) {
      for (let j = i; j < i + 100; j++) s.publish(sampleRecord(j));
      await nextTurn();
    }
    await until(() => mem.lines.length === N, 20_000);
    const st = s.stats();
    expect(st.perSink.mem).toEqual({ sent: N, dropped: 0, errors: 0, queued: 0 });
    expect(stuck.writes).toBe(1);
    expect(st.perSink.stuck!.queued).toBe(1000);
    expect(st.perSink.stuck!.dropped).toBe(N - 1000 - 100); // 100 sit in the write that never ends
    void s.close();
  });
});
