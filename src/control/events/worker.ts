/**
 * The event worker's entry point (started by worker-stream.ts): it owns the
 * sinks and does everything a record costs after the DHCP reply — decoding
 * the wire bytes, anonymising, JSON, file and network I/O — on its own thread,
 * at a lower CPU priority than the DHCP thread.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { pino, type Logger } from 'pino';
import { DecodeError, standardCodec } from '../../protocol/index.js';
import type { TransactionRecord } from '../types.js';
import { sinkNameOf } from './config.js';
import type { Sink } from './sink.js';
import { FanOut } from './fanout.js';
import { anonymiserFor, createSink } from './build.js';
import { readBatch, type WireRecord } from './compact.js';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol.js';

/** Nice value of this thread: when the DHCP thread needs a core, it wins, and our queues drop instead. */
const NICE = 10;
/**
 * CPU budget: while the DHCP thread's loop is this busy (near saturation), the
 * worker may use at most SHARE of its own time; batches beyond that are
 * dropped and counted unread. On a machine with few cores the worker, the
 * NATS server and the DHCP thread compete for them: this keeps the DHCP
 * thread's share. Below saturation there is no limit.
 */
const SATURATED = 0.75;
const SHARE = 0.05;
const WINDOW_MS = 100;
/** How often counters go to the main thread (stats() there reads the latest). */
const STATS_MS = 100;

const port = parentPort!;
const init = workerData as WorkerInit;
const send = (m: FromWorker): void => port.postMessage(m);

/** A logger whose lines go to the main thread's logger (a worker must not write the log itself). */
const log: Logger = pino({
  level: init.logLevel,
  hooks: {
    logMethod(args, _method, level) {
      const [obj, msg] = typeof args[0] === 'object' ? [args[0] as object, args[1] as string | undefined] : [{}, args[0] as string];
      send({ t: 'log', level, obj: { ...obj }, msg });
    },
  },
});

lowerPriority();

const codec = standardCodec();
const anonymise = anonymiserFor(init.config.anonymise, init.secret);
const sinks: Record<string, Sink> = {};
init.config.sinks.forEach((s, i) => {
  const name = sinkNameOf(s, i);
  sinks[name] = createSink(s, name, init.base, log);
});
const fan = new FanOut(sinks, {
  queueSize: init.config['queue-size'],
  includeMessages: init.config['include-messages'],
  // Runs in the drain, once per record for all sinks, only for records a sink accepted.
  transform: (r) => {
    const full = expand(r as WireRecord);
    return anonymise ? anonymise(full) : full;
  },
  log,
  closeTimeoutMs: init.closeTimeoutMs,
});

let lastStats = '';
const timer = setInterval(postStats, STATS_MS);

port.on('message', (m: ToWorker) => {
  if (m.t === 'batch') {
    // Every sink full (a stalled one, or all behind), or over budget: count, without unpacking.
    const refusing = fan.full() || (m.busy > SATURATED && overBudget());
    if (refusing) fan.dropAll(m.count);
    else for (const r of readBatch(m)) fan.publish(r);
    port.postMessage({ t: 'ack', n: m.count, bytes: m.bytes, refusing } satisfies FromWorker, [m.bytes]);
  } else if (m.t === 'close') {
    clearInterval(timer);
    void fan.close().then(() => {
      send({ t: 'closed', stats: fan.stats() });
      port.close();
    });
  }
});
send({ t: 'ready' });

let window = performance.eventLoopUtilization();
let used = 0;
/** This thread's utilisation over the last window (≥ 100 ms) is over SHARE. */
function overBudget(): boolean {
  const now = performance.eventLoopUtilization();
  const d = performance.eventLoopUtilization(now, window);
  if (d.idle + d.active >= WINDOW_MS) {
    used = d.utilization;
    window = now;
  }
  return used > SHARE;
}

function postStats(): void {
  const stats = fan.stats();
  const s = JSON.stringify(stats);
  if (s === lastStats) return;
  lastStats = s;
  send({ t: 'stats', stats });
}

/** The record with its messages decoded from the wire bytes (the codec's JSON form, as the server had them). */
function expand(r: WireRecord): TransactionRecord {
  const { wire, ...rest } = r;
  if (!wire) return rest;
  if (wire[0] !== undefined) rest.request = decode(wire[0]);
  if (wire[1] !== undefined) rest.response = decode(wire[1]);
  return rest;
}

function decode(latin1: string): unknown {
  const m = codec.decode6(Buffer.from(latin1, 'latin1'));
  return m instanceof DecodeError ? { error: m.reason, offset: m.offset } : m;
}

/** On Linux a thread has its own nice value: lower only ours (raising it back would need privileges). */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, NICE);
  } catch {
    // Not Linux, or not allowed: the worker runs at normal priority.
  }
}
