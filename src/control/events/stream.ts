import type { TransactionRecord } from '../types.js';

/**
 * What the runtime holds: the transaction event stream. Two implementations:
 * WorkerEventStream (worker-stream.ts, what createEventStream builds: sinks
 * and JSON live in a worker thread) and FanOut (fanout.ts, the in-thread
 * engine the worker runs, also used directly by tests and benchmarks).
 */
export interface EventStream {
  /**
   * Never waits and never serialises. `requestData`/`responseData` are the
   * messages as received and sent: when given, only they travel (the decoded
   * `request`/`response` of the record are not read); neither the record nor
   * the bytes may change afterwards.
   */
  publish(r: TransactionRecord, requestData?: Uint8Array, responseData?: Uint8Array): void;
  stats(): EventStreamStats;
  /** Stop accepting, flush for a bounded time, close the sinks. */
  close(): Promise<void>;
}

export interface SinkStats {
  sent: number;
  /** Refused because a queue was full, or still queued when close() gave up. */
  dropped: number;
  /** Records that could not be serialised or delivered. */
  errors: number;
  queued: number;
}

export interface EventStreamStats {
  published: number;
  /** Sum of the sinks' drops. */
  dropped: number;
  /** Dropped before reaching any sink because the worker was behind (also counted in every sink's `dropped`). */
  behind?: number;
  perSink: Record<string, SinkStats>;
}
