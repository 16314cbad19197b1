import { pino, type Logger } from 'pino';

/** What one delivery attempt achieved, in records. */
export interface SinkResult {
  sent: number;
  failed: number;
}

/**
 * A destination for serialised records. The stream calls write() with at most
 * `batchSize` texts and never twice at once, so a sink needs no queue of its own.
 */
export interface Sink {
  readonly batchSize: number;
  /** Deliver JSON texts (one per record) in order. Never rejects: failures are counted in the result. */
  write(batch: readonly string[]): Promise<SinkResult>;
  /** Release files and connections; pending work may be abandoned. */
  close(): Promise<void>;
}

export const silentLog: Logger = pino({ enabled: false });

/**
 * Logs a sink's failures at most once per interval, with how many were not
 * logged, so a dead sink cannot flood the log.
 */
export class ErrorLog {
  private last = 0;
  private suppressed = 0;

  constructor(
    private readonly log: Logger,
    private readonly sink: string,
    private readonly intervalMs = 10_000,
  ) {}

  error(reason: string, records: number): void {
    const now = Date.now();
    if (now - this.last < this.intervalMs) {
      this.suppressed++;
      return;
    }
    this.log.warn({ msgId: 'FULMAR_EVENTS_SINK_ERROR', sink: this.sink, reason, records, suppressed: this.suppressed }, 'event sink failed to deliver records');
    this.last = now;
    this.suppressed = 0;
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
