import { execFile } from 'node:child_process';
import type { Logger } from '../../pipeline/types.js';

/**
 * The kernel's routes to delegated prefixes, changed through `ip -6 route`.
 * Every change goes through one bounded queue, run one command at a time so
 * a grant and a release of the same prefix reach the kernel in order; a
 * backlog (and the re-installation at start) goes as one `ip -batch -`.
 * Failures are logged and counted, never thrown: the DHCP path must not
 * depend on the routing table.
 */

export interface Route {
  /** `prefix/len`. */
  prefix: string;
  via: string;
  dev?: string;
}

export interface RouteTable {
  /** Install or update the route; resolves true once applied, false if it failed. Never rejects. */
  replace(prefix: string, via: string, dev?: string): Promise<boolean>;
  /** Remove our route to the prefix; one already gone counts as removed. Never rejects. */
  remove(prefix: string): Promise<boolean>;
  /** Install many (re-installation at start); resolves with how many were applied. */
  replaceMany(routes: Iterable<Route>): Promise<number>;
  /** Resolves once everything queued so far is done. */
  drain(): Promise<void>;
}

export interface IpRouteOptions {
  /** Path of the ip binary. */
  ip: string;
  /** rtnetlink protocol tag of our routes: a name from rt_protos or a number. */
  protocol: string | number;
  table?: string | number;
  metric?: number;
  /** Changes waiting at most; beyond, new ones are dropped (logged, counted). */
  queueLimit: number;
  /** Commands per `ip -batch -` run. */
  batchLimit?: number;
  /** Milliseconds one ip run may take before it is killed. */
  timeoutMs?: number;
  log: Logger;
  count?(statistic: string, by?: number): void;
}

type Op = { kind: 'replace'; route: Route; done(ok: boolean): void } | { kind: 'remove'; prefix: string; done(ok: boolean): void };

interface RunResult {
  code: number;
  stderr: string;
}

/** The ip subcommand (after `ip -6`) for one change. */
export function routeArgs(op: Pick<Op, 'kind'> & { route?: Route; prefix?: string }, o: Pick<IpRouteOptions, 'protocol' | 'table' | 'metric'>): string[] {
  const args =
    op.kind === 'replace'
      ? ['route', 'replace', op.route!.prefix, 'via', op.route!.via, ...(op.route!.dev ? ['dev', op.route!.dev] : [])]
      : ['route', 'del', op.prefix!];
  // proto, table and metric on delete too: they pick our route and no other.
  args.push('proto', String(o.protocol));
  if (o.table !== undefined) args.push('table', String(o.table));
  if (o.metric !== undefined) args.push('metric', String(o.metric));
  return args;
}

/** A route that is already gone is what a delete wanted. */
const GONE = /No such process/;

export class IpRouteTable implements RouteTable {
  private readonly queue: Op[] = [];
  private running?: Promise<void>;
  private overflowing = false;
  private readonly batchLimit: number;
  private readonly timeoutMs: number;

  constructor(private readonly o: IpRouteOptions) {
    this.batchLimit = o.batchLimit ?? 1000;
    this.timeoutMs = o.timeoutMs ?? 30_000;
  }

  replace(prefix: string, via: string, dev?: string): Promise<boolean> {
    return new Promise((done) => this.enqueue({ kind: 'replace', route: { prefix, via, ...(dev ? { dev } : {}) }, done }));
  }

  remove(prefix: string): Promise<boolean> {
    return new Promise((done) => this.enqueue({ kind: 'remove', prefix, done }));
  }

