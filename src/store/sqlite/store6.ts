/**
 * The embedded default LeaseStore6: SQLite through better-sqlite3. Reads run
 * at once (they see committed data only); writes queue for the next group
 * commit and resolve when their transaction is durable.
 */
import type Database from 'better-sqlite3';
import { StoreClosedError } from '../errors.js';
import { checkChange6 } from '../validate.js';
import { openDatabase, type SqliteOptions } from './database.js';
import { GroupCommit, type GroupCommitStats } from './group-commit.js';
import { toRow } from './lease6-rows.js';
import { Lease6Table } from './lease6-table.js';
import type { Lease6, LeaseChange6, LeaseCount6, LeaseStore6, LeaseType6, LiveLease6 } from '../types.js';

export interface SqliteLeaseStoreOptions extends SqliteOptions {
  /** Changes that may wait for one group commit before commit() sheds load (default 10,000). */
  maxPending?: number;
}

export class SqliteLeaseStore6 implements LeaseStore6 {
  private closed = false;

  constructor(
    private readonly db: Database.Database,
    private readonly table: Lease6Table,
    private readonly group: GroupCommit,
  ) {}

  get groupStats(): Readonly<GroupCommitStats> {
    return this.group.stats;
  }

  async get(type: LeaseType6, address: string): Promise<Lease6 | undefined> {
    return this.open().get(type, address);
  }

  async getByClient(duid: string, iaid: number, type: LeaseType6): Promise<Lease6[]> {
    return this.open().byClient(duid, iaid, type);
  }

  async getByDuid(duid: string): Promise<Lease6[]> {
    return this.open().byDuid(duid);
  }

  async commit(changes: readonly LeaseChange6[]): Promise<void> {
    const table = this.open();
    changes.forEach(checkChange6);
    // Rows are built now: a caller may reuse its objects before the flush.
    const writes = changes.map((c): (() => void) => {
      switch (c.op) {
        case 'insert': {
          const row = toRow(c.lease);
          return () => table.insert(row);
        }
        case 'update': {
          const row = toRow(c.lease);
          const expect = c.expect && { ...c.expect };
          return () => table.update(row, expect);
        }
        case 'delete': {
          const { type, address } = c;
          const expect = c.expect && { ...c.expect };
          return () => table.delete(type, address, expect);
        }
      }
    });
    if (writes.length === 0) return;
    await this.group.submit(writes.length, () => {
      for (const w of writes) w();
    });
  }

  async listExpired(now: number, limit: number): Promise<Lease6[]> {
    return this.open().expired(now, limit);
  }

  async countByState(): Promise<LeaseCount6[]> {
    return this.open().counts();
  }

  async page(afterAddress: string | undefined, limit: number): Promise<Lease6[]> {
    return this.open().page(afterAddress, limit);
  }

  async pageLive(afterAddress: string | undefined, limit: number): Promise<LiveLease6[]> {
    return this.open().pageLive(afterAddress, limit);
  }

  /** Queued like a commit, so it lands after the commits asked for before it. */
  async wipe(subnetId?: number): Promise<number> {
    const table = this.open();
    return this.group.submit(1, () => table.wipe(subnetId));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.group.flush();
    this.db.close();
  }

  private open(): Lease6Table {
    if (this.closed) throw new StoreClosedError();
    return this.table;
  }
}

/** Open (creating or migrating) the database file and the store on it. */
export function openSqliteLeaseStore6(o: SqliteLeaseStoreOptions): SqliteLeaseStore6 {
  const db = openDatabase(o);
  return new SqliteLeaseStore6(db, new Lease6Table(db), new GroupCommit(db, o.maxPending ?? 10_000));
}
