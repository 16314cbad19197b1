import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { register as globalRegistry } from 'prom-client';
import { registerMetrics, type Guard } from './register.js';
import { TransactionMetrics } from './transactions.js';
import { sampleStatistics } from './testing.js';
import type { StatisticSample } from '../types.js';

const guard: Guard = (role) => async (req: FastifyRequest, reply: FastifyReply) => {
  if (req.headers.authorization !== 'Bearer good') return reply.code(401).send({ result: 1, text: 'unauthorized' });
  if (role !== 'read') return reply.code(403).send({ result: 1, text: 'forbidden' });
};

function target(stats: Map<string, StatisticSample>) {
  return { version: '0.1.0', startedAt: 1_764_000_000_000, statistics: () => stats };
}

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

async function scrape(stats = sampleStatistics(), tx?: TransactionMetrics) {
  const app = Fastify();
  apps.push(app);
  registerMetrics(app, guard, target(stats), tx);
  return { app, res: await app.inject({ url: '/metrics', headers: { authorization: 'Bearer good' } }) };
}

describe('GET /metrics', () => {
  it('needs the read role', async () => {
    const app = Fastify();
    apps.push(app);
    registerMetrics(app, guard, target(sampleStatistics()));
    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(401);
  });

  it('maps Kea statistics to Prometheus families', async () => {
    const { res } = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const t = res.body;
    expect(t).toContain('# TYPE fulmar_pkt6_received_total counter');
    expect(t).toContain('fulmar_pkt6_received_total 1200');
    expect(t).toContain('fulmar_pkt6_received_by_type_total{type="solicit"} 400');
    expect(t).toContain('fulmar_pkt6_dropped_total{reason="stale"} 60');
    expect(t).toContain('# TYPE fulmar_subnet_assigned_nas gauge');
    expect(t).toContain('fulmar_subnet_assigned_nas{subnet_id="1"} 420');
    expect(t).toContain('fulmar_subnet_total_nas{subnet_id="2"} 18446744073709552000');
    expect(t).toContain('fulmar_pkt6_kernel_rcvbuf_drops_total 17');
    expect(t).toContain('fulmar_events_dropped_total 4');
    expect(t).toContain('fulmar_build_info{version="0.1.0"} 1');
    expect(t).toContain('# HELP fulmar_subnet_assigned_nas Kea statistic subnet[ID].assigned-nas');
    expect(t).toContain('process_cpu_seconds_total');
    expect(t).toContain('fulmar_transaction_duration_seconds');
    expect(await globalRegistry.metrics()).not.toContain('fulmar_');
  });

  it('follows statistics as they change, reset and vanish', async () => {
    const stats = sampleStatistics();
    const app = Fastify();
    apps.push(app);
    registerMetrics(app, guard, target(stats));
    const get = async () => (await app.inject({ url: '/metrics', headers: { authorization: 'Bearer good' } })).body;
    await get();
    stats.set('pkt6-received', { value: 5, at: 0 });
    stats.delete('pkt6-drop-stale');
    stats.set('subnet[7].assigned-pds', { value: 9, at: 0 });
    stats.set('pkt6-sent', { value: -1, at: 0 });
    const t = await get();
    expect(t).toContain('fulmar_pkt6_received_total 5');
    expect(t).not.toContain('reason="stale"');
    expect(t).toContain('fulmar_pkt6_dropped_total{reason="queue-full"} 30');
    expect(t).toContain('fulmar_subnet_assigned_pds{subnet_id="7"} 9');
    expect(t).not.toContain('fulmar_pkt6_sent_total -1');
  });

  it('serves the histogram of the TransactionMetrics it was given', async () => {
    const tx = new TransactionMetrics();
    tx.observe({ at: 0, micros: 120, type: 'renew', reply: 'reply', ids: {}, source: '::1', granted: [], status: [] });
    const { res } = await scrape(sampleStatistics(), tx);
    expect(res.body).toContain('fulmar_transaction_duration_seconds_count{type="renew",outcome="reply"} 1');
  });

  it('can be registered again on the same registry (an API rebuilt on reload)', async () => {
    const tx = new TransactionMetrics();
    await scrape(sampleStatistics(), tx);
    const stats = new Map([['pkt6-received', { value: 7, at: 0 }]]);
    const app = Fastify();
    apps.push(app);
    registerMetrics(app, guard, { version: '0.2.0', startedAt: 0, statistics: () => stats }, tx);
    const t = (await app.inject({ url: '/metrics', headers: { authorization: 'Bearer good' } })).body;
    expect(t).toContain('fulmar_pkt6_received_total 7');
    expect(t).toContain('fulmar_build_info{version="0.2.0"} 1');
    expect(t).not.toContain('version="0.1.0"');
  });

  it('skips a statistic whose family clashes with an earlier one', async () => {
    const stats = new Map([
      ['pkt6-drop-stale', { value: 1, at: 0 }],
      ['pkt6-dropped', { value: 2, at: 0 }],
    ]);
    const { res } = await scrape(stats);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('fulmar_pkt6_dropped_total{reason="stale"} 1');
  });
});
