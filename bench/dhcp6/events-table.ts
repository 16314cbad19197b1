import { EVENTS_CASES, EVENTS_LABEL, QUEUE_SIZE, SETTLE_MAX_MS, SINK, sinksOf, type EventsCase, type SinkName } from './events-config.js';
import type { Mode, PerfResult } from './perfdhcp.js';
import { fmt, markdownTable, median } from './report.js';
import type { ThroughputPlan } from './throughput.js';

export interface SinkCounters {
  sent: number;
  dropped: number;
  errors: number;
}

/** The stream's statistics as the server exported them (cumulative since it started). */
export interface Counters {
  published: number;
  sinks: Partial<Record<SinkName, SinkCounters>>;
}

export interface EventsSample {
  round: number;
  mode: Mode;
  kind: EventsCase;
  load: PerfResult;
  /** Server process CPU (every thread: the stream's worker included) per exchange at the load rate, µs. */
  loadCpuUs: number;
  /** The main (DHCP) thread's CPU per exchange at the load rate, µs. */
  loadMainCpuUs: number;
  /** The nats-server's CPU per exchange at the load rate, µs (NaN without NATS). */
  loadNatsCpuUs: number;
  overload: PerfResult;
  /** Server process CPU beyond saturation, share of one core. */
  overloadCpu: number;
  overloadMainCpu: number;
  rssKiB: number;
  peakKiB: number;
  loadavg: number;
  /** After the warm-up, settled. */
  atWarmup: Counters | undefined;
  /** After warm-up and the load phase, settled. */
  atLoad: Counters | undefined;
  /** After the overload phase, settled (the stalled sink never settles). */
  atEnd: Counters | undefined;
  settleS: number;
  /** Lines in the NDJSON file and messages stored by JetStream, counted after the server stopped (its close flushes). */
  ndjsonLines: number | undefined;
  natsStored: number | undefined;
}

const perCore = (s: EventsSample): number => s.overload.exchangesPerSecond / s.overloadCpu;

