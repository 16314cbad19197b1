import type { ConfigIssue } from '../config/validate.js';
import type { LeaseStore6 } from '../store/types.js';
import type { AssignmentSource, ReloadResult } from '../pipeline/sources.js';
import type { ReconfigureQuery } from '../server/reconfigure/targets.js';

/**
 * What the management API, the metrics endpoint and the looking glass may
 * do to a running server. The runtime implements it; the control layer never
 * reaches past it, so it is tested against a fake.
 */

/** A lookup key for the looking glass and transactions-get. */
export type ClientKey =
  | { by: 'duid'; value: string }
  | { by: 'hw-address'; value: string }
  | { by: 'remote-id'; value: string }
  | { by: 'subscriber-id'; value: string }
  | { by: 'interface-id'; value: string }
  | { by: 'address'; value: string }
  | { by: 'prefix'; value: string };

/** One request/response pair as kept for the looking glass and sent to event sinks. */
export interface TransactionRecord {
  /** Unix milliseconds when the request arrived. */
  at: number;
  micros: number;
  type: string;
  reply?: string;
  drop?: string;
  duid?: string;
  hwaddr?: string;
  ids: Record<string, string>;
  subnet?: number;
  source: string;
  iface?: string;
  /** Addresses and prefixes granted (valid lifetime > 0). */
  granted: string[];
  status: string[];
  /** The codec's JSON form, relays included. */
  request?: unknown;
  response?: unknown;
}

export interface StatisticSample {
  value: number;
  /** Unix milliseconds of the last change. */
  at: number;
}

/** Which clients lease6-reconfigure names (declared by the server's Reconfigure service). */
export type { ReconfigureQuery };

export interface ReconfigureResult {
  /** Clients sent a Reconfigure. */
  sent: number;
  /** Matching leases whose client never sent Reconfigure Accept (no key): skipped. */
  skipped: number;
}

export interface SubnetUsage {
  id: number;
  subnet: string;
  totalNas: number;
  assignedNas: number;
  totalPds: number;
  assignedPds: number;
  declined: number;
}

export interface ControlTarget {
  readonly version: string;
  /** Unix milliseconds. */
  readonly startedAt: number;
  /** Path of the config file (config-write's default, config-reload's source). */
  readonly configFile: string;
  /** The running config as JSON (what config-get returns). */
  currentConfig(): unknown;
  /** Full check (schema, plugins, sources, pipeline) without changing what runs. */
  testConfig(config: unknown): ConfigIssue[] | Promise<ConfigIssue[]>;
  /** Validate, then swap atomically; on issues nothing changes. */
  setConfig(config: unknown): Promise<ConfigIssue[]>;
  /** Write the running config to a file (default: configFile); resolves to the path. */
  writeConfig(path?: string): Promise<string>;
  reloadConfig(): Promise<ConfigIssue[]>;
  /** dhcp-disable / dhcp-enable: while disabled every request is dropped and counted. */
  setServing(enabled: boolean, maxPeriodSeconds?: number): void;
  serving(): boolean;
  /** Run the expired-lease sweep now; resolves to how many leases were reclaimed. */
  reclaim(): Promise<number>;
  shutdown(): void;
  statistics(): ReadonlyMap<string, StatisticSample>;
  resetStatistic(name?: string): boolean;
  leases: LeaseStore6;
  subnetIds(): number[];
  subnetUsage(): SubnetUsage[];
  /** Sources that reservation-* commands may read (and write, when they have put/remove). */
  assignmentSources(): AssignmentSource[];
  reloadAssignments(name?: string): Promise<Record<string, ReloadResult>>;
  /** Newest first, at most `limit`. */
  transactions(key: ClientKey | undefined, limit: number): TransactionRecord[];
  reconfigure(query: ReconfigureQuery): Promise<ReconfigureResult>;
}
