import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Level, Logger } from 'pino';
import type { TransactionRecord } from '../types.js';
import { BatchWriter } from './compact.js';
import type { EventStream, EventStreamStats, SinkStats } from './stream.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

export interface WorkerEventStreamOptions {
  init: WorkerInit;
  sinkNames: readonly string[];
  /** Records on their way to the worker at most (and, inside it, per sink). */
  queueSize: number;
  includeMessages: boolean;
  log: Logger;
  /** How often records dropped because the worker was behind are summarised in the log. */
  dropLogIntervalMs?: number;
}

/** Records per message to the worker at most. */
const MAX_BATCH = 256;
/**
 * Otherwise a batch goes this long after its first record: each message and
 * its ack cost the DHCP thread a fixed amount, so few large ones beat one per
 * event-loop turn (a record per turn at moderate rates). Events arrive late
 * by at most this.
 */
const FLUSH_AFTER_MS = 20;
/** The worker's modules load in well under a second from dist/; from the TypeScript sources (tests) the first load compiles them. */
const START_TIMEOUT_MS = 30_000;
/** Beyond the worker's own close bound (queues, then sinks), how long close() waits for its answer. */
const CLOSE_MARGIN_MS = 3000;
const DEFAULT_CLOSE_MS = 5000;
const TERMINATE_MS = 1000;
/** How long publish() drops without packing after the worker said it refuses (sinks full or over its CPU budget). */
const REFUSE_MS = 20;

/**
 * The event stream as the DHCP thread sees it. publish() appends the
 * record's small fields and wire bytes to a batch (no JSON, no walk of the
 * decoded messages) and a batch goes to the worker (worker.ts) when full or
 * FLUSH_AFTER_MS after its first record, its bytes transferred, not copied. At most `queueSize`
 * records are on their way (sent, not yet taken into the sinks' queues by
 * the worker); beyond that publish() drops and counts, so a worker starved of
 * CPU never makes the DHCP thread wait or grow memory.
 */
export class WorkerEventStream implements EventStream {
  private readonly worker: Worker;
  private readonly batch: BatchWriter;
  private readonly logTimer: NodeJS.Timeout;
  private published = 0;
  private pending = 0;
  private behind = 0;
  private loggedBehind = 0;
  private scheduled = false;
  private timer: NodeJS.Timeout | undefined;
  private refusing = false;
  private closing: Promise<void> | undefined;
  private dead = false;
  private elu: EventLoopUtilization = performance.eventLoopUtilization();
  private busy = 0;
  private latest: EventStreamStats = { published: 0, dropped: 0, perSink: {} };
  private readonly ready: Promise<void>;
  private onReady!: () => void;
  private onStartFailed!: (e: Error) => void;
  private onClosed: ((s: EventStreamStats) => void) | undefined;

