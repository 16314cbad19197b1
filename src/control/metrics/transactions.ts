import { Histogram, Registry } from 'prom-client';
import { MESSAGE_CODES } from '../../protocol/index.js';
import type { TransactionRecord } from '../types.js';

/** 50 µs .. 1 s: a cached renew takes tens of µs, a power-durable commit ms, a slow database up to a second. */
export const LATENCY_BUCKETS: readonly number[] = [
  0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
];

export const LATENCY_METRIC = 'fulmar_transaction_duration_seconds';

/**
 * Per-transaction latency, fed from the event path after the reply is sent.
 * Owns the registry the /metrics endpoint serves, so the runtime creates one
 * and hands it to registerMetrics.
 */
export class TransactionMetrics {
  readonly registry: Registry;
  private readonly latency: Histogram<'type' | 'outcome'>;

  constructor(registry: Registry = new Registry()) {
    this.registry = registry;
    this.latency = new Histogram({
      name: LATENCY_METRIC,
      help: 'Time from receiving a request to sending its reply or dropping it, by request type and outcome (reply or drop)',
      labelNames: ['type', 'outcome'],
      buckets: [...LATENCY_BUCKETS],
      registers: [registry],
    });
  }

  observe(r: TransactionRecord): void {
    if (!Number.isFinite(r.micros) || r.micros < 0) return;
    this.latency.observe({ type: typeLabel(r.type), outcome: r.reply !== undefined && r.drop === undefined ? 'reply' : 'drop' }, r.micros / 1e6);
  }
}

/** Known message type names only, so a hostile packet cannot mint label values. */
function typeLabel(type: string): string {
  return MESSAGE_CODES.has(type) ? type : 'other';
}
