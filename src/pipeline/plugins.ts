import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import type { ConfigIssue } from '../config/validate.js';
import { formatPath } from '../config/validate.js';
import type { PluginDefinition } from './types.js';

/** A plugin module loaded and its config section checked by the plugin's own schema. */
export interface LoadedPlugin {
  def: PluginDefinition;
  config: unknown;
  /** Config path, e.g. plugins[1]. */
  path: string;
}

/** An npm package is looked up beside the config first (operators install plugins there), then beside Fulmar. */
function specifier(module: string, baseDir: string): string {
  if (module.startsWith('.') || isAbsolute(module)) return pathToFileURL(resolve(baseDir, module)).href;
  try {
    return pathToFileURL(createRequire(join(baseDir, 'fulmar.config')).resolve(module)).href;
  } catch {
    return module;
  }
}

function isPluginDefinition(v: unknown): v is PluginDefinition {
  const p = v as PluginDefinition | undefined;
  return typeof p?.name === 'string' && typeof (p.configSchema as z.ZodType | undefined)?.safeParse === 'function';
}

export async function loadPlugins(entries: readonly { module: string; config?: unknown }[], baseDir: string, issues: ConfigIssue[]): Promise<LoadedPlugin[]> {
  const out: LoadedPlugin[] = [];
  for (const [i, e] of entries.entries()) {
    const path = `plugins[${i}]`;
    let mod: { default?: unknown; plugin?: unknown };
    try {
      mod = (await import(specifier(e.module, baseDir))) as typeof mod;
    } catch (err) {
      issues.push({ path: `${path}.module`, message: `cannot load "${e.module}": ${(err as Error).message.split('\n')[0]}` });
      continue;
    }
    const def = mod.default ?? mod.plugin;
    if (!isPluginDefinition(def)) {
      issues.push({ path: `${path}.module`, message: `"${e.module}" does not export a definePlugin({ name, configSchema, ... }) value as default` });
      continue;
    }
    if (out.some((p) => p.def.name === def.name)) {
      issues.push({ path: `${path}.module`, message: `plugin "${def.name}" is loaded twice` });
      continue;
    }
    const parsed = def.configSchema.safeParse(e.config ?? {});
    if (!parsed.success) {
      for (const is of parsed.error.issues) issues.push({ path: is.path.length ? `${path}.config.${formatPath(is.path)}` : `${path}.config`, message: is.message });
      continue;
    }
    out.push({ def, config: parsed.data, path });
  }
  return out;
}
