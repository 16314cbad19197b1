import { formatPath, type ConfigIssue } from '../config/validate.js';
import { MAX_PIPELINE_DEPTH, type FilterNodeConfig } from './config.js';
import { Pipeline, type PipelineNode } from './pipeline.js';
import type { Registry } from './registry.js';
import type { Handler, SetupEnv } from './types.js';
import { SetupError } from './builtin/index.js';

/** Parameters of a node: everything but the tree's own keys. */
function paramsOf(entry: Record<string, unknown>, structural: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entry)) if (!structural.includes(k)) out[k] = v;
  return out;
}

function known(map: Map<string, unknown>): string {
  return [...map.keys()].sort().join(', ');
}

function create<T>(path: string, kind: string, reg: Map<string, { def: { schema: { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string; code: string; keys?: string[] }[] } } }; create(c: never, env: SetupEnv, plugin?: unknown): T }; pluginConfig?: unknown }>, entry: Record<string, unknown>, structural: readonly string[], env: SetupEnv, issues: ConfigIssue[]): T | undefined {
  const type = entry.type as string;
  const found = reg.get(type);
  if (!found) {
    issues.push({ path: `${path}.type`, message: `unknown ${kind} "${type}" (known: ${known(reg)})` });
    return undefined;
  }
  const parsed = found.def.schema.safeParse(paramsOf(entry, structural));
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const at = i.path.length ? `${path}.${formatPath(i.path)}` : path;
      issues.push({ path: at, message: i.code === 'unrecognized_keys' ? `unknown key(s) for ${kind} "${type}": ${(i.keys ?? []).map((k) => `"${k}"`).join(', ')}` : i.message });
    }
    return undefined;
  }
  try {
    return found.def.create(parsed.data as never, env, found.pluginConfig);
  } catch (e) {
    // Built-ins throw SetupError('TYPE.FIELD', reason): point at the field itself.
    if (e instanceof SetupError) issues.push({ path: `${path}.${e.field.slice(e.field.indexOf('.') + 1)}`, message: e.reason });
    else issues.push({ path, message: `${type}: ${(e as Error).message}` });
    return undefined;
  }
}

/** Config tree → runnable pipeline; every problem is reported with its path. */
export function buildPipeline(nodes: readonly FilterNodeConfig[] | undefined, registry: Registry, env: SetupEnv, path: string, issues: ConfigIssue[]): Pipeline {
  const compile = (list: readonly FilterNodeConfig[], at: string, depth: number): PipelineNode[] => {
    if (depth > MAX_PIPELINE_DEPTH) {
      issues.push({ path: at, message: `filters nest deeper than ${MAX_PIPELINE_DEPTH} levels` });
      return [];
    }
    return list.flatMap((n, i) => {
      const p = `${at}[${i}]`;
      const filter = create(p, 'filter', registry.filters, n, ['type', 'handlers', 'filters'], env, issues);
      const handlers = n.handlers.map((h, j) => create<Handler>(`${p}.handlers[${j}]`, 'handler', registry.handlers, h, ['type'], env, issues));
      const children = compile(n.filters, `${p}.filters`, depth + 1);
      if (!filter || handlers.some((h) => !h)) return [];
      return [{ path: p, filter, handlers: handlers as Handler[], children }];
    });
  };
  return new Pipeline(nodes ? compile(nodes, path, 1) : [], nodes !== undefined);
}
