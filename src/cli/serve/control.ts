import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../control/atomic-write.js';
import { isAbsolute, resolve } from 'node:path';
import type { Logger } from 'pino';
import { createApi, type Api } from '../../control/api/server.js';
import type { ControlConfig } from '../../control/api/config.js';
import { registerMetrics } from '../../control/metrics/index.js';
import { registerLookingGlass } from '../../control/lookingglass/index.js';
import type { ControlTarget, ReconfigureQuery, ReconfigureResult, StatisticSample, SubnetUsage } from '../../control/types.js';
import type { ConfigIssue } from '../../config/validate.js';
import type { Dhcp6Server } from '../../server/server.js';
import type { LeaseStore6 } from '../../store/types.js';
import type { ReloadResult } from '../../pipeline/sources.js';
import type { Observers } from './observers.js';
import type { Prepared } from './prepare.js';
import { testConfig } from './prepare.js';

export interface ControlDeps {
  config: ControlConfig;
  baseDir: string;
  /** The config file: config-write's default and config-reload's source. */
  file: string;
  log: Logger;
  server: Dhcp6Server;
  store: LeaseStore6;
  observers: Observers;
  current(): Prepared;
  apply(raw: unknown, source: string): Promise<ConfigIssue[]>;
  reloadFile(): Promise<ConfigIssue[]>;
  reclaim(): Promise<number>;
  reconfigure(q: ReconfigureQuery): Promise<ReconfigureResult>;
  setServing(enabled: boolean, maxPeriodSeconds?: number): void;
  serving(): boolean;
  shutdown(): void;
}

export interface Control {
  url: string;
  /** Read the users file again; a broken one keeps the old users and is logged. */
  reloadAuth(): Promise<void>;
  close(): Promise<void>;
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The running server as the management API sees it (DESIGN: control talks to the server only through this). */
export function controlTarget(d: ControlDeps): ControlTarget {
  const startedAt = Date.now();
  const stamp = new Map<string, number>();
  const seen = new Map<string, number>();
  return {
    version: version(),
    startedAt,
    configFile: d.file,
    currentConfig: () => d.current().raw,
    testConfig: (raw) => testConfig(raw, d.baseDir, { log: d.log, count: () => undefined }),
    setConfig: (raw) => d.apply(raw, 'config-set'),
    async writeConfig(path) {
      const to = path ? (isAbsolute(path) ? path : resolve(d.baseDir, path)) : d.file;
      await writeFileAtomic(to, `${JSON.stringify(d.current().raw, null, 2)}\n`);
      return to;
    },
    reloadConfig: () => d.reloadFile(),
    setServing: (enabled, maxPeriod) => d.setServing(enabled, maxPeriod),
    serving: () => d.serving(),
    reclaim: () => d.reclaim(),
    shutdown: () => d.shutdown(),
    statistics() {
      // A change is noticed when read (no clock on the packet path): the time is when a reader first saw the new value.
      const now = Date.now();
      const out = new Map<string, StatisticSample>();
      for (const [name, value] of d.server.stats.all()) {
        if (seen.get(name) !== value) {
          if (seen.has(name) || value !== 0) stamp.set(name, seen.has(name) ? now : startedAt);
          seen.set(name, value);
        }
        out.set(name, { value, at: stamp.get(name) ?? startedAt });
      }
      return out;
    },
    resetStatistic(name) {
      if (name !== undefined && !d.server.stats.all().has(name)) return false;
      d.server.stats.reset(name);
      const now = Date.now();
      if (name === undefined) for (const k of d.server.stats.all().keys()) stamp.set(k, now);
      else stamp.set(name, now);
      return true;
    },
    leases: d.store,
    subnetIds: () => d.current().model.subnets.map((s) => s.id),
    subnetUsage(): SubnetUsage[] {
      const s = d.server.stats;
      return d.current().model.subnets.map((n) => ({
        id: n.id,
        subnet: n.text,
        totalNas: s.get(`subnet[${n.id}].total-nas`),
        assignedNas: s.get(`subnet[${n.id}].assigned-nas`),
        totalPds: s.get(`subnet[${n.id}].total-pds`),
        assignedPds: s.get(`subnet[${n.id}].assigned-pds`),
        declined: s.get(`subnet[${n.id}].declined-addresses`),
      }));
    },
    assignmentSources: () => [...d.current().provisioning.sources.values()],
    async reloadAssignments(name) {
      const out: Record<string, ReloadResult> = {};
      for (const [n, s] of d.current().provisioning.sources) {
        if (name !== undefined && n !== name) continue;
        if (!s.reload) continue;
        const r = await s.reload();
        out[n] = r;
        if (r.ok) d.log.info({ msgId: 'FULMAR_ASSIGNMENTS_RELOADED', source: n, entries: r.entries, added: r.added, removed: r.removed, changed: r.changed }, 'assignment source reloaded');
        else d.log.warn({ msgId: 'FULMAR_ASSIGNMENTS_RELOAD_REFUSED', source: n, reason: r.reason, entries: r.entries }, 'assignment source reload refused; the old table keeps serving');
      }
      return out;
    },
    transactions: (key, limit) => d.observers.transactions(key, limit, d.current().codec),
    reconfigure: (q) => d.reconfigure(q),
  };
}

/** The management API with /metrics and the looking glass behind the same authentication. */
export async function startControl(d: ControlDeps): Promise<Control> {
  const target = controlTarget(d);
  const api: Api = await createApi({
    target,
    config: d.config,
    baseDir: d.baseDir,
    log: d.log,
    extensions: [(app, guard) => void registerMetrics(app, guard, target, d.observers.metrics), (app) => registerLookingGlass(app)],
  });
  return {
    url: api.url,
    async reloadAuth() {
      const problem = await api.reloadAuth();
      if (problem) d.log.error({ msgId: 'FULMAR_API_AUTH_RELOAD_FAILED', problem }, 'users file not reloaded; the old users stay');
    },
    close: () => api.close(),
  };
}
