import type { Codec, OptionDef } from '../protocol/index.js';
import type { Config } from '../config/schema.js';
import { extendCodec, type ConfigIssue } from '../config/validate.js';
import { openAssignmentSource } from '../store/assignments/index.js';
import { buildPipeline } from './build.js';
import { setupEnv } from './env.js';
import { loadPlugins, type LoadedPlugin } from './plugins.js';
import { buildRegistry, type Registry } from './registry.js';
import type { Pipeline } from './pipeline.js';
import type { AssignmentSource } from './sources.js';
import type { Logger, PluginInstance } from './types.js';

/** Everything the provisioning config builds: kept together so a reload swaps it as one. */
export interface Provisioning {
  pipeline: Pipeline;
  /** The config's codec extended with the plugins' options. */
  codec: Codec;
  registry: Registry;
  plugins: { loaded: LoadedPlugin; instance: PluginInstance }[];
  sources: Map<string, AssignmentSource>;
  /** Source settings as JSON, to reuse unchanged sources across a reload. */
  sourceKeys: Map<string, string>;
}

export interface SetupDeps {
  log: Logger;
  count(statistic: string, by?: number): void;
  /** The running provisioning: unchanged sources are kept (a CSV is then reloaded under its delete limit). */
  previous?: Provisioning;
}

export type SetupResult = { ok: true; value: Provisioning } | { ok: false; issues: ConfigIssue[] };

/** The codec with the plugins' option definitions added to their spaces. */
export function withPluginOptions(codec: Codec, plugins: readonly LoadedPlugin[], issues: ConfigIssue[]): Codec {
  const bySpace = new Map<string, OptionDef[]>();
  for (const p of plugins) {
    const defs = typeof p.def.options === 'function' ? p.def.options(p.config as never) : (p.def.options ?? []);
    for (const o of defs) bySpace.set(o.space ?? 'dhcp6', [...(bySpace.get(o.space ?? 'dhcp6') ?? []), o]);
  }
  return extendCodec(codec, bySpace, 'plugins', issues);
}

/**
 * Load plugins, open assignment sources, build the pipeline. On any issue
 * nothing is kept: sources opened here are closed again, and the running
 * provisioning (deps.previous) is untouched apart from CSV reloads, which
 * only swap when they pass their limit.
 */
export async function setupProvisioning(config: Config, configCodec: Codec, baseDir: string, deps: SetupDeps): Promise<SetupResult> {
  const issues: ConfigIssue[] = [];
  const loaded = await loadPlugins(config.plugins, baseDir, issues);
  const codec = withPluginOptions(configCodec, loaded, issues);
  const registry = buildRegistry(loaded, issues);
  const sources = new Map<string, AssignmentSource>();
  // Option data in assignments is checked against the option definitions when read, not when a client is served.
  const checkEnv = setupEnv({ codec, log: deps.log, sources: new Map(), count: deps.count });
  const checkOptions = (list: readonly unknown[]): string | undefined => {
    try {
      checkEnv.options(list);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  };
  const sourceKeys = new Map<string, string>();
  const opened: AssignmentSource[] = [];
  for (const [name, sc] of Object.entries(config.dhcp6['assignment-sources'])) {
    const key = JSON.stringify(sc);
    sourceKeys.set(name, key);
    const old = deps.previous?.sourceKeys.get(name) === key ? deps.previous.sources.get(name) : undefined;
    if (old) {
      if (old.reload) {
        const r = await old.reload();
        if (!r.ok) deps.log.warn({ msgId: 'FULMAR_ASSIGNMENTS_RELOAD_REFUSED', source: name, reason: r.reason, entries: r.entries }, 'assignment source reload refused; the old table keeps serving');
        else deps.log.info({ msgId: 'FULMAR_ASSIGNMENTS_RELOADED', source: name, entries: r.entries, added: r.added, removed: r.removed, changed: r.changed }, 'assignment source reloaded');
      }
      sources.set(name, old);
      continue;
    }
    try {
      const s = await openAssignmentSource(name, sc, baseDir, { checkOptions });
      opened.push(s);
      sources.set(name, s);
    } catch (e) {
      issues.push({ path: `dhcp6.assignment-sources.${name}`, message: (e as Error).message });
    }
  }
  const env = setupEnv({ codec, log: deps.log, sources, count: deps.count });
  const pipeline = buildPipeline(config.dhcp6.pipeline, registry, env, 'dhcp6.pipeline', issues);
  const plugins: Provisioning['plugins'] = [];
  if (!issues.length) {
    for (const p of loaded) {
      try {
        plugins.push({ loaded: p, instance: (await p.def.setup?.(p.config as never, env)) ?? {} });
      } catch (e) {
        issues.push({ path: p.path, message: `setup failed: ${(e as Error).message}` });
      }
    }
  }
  if (issues.length) {
    await Promise.allSettled(opened.map((s) => s.close()));
    await Promise.allSettled(plugins.map((p) => p.instance.stop?.()));
    return { ok: false, issues };
  }
  return { ok: true, value: { pipeline, codec, registry, plugins, sources, sourceKeys } };
}

/** After a swap: close what the new provisioning no longer uses. */
export async function retireProvisioning(old: Provisioning, next: Provisioning | undefined): Promise<void> {
  const kept = new Set(next ? [...next.sources.values()] : []);
  await Promise.allSettled([...old.sources.values()].filter((s) => !kept.has(s)).map((s) => s.close()));
  await Promise.allSettled(old.plugins.map((p) => p.instance.stop?.()));
}
