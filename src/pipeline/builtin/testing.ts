import type { ClientServerMessage6, Option, RelayMessage6 } from '../../protocol/index.js';
import type { Assignment, AssignmentEntry, AssignmentSource } from '../sources.js';
import type { IdentifierType, Logger, PipelineContext, PipelineRequest, RequestIds, SetupEnv } from '../types.js';
import { request as buildRequest } from '../expr/testing.js';

/** Builders for the built-ins' tests: hand-made contexts, a recording env, in-memory sources. */

export interface FakeContextInit {
  type?: string;
  msg?: ClientServerMessage6;
  relays?: RelayMessage6[];
  ids?: Partial<RequestIds>;
  iface?: string;
  source?: string;
  subnetId?: number;
  elapsedSeconds?: number;
  marks?: string[];
  options?: Option[];
}

export function fakeContext(init: FakeContextInit = {}): PipelineContext {
  const type = init.type ?? 'solicit';
  const request: PipelineRequest = { ...buildRequest({ ...init, type, ids: { duid: '000100010000000000112233', ...init.ids } }), msg: init.msg ?? { type, xid: 0x123456, options: [] } };
  return {
    request,
    marks: new Set(init.marks),
    assigned: { addresses: [], prefixes: [], lineBound: false },
    options: init.options ?? [],
    timers: {},
    dynamic: false,
    dump: false,
    leaseContext: {},
  };
}

/** A relay-forw hop with the given link-address and options. */
export function relay(linkAddress: string, options: Option[] = []): RelayMessage6 {
  return { type: 'relay-forw', hopCount: 0, linkAddress, peerAddress: 'fe80::2', options };
}

export interface LogRecord {
  level: keyof Logger;
  obj: object;
  msg?: string;
}

export interface FakeEnv extends SetupEnv {
  readonly logs: LogRecord[];
  readonly counts: Map<string, number>;
}

type BoolFn = ReturnType<SetupEnv['compileBool']>;
type ValueFn = ReturnType<SetupEnv['compileValue']>;

export interface FakeEnvInit {
  sources?: AssignmentSource[];
  /** Expression text → closure; unknown text throws like the real compiler. */
  bool?: Record<string, BoolFn>;
  value?: Record<string, ValueFn>;
  /** Replaces the default option conversion (`{code, value?}` items). */
  options?: SetupEnv['options'];
}

/** Default option conversion: `{code, value}` items only, like a tiny option-data. */
function simpleOptions(list: readonly unknown[]): Option[] {
  return list.map((item, i) => {
    const o = item as { code?: unknown; value?: unknown };
    if (typeof o.code !== 'number') throw new Error(`[${i}].code: expected a number`);
    return { code: o.code, value: o.value };
  });
}

export function fakeEnv(init: FakeEnvInit = {}): FakeEnv {
  const logs: LogRecord[] = [];
  const counts = new Map<string, number>();
  const at = (level: keyof Logger) => (obj: object, msg?: string) => void logs.push({ level, obj, msg });
  return {
    logs,
    counts,
    log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    source: (name) => init.sources?.find((s) => s.name === name),
    compileBool(text) {
      const f = init.bool?.[text];
      if (!f) throw new Error(`column 1: cannot parse ${JSON.stringify(text)}`);
      return f;
    },
    compileValue(text) {
      const f = init.value?.[text];
      if (!f) throw new Error(`column 1: cannot parse ${JSON.stringify(text)}`);
      return f;
    },
    options: init.options ?? simpleOptions,
    count(statistic, by = 1) {
      counts.set(statistic, (counts.get(statistic) ?? 0) + by);
    },
  };
}

export interface FakeSource extends AssignmentSource {
  /** Every (idType, id) looked up, in order. */
  readonly lookups: string[];
}

/** An in-memory source; `async` makes lookup return promises like a database. Entries keep their identity (like CSV rows). */
export function fakeSource(name: string, entries: AssignmentEntry[], opts: { async?: boolean } = {}): FakeSource {
  const lookups: string[] = [];
  const byKey = new Map(entries.map((e) => [`${e.idType}/${e.id}`, e as Assignment]));
  return {
    name,
    kind: opts.async ? 'sqlite' : 'csv',
    lookups,
    lookup(idType: IdentifierType, id: string) {
      lookups.push(`${idType}/${id}`);
      const found = byKey.get(`${idType}/${id}`);
      return opts.async ? Promise.resolve(found) : found;
    },
    count: () => Promise.resolve(entries.length),
    close: () => Promise.resolve(),
  };
}

interface Definition<T> {
  schema: { parse(v: unknown): unknown; safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } };
  create(config: never, env: SetupEnv): T;
}

/** Validate `config` with the definition's schema and create the instance, as the config loader will. */
export function build<T>(def: Definition<T>, config: unknown, env: SetupEnv = fakeEnv()): T {
  return def.create(def.schema.parse(config) as never, env);
}

/** The schema's complaints about `config` as "path: message" lines; [] when it is valid. */
export function issues(def: Definition<unknown>, config: unknown): string[] {
  const r = def.schema.safeParse(config);
  return r.success ? [] : r.error!.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}
