import { z } from 'zod';
import type { ConfigIssue } from '../config/validate.js';
import { BUILTIN_FILTERS, BUILTIN_HANDLERS } from './builtin/index.js';
import type { FilterDefinition, HandlerDefinition, PluginDefinition } from './types.js';

/** Every filter and handler type the config may name, and who defined it. */
export interface Registry {
  filters: Map<string, { def: FilterDefinition; origin: string; pluginConfig?: unknown }>;
  handlers: Map<string, { def: HandlerDefinition; origin: string; pluginConfig?: unknown }>;
}

const ALWAYS: FilterDefinition = {
  description: 'Matches every request: a home for handlers that apply to all.',
  schema: z.object({}).strict(),
  create: () => ({ match: () => true }),
};

export function buildRegistry(plugins: readonly { def: PluginDefinition; path: string; config?: unknown }[], issues: ConfigIssue[]): Registry {
  const r: Registry = { filters: new Map([['always', { def: ALWAYS, origin: 'built-in' }]]), handlers: new Map() };
  for (const [name, def] of Object.entries(BUILTIN_FILTERS)) r.filters.set(name, { def, origin: 'built-in' });
  for (const [name, def] of Object.entries(BUILTIN_HANDLERS)) r.handlers.set(name, { def, origin: 'built-in' });
  for (const p of plugins) {
    const origin = `plugin ${p.def.name}`;
    for (const [kind, defs, into] of [
      ['filter', p.def.filters, r.filters],
      ['handler', p.def.handlers, r.handlers],
    ] as const) {
      for (const [name, def] of Object.entries(defs ?? {})) {
        const clash = into.get(name);
        if (clash) issues.push({ path: p.path, message: `${kind} "${name}" is already defined by ${clash.origin}` });
        else (into as Map<string, { def: unknown; origin: string; pluginConfig?: unknown }>).set(name, { def, origin, pluginConfig: p.config });
      }
    }
  }
  return r;
}
