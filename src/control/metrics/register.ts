import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import { Gauge, collectDefaultMetrics, type Registry } from 'prom-client';
import type { ControlTarget } from '../types.js';
import { StatisticsExporter } from './statistics.js';
import { TransactionMetrics } from './transactions.js';

/** The management API's role check, as handed to extensions. */
export type Guard = (role: 'read' | 'write') => preHandlerHookHandler;

/** What the endpoint reads from the server. */
export type MetricsSource = Pick<ControlTarget, 'statistics' | 'version' | 'startedAt'>;

interface RegistryState {
  readonly stats: StatisticsExporter;
  readonly buildInfo: Gauge<'version'>;
  readonly startTime: Gauge;
}

/** Metrics register fixed names, so once per registry: an API rebuilt on reload reuses them. */
const states = new WeakMap<Registry, RegistryState>();

function stateOf(registry: Registry): RegistryState {
  let s = states.get(registry);
  if (!s) {
    collectDefaultMetrics({ register: registry });
    s = {
      stats: new StatisticsExporter(registry),
      buildInfo: new Gauge({ name: 'fulmar_build_info', help: 'Always 1; the running version as a label', labelNames: ['version'], registers: [registry] }),
      startTime: new Gauge({ name: 'fulmar_start_time_seconds', help: 'When the server started, Unix seconds', registers: [registry] }),
    };
    states.set(registry, s);
  }
  return s;
}

/**
 * GET /metrics (read role; Prometheus sends `authorization: Bearer ...`):
 * the server's Kea statistics mapped to Prometheus families at scrape time,
 * the transaction latency histogram, build info and Node process metrics,
 * all from the registry of `tx`, never prom-client's global one.
 */
export function registerMetrics(app: FastifyInstance, guard: Guard, target: MetricsSource, tx: TransactionMetrics = new TransactionMetrics()): TransactionMetrics {
  const registry = tx.registry;
  const state = stateOf(registry);
  state.buildInfo.reset();
  state.buildInfo.set({ version: target.version }, 1);
  state.startTime.set(target.startedAt / 1000);
  app.get('/metrics', { preHandler: guard('read') }, async (_req, reply) => {
    state.stats.update(target.statistics());
    const body = await registry.metrics();
    return reply.header('content-type', registry.contentType).header('cache-control', 'no-store').send(body);
  });
  return tx;
}
