import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigIssue } from '../../config/validate.js';
import type { Assignment, AssignmentEntry, AssignmentSource, ReloadResult } from '../../pipeline/sources.js';
import type { IdentifierType } from '../../pipeline/types.js';
import { MemoryLeaseStore6 } from '../../store/memory/store6.js';
import type { Lease6 } from '../../store/types.js';
import { hashPassword, hashToken, newSecret } from '../auth/hash.js';
import type { ClientKey, ControlTarget, ReconfigureQuery, ReconfigureResult, StatisticSample, SubnetUsage, TransactionRecord } from '../types.js';
import type { Api, ApiExtension } from './server.js';
import { createApi } from './server.js';
import { controlSchema, type ControlConfigInput } from './config.js';

/** An in-memory ControlTarget and an API around it, for the contract tests and for extensions' tests. */

export const SUBNETS = [
  { id: 1, subnet: '2001:db8:1::/64' },
  { id: 2, subnet: '2001:db8:2::/64' },
];

/** A writable table (like SQLite's) or a read-only file (like CSV). */
export class FakeAssignmentSource implements AssignmentSource {
  readonly entries = new Map<string, AssignmentEntry>();
  put?: (e: AssignmentEntry) => Promise<void>;
  remove?: (t: IdentifierType, id: string) => Promise<boolean>;
  reload?: () => Promise<ReloadResult>;
  reloads = 0;

  constructor(
    readonly name: string,
    readonly kind: 'csv' | 'sqlite' | 'postgresql',
  ) {
    if (kind === 'csv') {
      this.reload = async () => {
        this.reloads++;
        return { ok: true, entries: this.entries.size, added: 0, removed: 0, changed: 0 };
      };
    } else {
      this.put = async (e) => void this.entries.set(`${e.idType} ${e.id}`, structuredClone(e));
      this.remove = async (t, id) => this.entries.delete(`${t} ${id}`);
    }
  }

  lookup(idType: IdentifierType, id: string): Assignment | undefined {
    const e = this.entries.get(`${idType} ${id}`);
    if (!e) return undefined;
    const a: Assignment = {};
    if (e.address) a.address = e.address;
    if (e.prefix) a.prefix = e.prefix;
    if (e.options) a.options = e.options;
    return a;
  }

  async page(after: { idType: IdentifierType; id: string } | undefined, limit: number): Promise<AssignmentEntry[]> {
    const keys = [...this.entries.keys()].sort();
    const from = after ? `${after.idType} ${after.id}` : '';
    return keys.filter((k) => k > from).slice(0, limit).map((k) => structuredClone(this.entries.get(k)!));
  }

  async count(): Promise<number> {
    return this.entries.size;
  }

  async close(): Promise<void> {}
}

export class FakeControlTarget implements ControlTarget {
  readonly version = '0.1.0-test';
  readonly startedAt = Date.now() - 5000;
  readonly dir = mkdtempSync(join(tmpdir(), 'fulmar-api-'));
  readonly configFile = join(this.dir, 'fulmar.json');
  config: Record<string, unknown> = { dhcp6: { subnets: SUBNETS } };
  readonly leases = new MemoryLeaseStore6();
  readonly stats = new Map<string, StatisticSample>([
    ['pkt6-received', { value: 125, at: Date.UTC(2024, 0, 2, 3, 4, 5, 678) }],
    ['pkt6-reply-sent', { value: 120, at: Date.UTC(2024, 0, 2, 3, 4, 5, 678) }],
  ]);
  readonly sources = [new FakeAssignmentSource('table', 'sqlite'), new FakeAssignmentSource('file', 'csv')];
  readonly records: TransactionRecord[] = [];
  enabled = true;
  maxPeriod: number | undefined;
  stopped = false;
  reclaims = 0;
  readonly reconfigures: ReconfigureQuery[] = [];

  constructor() {
    writeFileSync(this.configFile, JSON.stringify(this.config));
  }

