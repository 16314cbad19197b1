import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import { describe, expect, it } from 'vitest';
import { EventStream } from './stream.js';
import { NdjsonSink } from './sinks/ndjson.js';
import { NatsSink } from './sinks/nats.js';
import { StalledSink } from './testing.js';
import { dhcpThroughput } from './dhcp-load.js';

const N = 20_000;

describe('DHCP throughput with the event stream', () => {
  it('a stalled sink costs the DHCP path nothing; NDJSON and NATS keep up; the queue bound holds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fulmar-events-load-'));
    const id = randomUUID().slice(0, 8);
    const stream = `FULMAR_EVENTS_LOAD_${id}`;
    try {
      await dhcpThroughput(2000, undefined); // warm up the JIT
      const base = await dhcpThroughput(N, undefined);

      const stalled = new EventStream({ stalled: new StalledSink() }, { queueSize: 1000 });
      const withStalled = await dhcpThroughput(N, (r) => stalled.publish(r));
      const st = stalled.stats().perSink.stalled!;

      const nats = new NatsSink({ servers: ['nats://127.0.0.1:4222'], subject: `fulmar.load.${id}`, stream, maxInFlight: 1000 });
      await nats.connected();
      const all = new EventStream(
        { ndjson: new NdjsonSink({ path: join(dir, 'events.ndjson'), maxBytes: 100 << 20, maxFiles: 2 }), nats, stalled: new StalledSink() },
        { queueSize: 10_000 },
      );
      const withAll = await dhcpThroughput(N, (r) => all.publish(r));
      await all.close();
      const sa = all.stats().perSink;

      console.log(
        `DHCP Solicit→Advertise, ${N} clients: no stream ${base.toFixed(0)} tx/s; stalled sink ${withStalled.toFixed(0)} tx/s ` +
          `(queued ${st.queued}, dropped ${st.dropped}); NDJSON+NATS+stalled ${withAll.toFixed(0)} tx/s ` +
          `(ndjson sent ${sa.ndjson!.sent} dropped ${sa.ndjson!.dropped}, nats sent ${sa.nats!.sent} dropped ${sa.nats!.dropped}, stalled dropped ${sa.stalled!.dropped})`,
      );
      expect(st.queued).toBe(1000);
      expect(N - st.dropped - st.queued).toBeLessThanOrEqual(100); // at most a batch sits in the write that never ends
      expect(withStalled).toBeGreaterThan(base * 0.75); // generous: timing on a shared box
      expect(sa.ndjson!.sent + sa.ndjson!.dropped).toBe(N);
      expect(sa.nats!.sent + sa.nats!.dropped + sa.nats!.errors).toBe(N);
      expect(sa.ndjson!.sent).toBeGreaterThan(N * 0.9);
    } finally {
      await rm(dir, { recursive: true, force: true });
      const nc = await connect({ servers: 'nats://127.0.0.1:4222' });
      await (await nc.jetstreamManager()).streams.delete(stream).catch(() => undefined);
      await nc.close();
    }
  });
});
