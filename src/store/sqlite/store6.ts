/**
 * The embedded default LeaseStore6: SQLite through better-sqlite3. Reads run
 * at once (they see committed data only); writes queue for the next group
 * commit and resolve when their transaction is durable.
 */
import type Database from 'better-sqlite3';
import { StoreClosedError } from '../errors.js';
import { checkChange6 } from '../validate.js';
import { ClientIndex } from './client-index.js';
import { openDatabase, type SqliteOptions } from './database.js';
import { GroupCommit, type GroupCommitStats } from './group-commit.js';
import { toRow } from './lease6-rows.js';
import { Lease6Table, type OwnerChange } from './lease6-table.js';
import type { Lease6, LeaseChange6, LeaseCount6, LeaseStore6, LeaseType6, LiveLease6 } from '../types.js';

/** Rows per read while the client index is built. */
const OWNERS_PAGE = 10_000;

export interface SqliteLeaseStoreOptions extends SqliteOptions {
  /** Changes that may wait for one group commit before commit() sheds load (default 10,000). */
  maxPending?: number;
}

export class SqliteLeaseStore6 implements LeaseStore6 {
  private closed = false;
  /** Built on the first client lookup (a process that only pages, as `fulmar leases`, never pays for it). */
  private clients: ClientIndex | undefined;

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
    const table = this.open();
    const held = this.clientIndex().addresses(duid);
    return held.length === 0 ? [] : table.held(held, duid, iaid, type);
  }

  async getByDuid(duid: string): Promise<Lease6[]> {
    const table = this.open();
    const held = this.clientIndex().addresses(duid);
    return held.length === 0 ? [] : table.held(held, duid);
  }

  /** The addresses the in-memory index lists for a DUID (a superset would only cost reads; tests check it is exact). */
  indexedAddresses(duid: string): readonly string[] {
    return this.clientIndex().addresses(duid);
  }

  /** Build the client index now rather than on the first request (the server does, before it listens). */
  async prepare(): Promise<void> {
    this.open();
    this.clientIndex();
  }

  async commit(changes: readonly LeaseChange6[]): Promise<void> {
    const table = this.open();
    changes.forEach(checkChange6);
    // Rows are built now: a caller may reuse its objects before the flush.
    const writes = changes.map((c): (() => OwnerChange) => {
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
    await this.group.submit(
      writes.length,
      () => writes.map((w) => w()),
      (moves) => this.moved(moves),
    );
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
    // Rebuilt from the table on the next lookup: a wipe is rare, a subnet's DUIDs unknown here.
    return this.group.submit(1, () => table.wipe(subnetId), () => (this.clients = undefined));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.group.flush();
    this.db.close();
  }

  private clientIndex(): ClientIndex {
    if (this.clients) return this.clients;
    const index = new ClientIndex();
    for (let page = this.table.owners(undefined, OWNERS_PAGE); page.length > 0; page = this.table.owners(page[page.length - 1]![1], OWNERS_PAGE)) {
      for (const [duid, address] of page) index.add(duid, address);
    }
    return (this.clients = index);
  }

  /** Mirror committed owner changes; before the index is built there is nothing to mirror. */
  private moved(moves: readonly OwnerChange[]): void {
    const index = this.clients;
    if (!index) return;
    for (const m of moves) {
      if (m.from === m.to) continue;
      if (m.from !== undefined) index.remove(m.from, m.address);
      if (m.to !== undefined) index.add(m.to, m.address);
    }
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
