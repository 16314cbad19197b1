import type { ConfigInput } from '../../src/config/schema.js';
import type { EventsConfigInput } from '../../src/control/events/config.js';
import { fulmarConfig } from './fulmar-config.js';
import { SERVE } from './params.js';

/**
 * The Fulmar configs the events part compares: the throughput part's
 * (durability process) with no `events` section, and the same with one
 * NDJSON sink, one NATS JetStream sink, one stalled webhook, and all three.
 * Every case (no stream included) has the management API on the server
 * namespace's loopback and a 1 s reclaim-interval, so the stream's counters
 * reach the statistics every second and every case pays the same for that.
 */
export type EventsCase = 'none' | 'none-again' | 'ndjson' | 'nats' | 'stalled' | 'all';

/** In the order of the first round; later rounds rotate it. "none-again" is an A/A control: the same config as "none", to show the noise. */
export const EVENTS_CASES: readonly EventsCase[] = ['none', 'ndjson', 'nats', 'stalled', 'all', 'none-again'];

export const EVENTS_LABEL: Record<EventsCase, string> = {
  none: 'no stream',
  'none-again': 'no stream (A/A control)',
  ndjson: 'NDJSON',
  nats: 'NATS JetStream',
  stalled: 'stalled webhook',
  all: 'NDJSON + NATS + stalled',
};

/** Ports on the server namespace's loopback (its own: the host's loopback is out of reach). */
export const PORTS = { control: 8547, nats: 4222, natsMonitor: 8222, stall: 8080 } as const;
export const QUEUE_SIZE = 10_000;
/** How long the bench waits, at most, for the stream's counters to settle after a phase (they are exported every second). */
export const SETTLE_MAX_MS = 12_000;
/** Sink names, as they appear in the statistics (`events[NAME].sent`). */
export const SINK = { ndjson: 'ndjson', nats: 'nats', stalled: 'stalled' } as const;
export type SinkName = (typeof SINK)[keyof typeof SINK];
export const NDJSON_FILE = 'events.ndjson';

export const usesNats = (c: EventsCase): boolean => c === 'nats' || c === 'all';
export const sinksOf = (c: EventsCase): SinkName[] =>
  c === 'all' ? [SINK.ndjson, SINK.nats, SINK.stalled] : c === 'none' || c === 'none-again' ? [] : [SINK[c]];

export function eventsBenchConfig(kind: EventsCase, dir: string, authFile: string): ConfigInput {
  const base = fulmarConfig(SERVE, dir, 'process');
  const config: ConfigInput = {
    ...base,
    dhcp6: { ...base.dhcp6, 'reclaim-interval': 1 },
    control: { address: '127.0.0.1', port: PORTS.control, 'auth-file': authFile },
  };
  const sinks = sinksOf(kind).map((name) => SINK_CONFIG[name](dir));
  if (sinks.length) config.events = { 'queue-size': QUEUE_SIZE, sinks } satisfies EventsConfigInput;
  return config;
}

type SinkInput = NonNullable<EventsConfigInput['sinks']>[number];

const SINK_CONFIG: Record<SinkName, (dir: string) => SinkInput> = {
  // No rotation within a run (a run writes well under 1 GiB), so the file's lines are every record written.
  ndjson: (dir) => ({ type: 'ndjson', name: SINK.ndjson, path: `${dir}/${NDJSON_FILE}`, 'max-bytes': 2 ** 30, 'max-files': 1 }),
  nats: () => ({ type: 'nats', name: SINK.nats, servers: [`nats://127.0.0.1:${PORTS.nats}`], subject: 'bench.dhcp.events', stream: 'BENCH_EVENTS' }),
  // Accepts the connection and never answers: every POST times out (default timeout-ms 2000, two retries).
  stalled: () => ({ type: 'webhook', name: SINK.stalled, url: `http://127.0.0.1:${PORTS.stall}/events` }),
};
