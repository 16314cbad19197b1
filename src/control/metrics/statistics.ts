import { Counter, Gauge, type Registry } from 'prom-client';
import type { StatisticSample } from '../types.js';
import { promMetric, type PromMetric } from './names.js';

interface Family {
  readonly metric: Counter | Gauge;
  readonly type: PromMetric['type'];
  readonly labelKey: string;
}

interface Sample {
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** Statistic names are few (per subnet, per reason); past this the name cache starts over. */
const NAME_CACHE_LIMIT = 10_000;

/**
 * Turns the server's Kea statistics into Prometheus families at scrape time:
 * families are created as names first appear, then refilled from scratch on
 * every update, so a statistic that is reset or removed shows as such.
 */
export class StatisticsExporter {
  private readonly families = new Map<string, Family>();
  private readonly names = new Map<string, PromMetric | undefined>();

  constructor(private readonly registry: Registry) {}

  /** Copy the current statistics into the registry; call before each scrape. */
  update(statistics: ReadonlyMap<string, StatisticSample>): void {
    const groups = new Map<string, { m: PromMetric; stat: string; samples: Sample[] }>();
    for (const [stat, sample] of statistics) {
      const m = this.map(stat);
      if (!m || !Number.isFinite(sample.value)) continue;
      let g = groups.get(m.name);
      if (!g) groups.set(m.name, (g = { m, stat, samples: [] }));
      g.samples.push({ labels: m.labels, value: sample.value });
    }
    for (const f of this.families.values()) f.metric.reset();
    for (const [name, g] of groups) {
      const f = this.family(name, g.m, g.stat);
      if (!f) continue;
      for (const s of g.samples) {
        if (f.metric instanceof Gauge) f.metric.set(s.labels, s.value);
        else if (s.value >= 0) f.metric.inc(s.labels, s.value);
      }
    }
  }

  private map(stat: string): PromMetric | undefined {
    if (this.names.has(stat)) return this.names.get(stat);
    if (this.names.size >= NAME_CACHE_LIMIT) this.names.clear();
    const m = promMetric(stat);
    this.names.set(stat, m);
    return m;
  }

  /** The family for a name, created on first sight; undefined when its labels clash with an earlier one. */
  private family(name: string, m: PromMetric, stat: string): Family | undefined {
    const labelNames = Object.keys(m.labels).sort();
    const labelKey = labelNames.join(',');
    const known = this.families.get(name);
    if (known) return known.type === m.type && known.labelKey === labelKey ? known : undefined;
    if (this.registry.getSingleMetric(name)) return undefined;
    const config = { name, help: `Kea statistic ${helpName(stat)}`, labelNames, registers: [this.registry] };
    const metric = m.type === 'gauge' ? new Gauge(config) : new Counter(config);
    const f: Family = { metric, type: m.type, labelKey };
    this.families.set(name, f);
    return f;
  }
}

/** subnet[3].pool[0].assigned-nas → subnet[ID].pool[ID].assigned-nas; pkt6-drop-stale → pkt6-drop-<reason>. */
function helpName(stat: string): string {
  return stat
    .replace(/\[\d+\]/g, '[ID]')
    .replace(/^pkt6-drop-.+$/, 'pkt6-drop-<reason>')
    .replace(/^pkt6-(?!receive-drop).+-(received|sent)$/, 'pkt6-<type>-$1');
}
