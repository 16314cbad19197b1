import type { Mode } from './perfdhcp.js';
import { fmt, markdownTable, median } from './report.js';
import { SERVER_LABEL, type ServerKind } from './servers.js';
import type { Sample, ThroughputPlan } from './throughput.js';

/** The throughput part as Markdown: two headline tables (speed, cost) and the medians behind them. */
export function throughputTables(samples: readonly Sample[], plan: ThroughputPlan): string {
  const of = (mode: Mode, server: ServerKind) => samples.filter((s) => s.mode.id === mode.id && s.server === server);
  const med = (mode: Mode, server: ServerKind, f: (s: Sample) => number) => median(of(mode, server).map(f));
  // Each Fulmar run against the Kea run of the same round and mode, which saw the same moment's noise.
  const paired = (mode: Mode, server: ServerKind, f: (fulmar: Sample, kea: Sample) => number) =>
    median(
      of(mode, server).map((s) => {
        const kea = of(mode, 'kea').find((k) => k.round === s.round);
        return kea ? f(s, kea) : NaN;
      }),
    );
  const fulmars = plan.servers.filter((s) => s !== 'kea');
  const rate = (s: Sample) => s.overload.exchangesPerSecond;
  const cost = (s: Sample) => s.loadCpuUs;

  const speed = markdownTable(
    ['Mode', SERVER_LABEL.kea, ...fulmars.flatMap((f) => [SERVER_LABEL[f], 'Fulmar/Kea'])],
    plan.modes.map((m) => [m.label, fmt.rate(med(m, 'kea', rate)), ...fulmars.flatMap((f) => [fmt.rate(med(m, f, rate)), fmt.ratio(paired(m, f, (a, k) => rate(a) / rate(k)))])]),
  );
  const efficiency = markdownTable(
    ['Mode', SERVER_LABEL.kea, ...fulmars.flatMap((f) => [SERVER_LABEL[f], 'Kea/Fulmar'])],
    plan.modes.map((m) => [m.label, fmt.rate(med(m, 'kea', cost)), ...fulmars.flatMap((f) => [fmt.rate(med(m, f, cost)), fmt.ratio(paired(m, f, (a, k) => cost(k) / cost(a)))])]),
  );
  const detail = markdownTable(
    ['Mode', 'Server', `exch/s at ${plan.overload.rate}/s`, 'loss', 'server CPU', `loss at ${plan.load.rate}/s`, 'avg ms', 'max ms', 'CPU µs/exch'],
    plan.modes.flatMap((m) =>
      plan.servers.map((server) => {
        const at = (f: (s: Sample) => number) => med(m, server, f);
        return [
          m.label,
          SERVER_LABEL[server],
          fmt.rate(at(rate)),
          fmt.percent(at((s) => s.overload.loss)),
          fmt.percent(at((s) => s.overloadCpu)),
          fmt.percent(at((s) => s.load.loss)),
          fmt.ms(at((s) => s.load.latency.avg)),
          fmt.ms(at((s) => s.load.latency.max)),
          fmt.rate(at(cost)),
        ];
      }),
    ),
  );
  const loads = samples.map((s) => s.loadavg);
  return [
    `Medians of ${plan.rounds} round(s); every run on a freshly started server with an empty lease database; ` +
      `1-minute load average during the runs ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (2 cores).`,
    `**4-way exchanges per second** completed while perfdhcp offers ${plan.overload.rate} Solicits/s (beyond saturation) for ${plan.overload.seconds} s, after ${plan.load.seconds + plan.warmup.seconds} s at ${plan.load.rate}/s:`,
    speed,
    `**Server CPU µs per exchange** at ${plan.load.rate}/s (below saturation; user + system time of the server process, so other load on the machine does not distort it). Kea/Fulmar above 1 means Fulmar is cheaper:`,
    efficiency,
    `Detail: beyond saturation, exchanges/s, loss and the server's CPU use (100 % = one core); at ${plan.load.rate}/s, loss, round-trip latency (Solicit→Advertise and Request→Reply together) and CPU cost:`,
    detail,
  ].join('\n\n');
}