  async replaceMany(routes: Iterable<Route>): Promise<number> {
    let applied = 0;
    let chunk: Promise<boolean>[] = [];
    const settle = async () => {
      applied += (await Promise.all(chunk)).filter(Boolean).length;
      chunk = [];
    };
    // In chunks, so a million leases never overflow the queue nor sit in memory as promises.
    const size = Math.max(1, Math.min(this.batchLimit, Math.floor(this.o.queueLimit / 2)));
    for (const r of routes) {
      chunk.push(this.replace(r.prefix, r.via, r.dev));
      if (chunk.length >= size) await settle();
    }
    await settle();
    return applied;
  }

  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private enqueue(op: Op): void {
    if (this.queue.length >= this.o.queueLimit) {
      this.o.count?.('route-injection-dropped');
      if (!this.overflowing) this.o.log.warn({ msgId: 'FULMAR_ROUTE_QUEUE_FULL', limit: this.o.queueLimit, prefix: op.kind === 'replace' ? op.route.prefix : op.prefix }, 'route change dropped: queue full');
      this.overflowing = true;
      op.done(false);
      return;
    }
    this.queue.push(op);
    this.running ??= this.pump();
  }

  private async pump(): Promise<void> {
    // One tick's grace: changes made together (a transaction's prefixes, a chunk at start) go as one batch.
    await null;
    try {
      while (this.queue.length > 0) {
        const ops = this.queue.splice(0, this.batchLimit);
        if (this.queue.length < this.o.queueLimit / 2) this.overflowing = false;
        const failures = ops.length === 1 ? await this.runOne(ops[0]!) : await this.runBatch(ops);
        ops.forEach((op, i) => this.finish(op, failures.get(i)));
      }
    } finally {
      // Cleared in the same step that saw the queue empty, so the next enqueue starts a new pump.
      this.running = undefined;
    }
  }

  /** Failures by index in `ops`: the error text of each. */
  private async runOne(op: Op): Promise<Map<number, string>> {
    const r = await this.run(['-6', ...routeArgs(op, this.o)]);
    return r.code === 0 ? new Map() : new Map([[0, r.stderr.trim() || `exit ${r.code}`]]);
  }

  private async runBatch(ops: Op[]): Promise<Map<number, string>> {
    const input = ops.map((op) => `${routeArgs(op, this.o).join(' ')}\n`).join('');
    // -force: one failing line must not stop the rest.
    const r = await this.run(['-6', '-force', '-batch', '-'], input);
    const failures = batchFailures(r.stderr);
    // A failed run that names no line (ip missing, killed): every change failed.
    if (r.code !== 0 && failures.size === 0) ops.forEach((_, i) => failures.set(i, r.stderr.trim() || `exit ${r.code}`));
    return failures;
  }

  private finish(op: Op, error: string | undefined): void {
    if (error !== undefined && !(op.kind === 'remove' && GONE.test(error))) {
      this.o.count?.('route-injection-failed');
      const what = op.kind === 'replace' ? { ...op.route } : { prefix: op.prefix };
      this.o.log.warn({ msgId: 'FULMAR_ROUTE_FAILED', op: op.kind, ...what, error }, 'route change failed');
      op.done(false);
      return;
    }
    this.o.count?.(op.kind === 'replace' ? 'route-injection-installed' : 'route-injection-removed');
    op.done(true);
  }

  private run(args: string[], input?: string): Promise<RunResult> {
    return new Promise((resolve) => {
      const child = execFile(this.o.ip, args, { timeout: this.timeoutMs, maxBuffer: 1 << 20, encoding: 'utf8' }, (err, _stdout, stderr) => {
        if (!err) return resolve({ code: 0, stderr });
        const code = typeof err.code === 'number' ? err.code : 1;
        resolve({ code, stderr: stderr || err.message });
      });
      // A missing binary errors on stdin too; the callback above reports it.
      child.stdin?.on('error', () => {});
      child.stdin?.end(input ?? '');
    });
  }
}

/** `ip -force -batch` prints a command's errors, then `Command failed -:LINE`. */
export function batchFailures(stderr: string): Map<number, string> {
  const failures = new Map<number, string>();
  let pending: string[] = [];
  for (const line of stderr.split('\n')) {
    const m = /^Command failed -:(\d+)$/.exec(line.trim());
    if (m) {
      failures.set(Number(m[1]) - 1, pending.join('\n') || 'failed');
      pending = [];
    } else if (line.trim()) pending.push(line.trim());
  }
  return failures;
}
