import type { z } from 'zod';
import type { ClientServerMessage6, Option, OptionDef, RelayMessage6 } from '../protocol/index.js';
import type { Lease6 } from '../store/types.js';

/**
 * The provisioning pipeline's contract: what filters and handlers see and
 * may change. Built-in filters and handlers and plugins all use only this
 * file, so a plugin never reaches into the server.
 *
 * A request walks the configured filters in order; the handlers of every
 * matching filter run (`pre` before the server picks resources, `post` once
 * the response is built and committed), nested filters are tried only when
 * their parent matched. Filters and handlers are synchronous unless they
 * return a promise (a database lookup), so the common path stays cheap.
 */

/** Identifier kinds an assignment or a rate limit can be keyed by. */
export type IdentifierType = 'duid' | 'hw-address' | 'interface-id' | 'remote-id' | 'subscriber-id' | 'flex-id';

export const IDENTIFIER_TYPES: readonly IdentifierType[] = ['duid', 'hw-address', 'interface-id', 'remote-id', 'subscriber-id', 'flex-id'];

/**
 * The line and client identifiers of one request, in canonical text:
 * lowercase hex without separators; remote-id as `ENTERPRISE:HEX` (RFC 4649).
 * Relay-supplied ones come from the relay closest to the client that has them.
 */
export interface RequestIds {
  duid: string;
  'hw-address'?: string;
  'interface-id'?: string;
  'remote-id'?: string;
  'subscriber-id'?: string;
}

/** The request as filters and handlers see it. Read-only by convention. */
export interface PipelineRequest {
  /** Message type name, e.g. 'solicit'. */
  readonly type: string;
  readonly msg: ClientServerMessage6;
  /** Relay hops, outermost (closest to the server) first. */
  readonly relays: readonly RelayMessage6[];
  readonly ids: RequestIds;
  /** Receiving interface for direct traffic. */
  readonly iface?: string;
  /** Sender of the datagram: the client (direct) or the relay next to us (relayed). RFC 5952, no zone. */
  readonly source: string;
  /** The subnet selected by relay link-address or interface, if any. */
  readonly subnetId?: number;
  /** Elapsed time option (RFC 8415 §21.9) in seconds; 0 when absent. */
  readonly elapsedSeconds: number;
}

/** Lifetimes and timers a handler may override, in seconds. */
export interface TimerOverrides {
  t1?: number;
  t2?: number;
  preferred?: number;
  valid?: number;
}

/** What the handlers decided; the server acts on it. */
export interface PipelineContext {
  readonly request: PipelineRequest;
  /** Names set by `mark` handlers; later filters can match on them. */
  readonly marks: Set<string>;
  /** Static resources for this client, handed out before any pool. */
  readonly assigned: {
    addresses: string[];
    prefixes: string[];
    /**
     * Bound to the line (remote-id or interface-id), not to the client: a
     * live lease of another DUID on these resources is released and the
     * resources go to this client (a CPE swap).
     */
    lineBound: boolean;
  };
  /** Options to send; they replace configured options of the same code. */
  readonly options: Option[];
  timers: TimerOverrides;
  preference?: number;
  /** True when a `pools` handler ran: the request may draw from dynamic pools. */
  dynamic: boolean;
  /** Set to a reason to send no reply (counted as pkt6-drop-<reason>). */
  ignore?: string;
  /** Log the whole decoded transaction when done. */
  dump: boolean;
  /** Merged into the user context of every lease this transaction commits. */
  readonly leaseContext: Record<string, unknown>;
  /** The response, in `post` handlers only. */
  response?: ClientServerMessage6;
}

export type MaybePromise<T> = T | Promise<T>;

export interface Filter {
  match(ctx: PipelineContext): MaybePromise<boolean>;
}

export interface Handler {
  /** Before the server picks resources: assign, set options, timers, ignore. */
  pre?(ctx: PipelineContext): MaybePromise<void>;
  /** After the response is built and its leases committed: edit or log it. */
  post?(ctx: PipelineContext): MaybePromise<void>;
}

/** A lease moved: handlers that track leases (route injection) hear of it here. */
export interface LeaseEvent {
  kind: 'granted' | 'extended' | 'released' | 'declined' | 'expired';
  lease: Lease6;
}

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What a filter or handler factory gets besides its own validated config. */
export interface SetupEnv {
  log: Logger;
  /** Named assignment sources from the config. */
  source(name: string): import('./sources.js').AssignmentSource | undefined;
  /** Compile an expression of the pipeline's language (throws ExpressionError). */
  compileBool(text: string): (req: PipelineRequest, marks: ReadonlySet<string>) => boolean;
  compileValue(text: string): (req: PipelineRequest, marks: ReadonlySet<string>) => string | undefined;
  /** Option data in config form to codec options (throws with a message naming the field). */
  options(list: readonly unknown[]): Option[];
  /** Counters shown in statistics and metrics. */
  count(statistic: string, by?: number): void;
}

export interface FilterDefinition<S extends z.ZodType = z.ZodType> {
  description: string;
  schema: S;
  /** `plugin`: the validated `plugins[].config` of the plugin that defines it (undefined for built-ins). */
  create(config: z.output<S>, env: SetupEnv, plugin?: unknown): Filter;
}

export interface HandlerDefinition<S extends z.ZodType = z.ZodType> {
  description: string;
  schema: S;
  /** `plugin`: the validated `plugins[].config` of the plugin that defines it (undefined for built-ins). */
  create(config: z.output<S>, env: SetupEnv, plugin?: unknown): Handler;
}

/** Process-wide hooks of a plugin instance, beside its filters and handlers. */
export interface PluginInstance {
  /** At start and after each reload, with every live lease (route re-installation). */
  start?(live: AsyncIterable<Lease6>): Promise<void>;
  onLease?(event: LeaseEvent): void | Promise<void>;
  stop?(): Promise<void>;
}

export interface PluginDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  /** Schema of the plugin's section in the config (`plugins[].config`). */
  configSchema: S;
  /** Option definitions the plugin adds (e.g. a vendor's private options). */
  options?: readonly (OptionDef & { space?: string })[] | ((config: z.output<S>) => readonly (OptionDef & { space?: string })[]);
  filters?: Record<string, FilterDefinition>;
  handlers?: Record<string, HandlerDefinition>;
  setup?(config: z.output<S>, env: SetupEnv): PluginInstance | Promise<PluginInstance>;
}

/** Identity function that gives plugin authors type checking. */
export function definePlugin<S extends z.ZodType>(p: PluginDefinition<S>): PluginDefinition<S> {
  return p;
}