  currentConfig(): unknown {
    return structuredClone(this.config);
  }
  testConfig(config: unknown): ConfigIssue[] {
    const c = config as { dhcp6?: unknown };
    return typeof c.dhcp6 === 'object' && c.dhcp6 !== null ? [] : [{ path: 'dhcp6', message: 'required' }];
  }
  async setConfig(config: unknown): Promise<ConfigIssue[]> {
    const issues = this.testConfig(config);
    if (!issues.length) this.config = structuredClone(config) as Record<string, unknown>;
    return issues;
  }
  async writeConfig(path = this.configFile): Promise<string> {
    writeFileSync(path, JSON.stringify(this.config, null, 2));
    return path;
  }
  async reloadConfig(): Promise<ConfigIssue[]> {
    return this.setConfig(JSON.parse(readFileSync(this.configFile, 'utf8')));
  }
  setServing(enabled: boolean, maxPeriodSeconds?: number): void {
    this.enabled = enabled;
    this.maxPeriod = maxPeriodSeconds;
  }
  serving(): boolean {
    return this.enabled;
  }
  async reclaim(): Promise<number> {
    this.reclaims++;
    return 0;
  }
  shutdown(): void {
    this.stopped = true;
  }
  statistics(): ReadonlyMap<string, StatisticSample> {
    return this.stats;
  }
  resetStatistic(name?: string): boolean {
    if (name !== undefined && !this.stats.has(name)) return false;
    for (const [k, s] of this.stats) if (name === undefined || k === name) this.stats.set(k, { value: 0, at: s.at });
    return true;
  }
  subnetIds(): number[] {
    return SUBNETS.map((s) => s.id);
  }
  subnetUsage(): SubnetUsage[] {
    return SUBNETS.map((s) => ({ ...s, totalNas: 1000, assignedNas: 10 * s.id, totalPds: 256, assignedPds: s.id, declined: 0 }));
  }
  assignmentSources(): AssignmentSource[] {
    return this.sources;
  }
  async reloadAssignments(name?: string): Promise<Record<string, ReloadResult>> {
    const out: Record<string, ReloadResult> = {};
    for (const s of this.sources) if (s.reload && (name === undefined || s.name === name)) out[s.name] = await s.reload();
    return out;
  }
  transactions(key: ClientKey | undefined, limit: number): TransactionRecord[] {
    const match = (r: TransactionRecord) =>
      !key ||
      (key.by === 'duid' && r.duid === key.value) ||
      (key.by === 'hw-address' && r.hwaddr === key.value) ||
      ((key.by === 'address' || key.by === 'prefix') && r.granted.includes(key.value)) ||
      r.ids[key.by] === key.value;
    return this.records.filter(match).slice(0, limit);
  }
  async reconfigure(query: ReconfigureQuery): Promise<ReconfigureResult> {
    this.reconfigures.push(query);
    const all = await this.leases.page(undefined, 1_000_000);
    const hit = all.filter(
      (l) =>
        (query.duid === undefined || l.duid === query.duid) &&
        (query.address === undefined || l.address === query.address) &&
        (query.prefix === undefined || l.address === query.prefix) &&
        (query.subnetId === undefined || l.subnetId === query.subnetId),
    );
    return { sent: hit.length, skipped: 0 };
  }

  /** Everything a command could change, to show a refused call changed nothing. */
  async snapshot(): Promise<unknown> {
    return {
      config: this.config,
      file: readFileSync(this.configFile, 'utf8'),
      files: readdirSync(this.dir).sort(),
      leases: await this.leases.page(undefined, 1_000_000),
      stats: [...this.stats],
      sources: this.sources.map((s) => [...s.entries].concat([['reloads', s.reloads as never]])),
      enabled: this.enabled,
      stopped: this.stopped,
      reclaims: this.reclaims,
      reconfigures: this.reconfigures.length,
    };
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A lease in subnet 1, with overrides. */
export function sampleLease(over: Partial<Lease6> = {}): Lease6 {
  const l: Lease6 = {
    type: 'na',
    address: '2001:db8:1::10',
    duid: '000300010a0b0c0d0e0f',
    iaid: 7,
    subnetId: 1,
    preferredLifetime: 1800,
    validLifetime: 3600,
    cltt: 1_700_000_000,
    expiresAt: 1_700_003_600,
    state: 'assigned',
    ...over,
  };
  l.expiresAt = l.cltt + l.validLifetime;
  return l;
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string;
}

export interface TestApi {
  api: Api;
  target: FakeControlTarget;
  /** Authorization headers: read-write token, read-only token, read-write Basic password. */
  auth: { rw: string; ro: string; basic: string };
  tokens: { rw: string; ro: string };
  authFile: string;
  logs: LogLine[];
  /** POST / through app.inject; `as` picks the credentials ('none' sends none). */
  call(command: string, args?: unknown, as?: 'rw' | 'ro' | 'basic' | 'none'): Promise<{ status: number; body: { result: number; text: string; arguments?: unknown }; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery staple';
/** scrypt once per test file, not once per API started. */
let passwordHash: Promise<string> | undefined;

/** An API on a fake target with three users: admin (token, read-write), viewer (token, read-only), ops (password, read-write). */
export async function startTestApi(control: Partial<ControlConfigInput> = {}, extensions: ApiExtension[] = []): Promise<TestApi> {
  const target = new FakeControlTarget();
  const tokens = { rw: newSecret(), ro: newSecret() };
  const authFile = join(target.dir, 'users.json');
  const users = [
    { name: 'admin', role: 'read-write', hash: hashToken(tokens.rw) },
    { name: 'viewer', role: 'read-only', hash: hashToken(tokens.ro) },
    { name: 'ops', role: 'read-write', hash: await (passwordHash ??= hashPassword(PASSWORD)) },
  ];
  writeFileSync(authFile, JSON.stringify({ users }));
  const logs: LogLine[] = [];
  const log = {
    info: (obj: object, msg: string) => void logs.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
    warn: (obj: object, msg: string) => void logs.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
    error: (obj: object, msg: string) => void logs.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
  };
  const config = controlSchema.parse({ port: 0, 'auth-file': 'users.json', 'rate-limit': { requests: 100_000 }, ...control });
  const api = await createApi({ target, config, baseDir: target.dir, log, extensions }).catch((e: unknown) => {
    target.cleanup();
    throw e;
  });
  const auth = {
    rw: `Bearer ${tokens.rw}`,
    ro: `Bearer ${tokens.ro}`,
    basic: `Basic ${Buffer.from(`ops:${PASSWORD}`).toString('base64')}`,
  };
  return {
    api,
    target,
    auth,
    tokens,
    authFile,
    logs,
    async call(command, args, as = 'rw') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (as !== 'none') headers.authorization = auth[as];
      const r = await api.app.inject({ method: 'POST', url: '/', headers, payload: JSON.stringify(args === undefined ? { command } : { command, arguments: args }) });
      return { status: r.statusCode, body: r.json(), headers: r.headers };
    },
    async close() {
      await api.close();
      target.cleanup();
    },
  };
}
