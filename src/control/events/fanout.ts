import type { Logger } from 'pino';
import type { TransactionRecord } from '../types.js';
import type { Sink } from './sink.js';
import { silentLog } from './sink.js';
import { Ring } from './ring.js';
import type { EventStream, EventStreamStats, SinkStats } from './stream.js';

export interface FanOutOptions {
  /** Records waiting per sink at most. */
  queueSize: number;
  /** false: request and response are left out of what sinks receive. */
  includeMessages?: boolean;
  /** Applied in the drain before serialising, e.g. anonymisation; must not mutate its argument. */
  transform?: (r: TransactionRecord) => TransactionRecord;
  log?: Logger;
  /** How long close() waits for queues to drain and sinks to close. */
  closeTimeoutMs?: number;
  /** How often drops are summarised in the log. */
  dropLogIntervalMs?: number;
}

/** Longest the drain serialises before letting the event loop run. */
const SLICE_MS = 2;

class Lane {
  readonly q: Ring<TransactionRecord>;
  sent = 0;
  dropped = 0;
  errors = 0;
  loggedDrops = 0;
  busy = false;
  scheduled = false;
  inFlight = 0;
  /** Set when close() gave up on a stalled write: its late result is ignored. */
  abandoned = false;

  constructor(
    readonly name: string,
    readonly sink: Sink,
    queueSize: number,
  ) {
    this.q = new Ring(queueSize);
  }
}

/**
 * Fans transaction records out to sinks without ever making the caller wait:
 * publish() pushes onto one bounded ring per sink (a full ring drops and counts
 * for that sink only) and schedules that sink's drain on a later turn of the
 * event loop. The drain serialises (once per record, shared by all sinks) and
 * writes in batches; a sink that stalls only fills its own ring.
 */
export class FanOut implements EventStream {
  private readonly lanes: Lane[];
  private readonly json = new WeakMap<TransactionRecord, string>();
  private readonly log: Logger;
  private readonly timer: NodeJS.Timeout;
  private published = 0;
  private closed = false;

  constructor(
    sinks: Readonly<Record<string, Sink>>,
    private readonly opts: FanOutOptions,
  ) {
    this.lanes = Object.entries(sinks).map(([name, sink]) => new Lane(name, sink, opts.queueSize));
    this.log = opts.log ?? silentLog;
    this.timer = setInterval(() => this.logDrops(), opts.dropLogIntervalMs ?? 10_000);
    this.timer.unref();
  }

  /** O(1) per sink and never waits. The record must not be changed afterwards; it carries its messages decoded, so wire bytes are not needed. */
  publish(r: TransactionRecord): void {
    this.published++;
    for (const lane of this.lanes) {
      if (this.closed || !lane.q.push(r)) lane.dropped++;
      else if (!lane.busy && !lane.scheduled) {
        lane.scheduled = true;
        setImmediate(() => void this.drain(lane));
      }
    }
  }

  /** True when no sink's queue has room: the next records would only be counted, so callers may skip building them. */
  full(): boolean {
    return this.closed || this.lanes.every((l) => l.q.size === l.q.capacity);
  }

  /** Count `n` records as published and dropped by every sink, as publish() would while full(). */
  dropAll(n: number): void {
    this.published += n;
    for (const lane of this.lanes) lane.dropped += n;
  }

  stats(): EventStreamStats {
    const perSink: Record<string, SinkStats> = {};
    let dropped = 0;
    for (const l of this.lanes) {
      perSink[l.name] = { sent: l.sent, dropped: l.dropped, errors: l.errors, queued: l.q.size };
      dropped += l.dropped;
    }
    return { published: this.published, dropped, perSink };
  }

  /** Stop accepting, flush what is queued for at most closeTimeoutMs, then close the sinks. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    const deadline = Date.now() + (this.opts.closeTimeoutMs ?? 5000);
    while (Date.now() < deadline && this.lanes.some((l) => l.busy || l.scheduled || l.q.size > 0)) await sleep(5);
    for (const l of this.lanes) {
      const lost = l.q.clear() + (l.busy ? l.inFlight : 0);
      if (l.busy) l.abandoned = true;
      if (lost > 0) {
        l.dropped += lost;
        this.log.warn({ msgId: 'FULMAR_EVENTS_CLOSE_TIMEOUT', sink: l.name, lost }, 'event sink did not drain before shutdown');
      }
    }
    this.logDrops();
    const left = Math.max(deadline - Date.now(), 1000);
    await Promise.all(this.lanes.map((l) => within(l.sink.close(), left)));
  }

  private serialise(r: TransactionRecord): string {
    let s = this.json.get(r);
    if (s === undefined) {
      let out = r;
      if (this.opts.includeMessages === false && (r.request !== undefined || r.response !== undefined)) out = { ...r, request: undefined, response: undefined };
      if (this.opts.transform) out = this.opts.transform(out);
      s = JSON.stringify(out);
      this.json.set(r, s);
    }
    return s;
  }

  private async drain(lane: Lane): Promise<void> {
    lane.scheduled = false;
    if (lane.busy) return;
    lane.busy = true;
    try {
      // Records published while a write is pending are picked up by this loop.
      while (lane.q.size > 0 && !lane.abandoned) {
        // Serialise for at most one slice, so a datagram never waits long behind the drain.
        const sliceEnd = performance.now() + SLICE_MS;
        const lines: string[] = [];
        while (lines.length < lane.sink.batchSize && lane.q.size > 0) {
          const r = lane.q.shift()!;
          try {
            lines.push(this.serialise(r));
          } catch (e) {
            lane.errors++;
            this.log.warn({ msgId: 'FULMAR_EVENTS_SERIALISE_FAILED', sink: lane.name, err: String(e) }, 'transaction record could not be serialised');
          }
          if (performance.now() > sliceEnd) break;
        }
        if (lines.length > 0) {
          lane.inFlight = lines.length;
          const res = await lane.sink.write(lines).catch(() => ({ sent: 0, failed: lines.length }));
          lane.inFlight = 0;
          if (lane.abandoned) return;
          lane.sent += res.sent;
          lane.errors += res.failed;
        }
        if (performance.now() > sliceEnd) await new Promise((r) => setImmediate(r));
      }
    } finally {
      lane.busy = false;
    }
  }

  private logDrops(): void {
    for (const l of this.lanes) {
      if (l.dropped === l.loggedDrops) continue;
      this.log.warn(
        { msgId: 'FULMAR_EVENTS_DROPPED', sink: l.name, dropped: l.dropped - l.loggedDrops, total: l.dropped, queueSize: this.opts.queueSize },
        'event sink queue full: records dropped',
      );
      l.loggedDrops = l.dropped;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Wait for p, but no longer than ms; its failure is ignored. */
function within(p: Promise<unknown>, ms: number): Promise<void> {
  let t: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (t = setTimeout(resolve, ms)));
  return Promise.race([p.then(() => undefined, () => undefined), timeout]).finally(() => clearTimeout(t));
}
