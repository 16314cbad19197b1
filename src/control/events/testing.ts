import type { TransactionRecord } from '../types.js';
import type { Sink, SinkResult } from './sink.js';

/** A small record; `i` lands in micros so order can be checked. */
export function sampleRecord(i: number, extra: Partial<TransactionRecord> = {}): TransactionRecord {
  return { at: 1_700_000_000_000 + i, micros: i, type: 'solicit', reply: 'advertise', ids: { duid: '0003000102000000beef' }, source: 'fe80::1', granted: [], status: [], ...extra };
}

/** Keeps what it is given; `gate` (when set) holds every write until resolved. */
export class MemorySink implements Sink {
  readonly lines: string[] = [];
  readonly batches: number[] = [];
  closed = false;
  gate: Promise<void> | undefined;

  constructor(readonly batchSize = 100) {}

  async write(batch: readonly string[]): Promise<SinkResult> {
    if (this.gate) await this.gate;
    this.batches.push(batch.length);
    this.lines.push(...batch);
    return { sent: batch.length, failed: 0 };
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** Never finishes a write: the slowest possible sink. */
export class StalledSink implements Sink {
  writes = 0;
  constructor(readonly batchSize = 100) {}

  write(): Promise<SinkResult> {
    this.writes++;
    return new Promise(() => undefined);
  }

  close(): Promise<void> {
    return new Promise(() => undefined);
  }
}

export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