/** The events part as Markdown: each case against no stream in the same round and mode, then the stream's own counters. */
export function eventsTables(samples: readonly EventsSample[], plan: ThroughputPlan): string {
  const cases = EVENTS_CASES.filter((k) => samples.some((s) => s.kind === k));
  const of = (m: Mode, k: EventsCase) => samples.filter((s) => s.mode.id === m.id && s.kind === k);
  const ofCase = (k: EventsCase) => samples.filter((s) => s.kind === k);
  const base = (s: EventsSample) => samples.find((x) => x.kind === 'none' && x.round === s.round && x.mode.id === s.mode.id);
  const ratio = (s: EventsSample, f: (s: EventsSample) => number) => {
    const b = base(s);
    return b ? f(s) / f(b) : NaN;
  };
  const rate = (s: EventsSample) => s.overload.exchangesPerSecond;
  const cost = (s: EventsSample) => s.loadCpuUs;
  const main = (s: EventsSample) => s.loadMainCpuUs;
  const range = (xs: number[], f: (x: number) => string) => {
    const ok = xs.filter(Number.isFinite);
    return ok.length ? `${f(Math.min(...ok))}–${f(Math.max(...ok))}` : '–';
  };
  const medRange = (xs: number[], f: (x: number) => string) => `${f(median(xs))} (${range(xs, f)})`;

  // Headline: every mode and round pooled, each run divided by the no-stream run of its round and mode.
  const summary = markdownTable(
    [
      'Stream',
      'runs',
      'exch/s beyond saturation ÷ no stream',
      'per core ÷ no stream',
      `CPU µs/exch at ${plan.load.rate}/s ÷ no stream`,
      'DHCP-thread CPU µs/exch − no stream',
      `loss at ${plan.load.rate}/s`,
    ],
    cases
      .filter((k) => k !== 'none')
      .map((k) => {
        const ss = ofCase(k);
        return [
          EVENTS_LABEL[k],
          String(ss.length),
          medRange(
            ss.map((s) => ratio(s, rate)),
            fmt.ratio,
          ),
          medRange(
            ss.map((s) => ratio(s, perCore)),
            fmt.ratio,
          ),
          medRange(
            ss.map((s) => ratio(s, cost)),
            fmt.ratio,
          ),
          medRange(
            ss.map((s) => main(s) - main(base(s) ?? s)),
            (x) => x.toFixed(0),
          ),
          fmt.percent(Math.max(...ss.map((s) => s.load.loss))) + ' at most',
        ];
      }),
  );

  const perRound = (m: Mode, k: EventsCase, f: (s: EventsSample) => number) =>
    of(m, k)
      .map((s) => fmt.ratio(ratio(s, f)))
      .join(', ');
  const detail = markdownTable(
    [
      'Mode',
      'Stream',
      `exch/s at ${plan.load.rate}/s`,
      'exch/s beyond saturation',
      '÷ no stream, per round',
      'server CPU',
      `CPU µs/exch at ${plan.load.rate}/s`,
      '÷ no stream, per round',
      'DHCP thread µs/exch',
      'nats-server µs/exch',
      'RSS after',
      'peak RSS',
    ],
    plan.modes.flatMap((m) =>
      cases.map((k) => {
        const at = (f: (s: EventsSample) => number) => median(of(m, k).map(f));
        return [
          m.label,
          EVENTS_LABEL[k],
          fmt.rate(at((s) => s.load.exchangesPerSecond)),
          fmt.rate(at(rate)),
          k === 'none' ? '1' : perRound(m, k, rate),
          fmt.percent(at((s) => s.overloadCpu)),
          fmt.rate(at(cost)),
          k === 'none' ? '1' : perRound(m, k, cost),
          fmt.rate(at(main)),
          fmt.rate(at((s) => s.loadNatsCpuUs)),
          fmt.mib(at((s) => s.rssKiB)),
          fmt.mib(at((s) => s.peakKiB)),
        ];
      }),
    ),
  );

  // The stream's own counters, per sink; medians over every mode and round of a case.
  const counterRows: string[][] = [];
  for (const k of cases) {
    const ss = ofCase(k);
    for (const sink of sinksOf(k)) {
      const c = (which: 'atWarmup' | 'atLoad' | 'atEnd', f: (c: SinkCounters, published: number) => number) =>
        ss.map((s) => {
          const x = s[which];
          const sc = x?.sinks[sink];
          return x && sc ? f(sc, x.published) : NaN;
        });
      // The load phase alone: its counters minus the warm-up's.
      const inLoad = (f: (sc: SinkCounters, w: SinkCounters, published: number) => number) =>
        ss.map((s) => {
          const l = s.atLoad?.sinks[sink];
          const w = s.atWarmup?.sinks[sink];
          return l && w ? f(l, w, s.atLoad!.published - s.atWarmup!.published) : NaN;
        });
      const complete = inLoad((l, w, p) => (l.sent - w.sent === p ? 1 : 0)).reduce((a, b) => a + (b || 0), 0);
      const loadDropped = inLoad((l, w) => l.dropped - w.dropped);
      const external = ss.map((s) => (sink === SINK.ndjson ? s.ndjsonLines : sink === SINK.nats ? s.natsStored : undefined) ?? NaN);
      const published = ss.map((s) => s.atEnd?.published ?? NaN);
      counterRows.push([
        EVENTS_LABEL[k],
        sink,
        fmt.rate(median(c('atWarmup', (sc) => sc.dropped))),
        `${complete} of ${ss.length}`,
        `${fmt.rate(median(loadDropped))} (${range(loadDropped, fmt.rate)})`,
        fmt.rate(median(published)),
        fmt.rate(median(c('atEnd', (sc) => sc.sent))),
        fmt.rate(median(c('atEnd', (sc) => sc.dropped))),
        fmt.rate(median(c('atEnd', (sc) => sc.errors))),
        fmt.rate(Math.max(...c('atEnd', (sc, p) => p - sc.sent - sc.dropped - sc.errors))),
        range(
          c('atEnd', (sc, p) => sc.sent / p),
          fmt.percent,
        ),
        sink === SINK.stalled ? '–' : `${fmt.rate(median(external))} (${range(external, fmt.rate)})`,
      ]);
    }
  }
  const counters = markdownTable(
    [
      'Stream',
      'sink',
      'dropped in the warm-up',
      `runs where every record of the ${plan.load.rate}/s phase was sent`,
      `dropped in the ${plan.load.rate}/s phase`,
      'published after overload',
      'sent',
      'dropped',
      'errors',
      'still held, at most',
      'sent ÷ published (range)',
      'NDJSON lines / JetStream messages after stop',
    ],
    counterRows,
  );

  const loads = samples.map((s) => s.loadavg);
  const settle = samples.filter((s) => s.atEnd).map((s) => s.settleS);
  return [
    `Fulmar (durability process, the throughput part's config) with the management API on and \`reclaim-interval\` 1 s in every case, so the stream's counters ` +
      `(\`events-published\`, \`events[NAME].sent|dropped|errors\`) are exported every second and read with \`statistic-get-all\`. ` +
      `Sinks: NDJSON file (no rotation); NATS JetStream (a nats-server -js started per run in the server namespace, fresh store, ` +
      `stream created by the sink); a webhook to an HTTP server in the server namespace that accepts and never answers ` +
      `(timeout-ms 2000, two retries, batch 100). \`queue-size\` ${QUEUE_SIZE.toLocaleString('en-US')}, \`include-messages\` true, no anonymisation. ` +
      `Per run a freshly started server on an empty lease database: ${plan.warmup.seconds} s at ${plan.warmup.rate}/s, ${plan.load.seconds} s at ${plan.load.rate}/s, ` +
      `a pause until the counters settle, ${plan.overload.seconds} s at ${plan.overload.rate}/s. ` +
      `${plan.rounds} round(s), cases in an order rotated each round; "no stream (A/A control)" is the no-stream config run a second time, to show what noise alone does to a ratio. ` +
      `1-minute load average during the runs ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (2 cores).`,
    `Every mode and round pooled; each run divided by the no-stream run of the same round and mode (median, range in brackets). ` +
      `Above 1 in the first two columns: faster than no stream; above 1 in the third: costlier. CPU is the server process's (the stream's worker thread included; ` +
      `the nats-server's is separate, in the detail table):`,
    summary,
    `Per mode (medians; per-round ratios against the same round's no-stream run). "server CPU" is the process's share of a core beyond saturation; ` +
      `"DHCP thread" is the main thread's own CPU (\`/proc/PID/task/PID/stat\`); RSS is read right after the overload phase:`,
    detail,
    `The stream's counters per sink (medians over every mode and round; cumulative from the server's start: warm-up, load and overload). ` +
      `The warm-up (the first ${plan.warmup.seconds} s after the server listens) and the ${plan.load.rate}/s phase are counted apart (counters settled after each); ` +
      `"still held" is published − sent − dropped − errors, the records in the sink's ring or its batch in flight (the bound: queue-size plus one batch). ` +
      `After overload the bench waited up to ${(SETTLE_MAX_MS / 1000).toFixed(0)} s for the counters to settle (median ${fmt.seconds(median(settle))}); ` +
      `the NDJSON lines and JetStream messages were counted after the server stopped (its close flushes for up to 5 s):`,
    counters,
  ].join('\n\n');
}