  static async start(o: WorkerEventStreamOptions): Promise<WorkerEventStream> {
    const s = new WorkerEventStream(o);
    let t: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (t = setTimeout(() => reject(new Error('event worker did not start')), START_TIMEOUT_MS)));
    try {
      await Promise.race([s.ready, timeout]);
    } catch (e) {
      await s.worker.terminate();
      throw e;
    } finally {
      clearTimeout(t);
    }
    return s;
  }

  private constructor(private readonly o: WorkerEventStreamOptions) {
    this.batch = new BatchWriter(o.includeMessages);
    this.ready = new Promise((resolve, reject) => ((this.onReady = resolve), (this.onStartFailed = reject)));
    const entry = workerEntry();
    this.worker = new Worker(entry.url, { workerData: { closeTimeoutMs: DEFAULT_CLOSE_MS, ...o.init } satisfies WorkerInit, execArgv: entry.execArgv, name: 'fulmar-events' });
    // The process may exit without close(); the runtime closes the stream on shutdown.
    this.worker.unref();
    this.worker.on('message', (m: FromWorker) => this.receive(m));
    this.worker.on('error', (e) => this.failed(e));
    this.worker.on('exit', (code) => this.failed(new Error(`event worker exited (${code})`)));
    this.logTimer = setInterval(() => this.logBehind(), o.dropLogIntervalMs ?? 10_000);
    this.logTimer.unref();
  }

  publish(r: TransactionRecord, requestData?: Uint8Array, responseData?: Uint8Array): void {
    this.published++;
    if (this.refusing || this.closing || this.dead || this.pending >= this.o.queueSize) {
      this.behind++;
      return;
    }
    try {
      if (!this.batch.add(r, requestData, responseData)) {
        this.flush();
        this.batch.add(r, requestData, responseData);
      }
    } catch {
      this.behind++; // a record over 1 MiB: cannot come from a datagram
      return;
    }
    this.pending++;
    if (this.batch.count >= MAX_BATCH) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      this.timer = setTimeout(this.flush, FLUSH_AFTER_MS);
      this.timer.unref();
    }
  }

  /** The worker's counters (refreshed every 100 ms, exact after close()) with what never reached it. */
  stats(): EventStreamStats {
    const perSink: Record<string, SinkStats> = {};
    let dropped = 0;
    for (const name of this.o.sinkNames) {
      const w = this.latest.perSink[name] ?? { sent: 0, dropped: 0, errors: 0, queued: 0 };
      perSink[name] = { sent: w.sent, dropped: w.dropped + this.behind, errors: w.errors, queued: w.queued + this.pending };
      dropped += perSink[name].dropped;
    }
    return { published: this.published, dropped, behind: this.behind, perSink };
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.flush();
    if (!this.dead) {
      const closed = new Promise<EventStreamStats>((resolve) => (this.onClosed = resolve));
      this.post({ t: 'close' });
      const final = await within(closed, (this.o.init.closeTimeoutMs ?? DEFAULT_CLOSE_MS) + CLOSE_MARGIN_MS);
      if (final) this.latest = final;
    }
    if (this.pending > 0) {
      this.o.log.warn({ msgId: 'FULMAR_EVENTS_CLOSE_TIMEOUT', sink: '*', lost: this.pending }, 'event worker did not take all records before shutdown');
      this.behind += this.pending;
      this.pending = 0;
    }
    clearInterval(this.logTimer);
    this.logBehind();
    this.dead = true;
    // Bounded too: a worker stuck in native code (a hung file system call) must not hold up shutdown.
    await within(this.worker.terminate(), TERMINATE_MS);
  }

  private readonly flush = (): void => {
    if (this.scheduled) clearTimeout(this.timer);
    this.scheduled = false;
    if (this.batch.count === 0) return;
    const b = this.batch.take();
    this.post({ t: 'batch', busy: this.loopBusy(), ...b }, [b.bytes]);
  };

  /** This thread's event-loop utilisation, refreshed at most every 100 ms (the worker's CPU budget depends on it). */
  private loopBusy(): number {
    const now = performance.eventLoopUtilization();
    const d = performance.eventLoopUtilization(now, this.elu);
    if (d.idle + d.active >= 100) {
      this.busy = d.utilization;
      this.elu = now;
    }
    return this.busy;
  }

  private post(m: ToWorker, transfer: ArrayBuffer[] = []): void {
    if (!this.dead) this.worker.postMessage(m, transfer);
  }

  private receive(m: FromWorker): void {
    switch (m.t) {
      case 'ack':
        this.pending -= m.n;
        this.batch.recycle(m.bytes);
        if (m.refusing && !this.refusing) {
          this.refusing = true;
          setTimeout(() => (this.refusing = false), REFUSE_MS).unref();
        }
        break;
      case 'stats':
        this.latest = m.stats;
        break;
      case 'log': {
        const level = this.o.log.levels.labels[m.level] as Level | undefined;
        if (level) this.o.log[level](m.obj, m.msg);
        break;
      }
      case 'ready':
        this.onReady();
        break;
      case 'closed':
        this.onClosed?.(m.stats);
        break;
    }
  }

  /** The worker died (a bug: sinks never throw): records are dropped from now on, and counted. */
  private failed(e: Error): void {
    if (this.dead) return;
    this.dead = true;
    this.behind += this.pending;
    this.pending = 0;
    this.onStartFailed(e);
    this.onClosed?.(this.latest);
    if (this.closing) return; // it ended while closing: not a failure
    this.o.log.error({ msgId: 'FULMAR_EVENTS_WORKER_FAILED', err: String(e) }, 'event worker stopped: records are dropped until the event config changes or the server restarts');
  }

  private logBehind(): void {
    if (this.behind === this.loggedBehind) return;
    this.o.log.warn(
      { msgId: 'FULMAR_EVENTS_WORKER_BEHIND', dropped: this.behind - this.loggedBehind, total: this.behind, queueSize: this.o.queueSize },
      'event worker behind: records dropped for every sink',
    );
    this.loggedBehind = this.behind;
  }
}

/** dist/ has worker.js; running from the TypeScript sources (tests), worker.ts loads through the repository's TS hooks. */
function workerEntry(): { url: URL; execArgv?: string[] } {
  const js = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { url: js };
  return { url: new URL('./worker.ts', import.meta.url), execArgv: ['--import', new URL('../../store/testing/register-ts.mjs', import.meta.url).href] };
}

/** p's value, or undefined after ms. */
function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  let t: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (t = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(t));
}
