import type { Mode, PerfResult } from './perfdhcp.js';
import { fmt, markdownTable, median } from './report.js';
import type { LeaseCheck } from './static-check.js';
import { STATIC_LABEL, type StaticKind } from './static-config.js';
import type { ThroughputPlan } from './throughput.js';

export interface StaticSample {
  round: number;
  mode: Mode;
  kind: StaticKind;
  /** From spawning the server until it listens: for static, this includes loading the CSV. */
  listeningS: number;
  /** Server CPU seconds until it listened: the load's own cost, whatever else the machine runs. */
  startCpuS: number;
  load: PerfResult;
  loadCpuUs: number;
  overload: PerfResult;
  overloadCpu: number;
  /** Resident memory right after the overload run, and its peak, KiB. */
  rssKiB: number;
  peakKiB: number;
  loadavg: number;
  check: LeaseCheck;
}

export interface CsvFacts {
  lines: number;
  naBytes: number;
  napdBytes: number;
  /** Loading the IA_NA+IA_PD file in the bench process. */
  wallS: number;
  cpuS: number;
}

/**
 * Exchanges per second of server CPU beyond saturation: what one whole core
 * would complete. On a shared machine the server often gets less than a core,
 * and this figure is moved far less by that than exchanges/s.
 */
export const perCore = (s: StaticSample): number => s.overload.exchangesPerSecond / s.overloadCpu;

/** The static part as Markdown: static/dynamic paired by round and mode, then start and memory. */
export function staticTables(samples: readonly StaticSample[], plan: ThroughputPlan, csv: CsvFacts): string {
  const of = (m: Mode, k: StaticKind) => samples.filter((s) => s.mode.id === m.id && s.kind === k);
  const med = (m: Mode, k: StaticKind, f: (s: StaticSample) => number) => median(of(m, k).map(f));
  // Each static run against the dynamic run of the same round and mode: the same moment's noise.
  const ratios = (m: Mode, f: (s: StaticSample) => number) =>
    of(m, 'static').map((s) => {
      const d = of(m, 'dynamic').find((x) => x.round === s.round);
      return d ? f(s) / f(d) : NaN;
    });
  const rate = (s: StaticSample) => s.overload.exchangesPerSecond;
  const cost = (s: StaticSample) => s.loadCpuUs;
  const list = (xs: number[]) => xs.map(fmt.ratio).join(', ');

  const columns = (f: (s: StaticSample) => number) => (m: Mode) => [fmt.rate(med(m, 'dynamic', f)), fmt.rate(med(m, 'static', f)), fmt.ratio(median(ratios(m, f))), list(ratios(m, f))];
  const speed = markdownTable(
    ['Mode', 'dynamic exch/s', 'static exch/s', 'static/dynamic', 'per round'],
    plan.modes.map((m) => [m.label, ...columns(rate)(m)]),
  );
  const efficiency = markdownTable(
    ['Mode', 'dynamic per core', 'static per core', 'static/dynamic', 'per round', 'dynamic CPU µs', 'static CPU µs', 'static/dynamic', 'per round'],
    plan.modes.map((m) => [m.label, ...columns(perCore)(m), ...columns(cost)(m)]),
  );
  const detail = markdownTable(
    ['Mode', 'Config', 'listening after', 'CPU until then', 'RSS after the run', 'peak RSS', 'loss beyond saturation', 'server CPU', `loss at ${plan.load.rate}/s`, 'avg ms', 'leases (all checked)'],
    plan.modes.flatMap((m) =>
      (['dynamic', 'static'] as const).map((k) => {
        const at = (f: (s: StaticSample) => number) => med(m, k, f);
        return [
          m.label,
          STATIC_LABEL[k],
          fmt.seconds(at((s) => s.listeningS)),
          fmt.seconds(at((s) => s.startCpuS)),
          fmt.mib(at((s) => s.rssKiB)),
          fmt.mib(at((s) => s.peakKiB)),
          fmt.percent(at((s) => s.overload.loss)),
          fmt.percent(at((s) => s.overloadCpu)),
          fmt.percent(at((s) => s.load.loss)),
          fmt.ms(at((s) => s.load.latency.avg)),
          fmt.rate(at((s) => s.check.leases)),
        ];
      }),
    ),
  );
  // What the CSV adds to a start: static minus dynamic, paired by round and mode.
  const startDelta = (f: (s: StaticSample) => number) =>
    median(
      samples.filter((s) => s.kind === 'static').map((s) => {
        const d = samples.find((x) => x.kind === 'dynamic' && x.round === s.round && x.mode.id === s.mode.id);
        return d ? f(s) - f(d) : NaN;
      }),
    );
  const loads = samples.map((s) => s.loadavg);
  return [
    `CSV: ${csv.lines.toLocaleString('en-US')} lines keyed by \`duid\`, one per perfdhcp client number (perfdhcp \`-b duid=\` with a fixed DUID-LLT template; ` +
      `the clients a run uses are scattered through the file), each with an address (IA_NA modes, ${mib(csv.naBytes)}) or an address and a /60 (IA_NA+IA_PD modes, ${mib(csv.napdBytes)}). ` +
      `Loading the latter took ${csv.wallS.toFixed(2)} s (CPU ${csv.cpuS.toFixed(2)} s) in the bench process; in the server it adds ${fmt.seconds(startDelta((s) => s.listeningS))} to the time until it listens and ${fmt.seconds(startDelta((s) => s.startCpuS))} of CPU (medians, static minus dynamic). ` +
      `Every run's lease database is read afterwards: every static lease is the CSV's entry for its DUID, and no dynamic one is.`,
    `Medians of ${plan.rounds} round(s); freshly started server with an empty lease database per run, the two configs alternating; ` +
      `1-minute load average during the runs ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (2 cores). ` +
      `**4-way exchanges per second** while perfdhcp offers ${plan.overload.rate} Solicits/s for ${plan.overload.seconds} s (after ${plan.load.seconds + plan.warmup.seconds} s at ${plan.load.rate}/s), ` +
      `ratios static/dynamic paired by round (above 1: static serves faster):`,
    speed,
    `The same beyond saturation **per core** (exchanges/s divided by the server's CPU share, which on a shared machine is often well below one core), ` +
      `and server **CPU µs per exchange** at ${plan.load.rate}/s (user + system; below 1: static is cheaper):`,
    efficiency,
    'Start and memory (medians; RSS read right after the overload run):',
    detail,
  ].join('\n\n');
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
