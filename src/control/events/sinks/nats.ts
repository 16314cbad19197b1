import { connect, type JetStreamClient, type NatsConnection, type NatsError } from 'nats';
import type { Logger } from 'pino';
import type { Sink, SinkResult } from '../sink.js';
import { ErrorLog, errorText, silentLog } from '../sink.js';

export interface NatsSinkOptions {
  servers: string[];
  subject: string;
  /** Created with `subject` if it does not exist. */
  stream: string;
  /** Publishes awaiting their ack at once; also the batch size. */
  maxInFlight: number;
  name?: string;
  log?: Logger;
  /** How long one publish waits for its JetStream ack. */
  ackTimeoutMs?: number;
}

/** JetStream's error code for "stream not found". */
const STREAM_NOT_FOUND = 10059;
const MAX_BACKOFF_MS = 30_000;

/**
 * Publishes each record to JetStream and waits for the acks of a whole batch,
 * so at most maxInFlight are unacknowledged. The client reconnects by itself;
 * while it cannot, acks time out (counted as errors) and the stream's queue
 * fills and drops. The first connection is retried here with backoff so a
 * NATS outage at start-up does not stop the DHCP server.
 */
export class NatsSink implements Sink {
  readonly batchSize: number;
  private nc: NatsConnection | undefined;
  private js: JetStreamClient | undefined;
  private ready: Promise<void>;
  private resolveReady!: () => void;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly log: Logger;
  private readonly errors: ErrorLog;
  private readonly encoder = new TextEncoder();

  constructor(private readonly o: NatsSinkOptions) {
    this.batchSize = o.maxInFlight;
    this.log = o.log ?? silentLog;
    this.errors = new ErrorLog(this.log, o.name ?? 'nats');
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    void this.start(1000);
  }

  /** Resolves once connected and the stream exists (for tests and start-up checks). */
  connected(): Promise<void> {
    return this.ready;
  }

  async write(batch: readonly string[]): Promise<SinkResult> {
    if (!this.js) await this.ready;
    const js = this.js;
    if (!js || this.closed) return { sent: 0, failed: batch.length };
    const timeout = this.o.ackTimeoutMs ?? 5000;
    const acks = batch.map((line) => js.publish(this.o.subject, this.encoder.encode(line), { timeout }));
    let sent = 0;
    let failed = 0;
    let reason = '';
    for (const r of await Promise.allSettled(acks)) {
      if (r.status === 'fulfilled') sent++;
      else {
        failed++;
        reason = errorText(r.reason);
      }
    }
    if (failed > 0) this.errors.error(reason, failed);
    return { sent, failed };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const nc = this.nc;
    this.nc = undefined;
    this.js = undefined;
    this.resolveReady(); // release a write waiting for the first connection
    if (nc) await nc.drain().catch(() => nc.close());
  }

  private async start(backoffMs: number): Promise<void> {
    if (this.closed) return;
    let nc: NatsConnection | undefined;
    try {
      nc = await connect({ servers: this.o.servers, name: 'fulmar-events', maxReconnectAttempts: -1, reconnectTimeWait: 1000 });
      await this.ensureStream(nc);
      if (this.closed) {
        await nc.close();
        return;
      }
      this.nc = nc;
      this.js = nc.jetstream();
      this.log.info({ msgId: 'FULMAR_EVENTS_NATS_CONNECTED', sink: this.o.name, server: nc.getServer(), stream: this.o.stream }, 'event sink connected to NATS');
      this.resolveReady();
      void this.watch(nc);
    } catch (e) {
      if (nc) await nc.close().catch(() => undefined);
      if (this.closed) return;
      this.log.warn({ msgId: 'FULMAR_EVENTS_NATS_CONNECT_FAILED', sink: this.o.name, err: errorText(e), retryMs: backoffMs }, 'event sink cannot reach NATS; retrying');
      this.retry = setTimeout(() => void this.start(Math.min(backoffMs * 2, MAX_BACKOFF_MS)), backoffMs);
      this.retry.unref();
    }
  }

  private async ensureStream(nc: NatsConnection): Promise<void> {
    const jsm = await nc.jetstreamManager();
    try {
      await jsm.streams.info(this.o.stream);
    } catch (e) {
      if ((e as NatsError).api_error?.err_code !== STREAM_NOT_FOUND) throw e;
      await jsm.streams.add({ name: this.o.stream, subjects: [this.o.subject] });
      this.log.info({ msgId: 'FULMAR_EVENTS_NATS_STREAM_CREATED', sink: this.o.name, stream: this.o.stream, subject: this.o.subject }, 'created JetStream stream for events');
    }
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') this.log.warn({ msgId: 'FULMAR_EVENTS_NATS_DISCONNECTED', sink: this.o.name, server: s.data }, 'event sink lost NATS; records queue, then drop');
      else if (s.type === 'reconnect') this.log.info({ msgId: 'FULMAR_EVENTS_NATS_CONNECTED', sink: this.o.name, server: s.data, stream: this.o.stream }, 'event sink reconnected to NATS');
    }
  }
}
