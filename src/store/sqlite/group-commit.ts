/**
 * Group commit: the writes asked for during one event-loop turn go into one
 * SQLite transaction, so a turn that handled a hundred packets pays for one
 * commit (and, at `power`, one fsync) instead of a hundred.
 *
 * The flush runs on setImmediate, i.e. in the check phase after the poll
 * phase has run the callbacks of every datagram that was ready, and after the
 * microtasks of each. queueMicrotask would flush after the first packet's
 * callback and merge nothing across packets. Under load the flush itself
 * takes longer, more datagrams wait in the socket, and groups grow.
 *
 * Under load (the last group held more than one job), commits are also
 * spaced at least `minGapMs` apart: a job queued within that time of the
 * last commit waits for the rest of it. Each transaction costs about a dozen
 * system calls (locks, WAL frames) whatever its size, so at 10,000
 * requests/s this turns thousands of small transactions into at most
 * 1/minGapMs larger ones. Without load a request commits at once: waiting
 * would only add latency and a timer wakeup.
 *
 * Each job runs in its own SAVEPOINT: a job that throws is rolled back alone
 * and rejects alone; the others still commit.
 */
import type { Database, Statement } from 'better-sqlite3';
import { StoreOverloadError } from '../errors.js';

interface Job {
  run: () => unknown;
  /** Runs once the transaction holding the job has committed, before anyone hears of it. */
  committed: ((outcome: unknown) => void) | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  failed: boolean;
  outcome: unknown;
}

export interface GroupCommitStats {
  /** Transactions committed. */
  groups: number;
  /** Jobs in them, failed or not. */
  jobs: number;
}

export class GroupCommit {
  readonly stats: GroupCommitStats = { groups: 0, jobs: 0 };
  private queue: Job[] = [];
  /** Sum of the weights (changes) waiting. */
  private pending = 0;
  private timer: { immediate: NodeJS.Immediate } | { timeout: NodeJS.Timeout } | undefined;
  /** performance.now() of the last flush. */
  private lastFlush = -Infinity;
  /** Jobs in the last group: one means no load, so the next need not wait. */
  private lastGroupSize = 0;
  private readonly sql: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'undo', Statement>;

  constructor(
    private readonly db: Database,
    /** Changes allowed to wait; beyond it submit() rejects with StoreOverloadError. */
    private readonly maxPending: number,
    /** Least time between two commits, ms (0: every event-loop turn). */
    private readonly minGapMs = 1,
  ) {
    const p = (s: string) => db.prepare(s);
    this.sql = {
      begin: p('BEGIN IMMEDIATE'),
      commit: p('COMMIT'),
      rollback: p('ROLLBACK'),
      savepoint: p('SAVEPOINT job'),
      release: p('RELEASE job'),
      undo: p('ROLLBACK TO job'),
    };
  }

  /**
   * Run `run` inside the next group transaction; resolves with its result once
   * that transaction has committed. `weight` counts toward the bound; a job
   * arriving at an empty queue is always taken, however heavy. `committed`
   * runs synchronously right after the COMMIT, if the job did not fail: a
   * mirror of the database updated there is never ahead of nor behind it.
   */
  submit<T>(weight: number, run: () => T, committed?: (outcome: T) => void): Promise<T> {
    if (this.pending > 0 && this.pending + weight > this.maxPending) {
      return Promise.reject(new StoreOverloadError(this.pending, this.maxPending));
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, committed: committed as Job['committed'], resolve: resolve as (v: unknown) => void, reject, failed: false, outcome: undefined });
      this.pending += weight;
      this.timer ??= this.schedule();
    });
  }

  private schedule(): NonNullable<GroupCommit['timer']> {
    const wait = this.lastGroupSize > 1 ? this.lastFlush + this.minGapMs - performance.now() : 0;
    return wait > 0 ? { timeout: setTimeout(() => this.flush(), wait) } : { immediate: setImmediate(() => this.flush()) };
  }

  /** Commit what is queued now (the timer calls this; so does close). */
  flush(): void {
    // Each kind with its own clear: clearImmediate on a Timeout corrupts Node's count of live immediates.
    if (this.timer && 'immediate' in this.timer) clearImmediate(this.timer.immediate);
    else if (this.timer) clearTimeout(this.timer.timeout);
    this.timer = undefined;
    this.lastFlush = performance.now();
    const jobs = this.queue;
    this.lastGroupSize = jobs.length;
    this.queue = [];
    this.pending = 0;
    if (jobs.length === 0) return;
    try {
      this.sql.begin.run();
      for (const job of jobs) this.runJob(job);
      this.sql.commit.run();
    } catch (e) {
      // The transaction itself failed (I/O error, disk full, lock timeout): nothing committed.
      this.abandon();
      for (const job of jobs) job.reject(e);
      return;
    }
    this.stats.groups++;
    this.stats.jobs += jobs.length;
    for (const job of jobs) if (!job.failed) job.committed?.(job.outcome);
    for (const job of jobs) {
      if (job.failed) job.reject(job.outcome);
      else job.resolve(job.outcome);
    }
  }

  /** Roll back if SQLite has not already; a failing rollback must not keep the jobs from settling. */
  private abandon(): void {
    try {
      if (this.db.inTransaction) this.sql.rollback.run();
    } catch {
      // The connection is broken; the next BEGIN will say so to the next jobs.
    }
  }

  private runJob(job: Job): void {
    this.sql.savepoint.run();
    try {
      job.outcome = job.run();
    } catch (e) {
      this.sql.undo.run();
      job.failed = true;
      job.outcome = e;
    }
    this.sql.release.run();
  }
}
