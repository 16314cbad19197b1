import type { Logger } from 'pino';
import type { Sink, SinkResult } from '../sink.js';
import { ErrorLog, errorText, silentLog } from '../sink.js';

export interface WebhookSinkOptions {
  url: string;
  headers?: Record<string, string>;
  batchSize: number;
  timeoutMs: number;
  /** Further attempts after the first fails with a network error, a timeout, 429 or 5xx. */
  retries?: number;
  /** Wait before the first retry; doubles each time. */
  backoffMs?: number;
  name?: string;
  log?: Logger;
}

/**
 * POSTs each batch as one JSON array. A batch that still fails after the
 * bounded retries is counted as errors and dropped: the receiver is someone
 * else's service and must not make our queue grow.
 */
export class WebhookSink implements Sink {
  readonly batchSize: number;
  private closed = false;
  private readonly stop = new AbortController();
  private readonly errors: ErrorLog;

  constructor(private readonly o: WebhookSinkOptions) {
    this.batchSize = o.batchSize;
    this.errors = new ErrorLog(o.log ?? silentLog, o.name ?? 'webhook');
  }

  async write(batch: readonly string[]): Promise<SinkResult> {
    const body = '[' + batch.join(',') + ']';
    const retries = this.o.retries ?? 2;
    let wait = this.o.backoffMs ?? 250;
    let reason = '';
    for (let attempt = 0; attempt <= retries && !this.closed; attempt++) {
      if (attempt > 0) {
        await sleep(wait, this.stop.signal);
        wait *= 2;
      }
      const r = await this.post(body);
      if (r === true) return { sent: batch.length, failed: 0 };
      reason = r.reason;
      if (!r.retry) break;
    }
    this.errors.error(reason || 'closed', batch.length);
    return { sent: 0, failed: batch.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stop.abort();
  }

  private async post(body: string): Promise<true | { reason: string; retry: boolean }> {
    try {
      const res = await fetch(this.o.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.o.headers },
        body,
        signal: AbortSignal.any([AbortSignal.timeout(this.o.timeoutMs), this.stop.signal]),
      });
      // Read the body so the connection can be reused, but not an unbounded one.
      await res.body?.cancel().catch(() => undefined);
      if (res.ok) return true;
      return { reason: `HTTP ${res.status}`, retry: res.status === 429 || res.status >= 500 };
    } catch (e) {
      return { reason: errorText(e), retry: true };
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
