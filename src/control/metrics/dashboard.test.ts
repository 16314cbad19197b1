import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerMetrics } from './register.js';
import { TransactionMetrics } from './transactions.js';
import { sampleStatistics } from './testing.js';

const DASHBOARD = new URL('../../../grafana/fulmar-dashboard.json', import.meta.url);

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: { expr: string }[];
}

const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as {
  schemaVersion: number;
  uid: string;
  panels: Panel[];
  templating: { list: { name: string; type: string; query: unknown; definition?: string }[] };
};

/** Metric names in a PromQL expression: identifiers followed by a selector, range or closing paren, not functions or labels. */
function metricNames(expr: string): string[] {
  const withoutLabels = expr.replace(/\{[^}]*\}/g, '{}').replace(/\[[^\]]*\]/g, '[]').replace(/by \([^)]*\)/g, '');
  const names = withoutLabels.match(/\b[a-z_][a-z0-9_]*\b(?!\s*\()/g) ?? [];
  const keywords = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'e']);
  return names.filter((n) => !keywords.has(n) && n.includes('_'));
}

async function exposedNames(): Promise<Set<string>> {
  const app = Fastify();
  const tx = new TransactionMetrics();
  tx.observe({ at: 0, micros: 100, type: 'solicit', reply: 'advertise', ids: {}, source: '::1', granted: [], status: [] });
  registerMetrics(app, () => async () => {}, { version: 'test', startedAt: 0, statistics: sampleStatistics }, tx);
  const body = (await app.inject({ url: '/metrics' })).body;
  await app.close();
  const names = new Set<string>();
  for (const line of body.split('\n')) if (line && !line.startsWith('#')) names.add(line.split(/[{ ]/)[0]!);
  return names;
}

describe('grafana/fulmar-dashboard.json', () => {
  it('is a current dashboard with a Prometheus data-source variable', () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(dashboard.uid).toBe('fulmar-dhcpv6');
    const ds = dashboard.templating.list.find((v) => v.name === 'datasource');
    expect(ds).toMatchObject({ type: 'datasource', query: 'prometheus' });
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of dashboard.panels.filter((p) => p.type !== 'row')) expect(p.datasource?.uid, p.title).toBe('${datasource}');
  });

  it('has the panels operators look for', () => {
    const titles = dashboard.panels.map((p) => p.title);
    for (const t of ['Request rate by type', 'Replies by type', 'Drops by reason', 'Latency p50 / p99', 'Address utilisation by subnet', 'Kernel receive-buffer drops', 'Queue shed', 'Event-stream drops']) {
      expect(titles).toContain(t);
    }
  });

  it('queries only metrics that GET /metrics exposes', async () => {
    const exposed = await exposedNames();
    const used = new Set<string>();
    for (const p of dashboard.panels) for (const t of p.targets ?? []) for (const n of metricNames(t.expr)) used.add(n);
    for (const v of dashboard.templating.list) if (v.definition) for (const n of metricNames(v.definition)) used.add(n);
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((n) => !exposed.has(n))).toEqual([]);
  });

  it('finds metric names in PromQL', () => {
    expect(metricNames('histogram_quantile(0.99, sum by (le, type) (rate(fulmar_x_bucket{a="b",instance=~"$instance"}[$__rate_interval])))')).toEqual(['fulmar_x_bucket']);
    expect(metricNames('sum(a_b) / (sum by (subnet_id) (c_d{x="y"}) > 0)')).toEqual(['a_b', 'c_d']);
  });
});
