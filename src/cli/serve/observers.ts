import type { Logger } from 'pino';
import { DecodeError, type Codec } from '../../protocol/index.js';
import type { ClientKey, TransactionRecord } from '../../control/types.js';
import { TransactionHistory } from '../../control/history/index.js';
import { TransactionMetrics } from '../../control/metrics/index.js';
import { createEventStream } from '../../control/events/create.js';
import type { EventStream } from '../../control/events/stream.js';
import type { EventsConfig } from '../../control/events/config.js';
import type { Stats } from '../../server/stats.js';

/** What the history keeps of a transaction: the wire bytes instead of the decoded messages (about 10 times smaller). */
interface Kept extends TransactionRecord {
  wire?: [Buffer, Buffer | undefined];
}

/**
 * Everything that watches transactions after the reply has left: the
 * looking glass's history, the latency histogram and the event stream.
 * Each takes O(1) per transaction; the stream serialises in its own drain.
 */
export class Observers {
  readonly history = new TransactionHistory();
  readonly metrics = new TransactionMetrics();
  private events?: EventStream;
  private eventsKey?: string;

  constructor(
    private readonly log: Logger,
    private readonly stats: Stats,
  ) {}

  /** (Re)build the event stream when its config changed; the old one is flushed and closed. */
  async configure(config: EventsConfig | undefined, configFile: string): Promise<void> {
    const key = JSON.stringify(config ?? null);
    if (key === this.eventsKey) return;
    const old = this.events;
    this.events = config && config.sinks.length ? await createEventStream(config, { configFile, log: this.log }) : undefined;
    this.eventsKey = key;
    await old?.close();
  }

  /**
   * History and the latency histogram feed only the management API (looking
   * glass, transactions-get, /metrics): without a `control` section they are
   * not kept. At saturation they cost the packet path noticeably (records
   * retained for seconds mean GC work), so a server without the API pays nothing.
   */
  watched = true;

  observe(r: TransactionRecord, requestData: Buffer, responseData: Buffer | undefined): void {
    this.events?.publish(r, requestData, responseData);
    if (!this.watched) return;
    this.metrics.observe(r);
    const kept: Kept = { ...r, request: undefined, response: undefined, wire: [requestData, responseData] };
    this.history.add(kept);
  }

  /** Newest first, messages decoded again with the running codec. */
  transactions(key: ClientKey | undefined, limit: number, codec: Codec): TransactionRecord[] {
    return this.history.query(key, limit).map((k) => {
      const { wire, ...r } = k as Kept;
      if (!wire) return r;
      const request = codec.decode6(wire[0]);
      const response = wire[1] && codec.decode6(wire[1]);
      return { ...r, request: request instanceof DecodeError ? { error: request.reason, offset: request.offset } : request, response: response instanceof DecodeError ? { error: response.reason } : response };
    });
  }

  get streaming(): boolean {
    return this.events !== undefined;
  }

  /** Event stream counters into the statistics (and so into /metrics). */
  exportStats(): void {
    if (!this.events) return;
    const s = this.events.stats();
    this.stats.set('events-published', s.published);
    this.stats.set('events-dropped', s.dropped);
    for (const [name, v] of Object.entries(s.perSink)) {
      this.stats.set(`events[${name}].sent`, v.sent);
      this.stats.set(`events[${name}].dropped`, v.dropped);
      this.stats.set(`events[${name}].errors`, v.errors);
    }
  }

  async close(): Promise<void> {
    await this.events?.close();
    this.events = undefined;
  }
}
