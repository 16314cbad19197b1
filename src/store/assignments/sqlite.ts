import Database from 'better-sqlite3';
import type { Assignment, AssignmentEntry, AssignmentSource } from '../../pipeline/sources.js';
import type { IdentifierType } from '../../pipeline/types.js';
import { AssignmentConflictError } from './errors.js';
import { pageLimit, type Key } from './keys.js';
import type { OptionsCheck } from './options.js';
import { entryRow, quotedTable, rowAssignment, rowEntry, type Row } from './table.js';

/**
 * Static assignments in a SQLite table, queried live: a row written by
 * another process (or through put) counts from the next lookup, no reload.
 * better-sqlite3 is synchronous, so lookup answers without a promise; in WAL
 * mode readers never wait for a writer.
 */

export interface SqliteSourceOptions {
  name: string;
  /** Database file (created if missing), or ':memory:'. */
  path: string;
  /** Default 'assignments'; created if missing. */
  table?: string;
  /** How long a write waits for another process's lock, ms (it blocks the event loop); default 2000. */
  busyTimeoutMs?: number;
  checkOptions?: OptionsCheck;
}

const COLUMNS = 'id_type, id, address, prefix, options';

export class SqliteAssignmentSource implements AssignmentSource {
  readonly kind = 'sqlite' as const;
  readonly name: string;
  private readonly db: Database.Database;
  private readonly check: OptionsCheck | undefined;
  private readonly q: Record<'lookup' | 'put' | 'remove' | 'first' | 'after' | 'count' | 'byAddress' | 'byPrefix', Database.Statement>;

  constructor(o: SqliteSourceOptions) {
    this.name = o.name;
    this.check = o.checkOptions;
    const t = quotedTable(o.table ?? 'assignments');
    this.db = new Database(o.path, { timeout: o.busyTimeoutMs ?? 2000 });
    try {
      if (o.path !== ':memory:') this.db.pragma('journal_mode = WAL');
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS ${t} (id_type TEXT NOT NULL, id TEXT NOT NULL, address TEXT UNIQUE, prefix TEXT UNIQUE, options TEXT, PRIMARY KEY (id_type, id))`,
      );
      const prep = (sql: string): Database.Statement => this.db.prepare(sql);
      this.q = {
        lookup: prep(`SELECT ${COLUMNS} FROM ${t} WHERE id_type = ? AND id = ?`),
        put: prep(
          `INSERT INTO ${t} (${COLUMNS}) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id_type, id) DO UPDATE SET address = excluded.address, prefix = excluded.prefix, options = excluded.options`,
        ),
        remove: prep(`DELETE FROM ${t} WHERE id_type = ? AND id = ?`),
        first: prep(`SELECT ${COLUMNS} FROM ${t} ORDER BY id_type, id LIMIT ?`),
        after: prep(`SELECT ${COLUMNS} FROM ${t} WHERE (id_type, id) > (?, ?) ORDER BY id_type, id LIMIT ?`),
        count: prep(`SELECT count(*) AS n FROM ${t}`),
        byAddress: prep(`SELECT id_type, id FROM ${t} WHERE address = ?`),
        byPrefix: prep(`SELECT id_type, id FROM ${t} WHERE prefix = ?`),
      };
    } catch (e) {
      this.db.close();
      throw new Error(`sqlite assignment source "${o.name}": ${o.path} table ${t}: ${(e as Error).message}`, { cause: e });
    }
  }

  lookup(idType: IdentifierType, id: string): Assignment | undefined {
    const r = this.q.lookup.get(idType, id) as Row | undefined;
    return r && rowAssignment(this.name, r);
  }

  async put(entry: AssignmentEntry): Promise<void> {
    const r = entryRow(entry, this.check);
    try {
      this.q.put.run(r.id_type, r.id, r.address, r.prefix, r.options);
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
      throw this.conflict(r, e);
    }
  }

  /** Name the resource and its holder; the constraint message names only the column. */
  private conflict(r: Row, cause: unknown): Error {
    for (const [col, value, q] of [['address', r.address, this.q.byAddress], ['prefix', r.prefix, this.q.byPrefix]] as const) {
      if (value === null) continue;
      const owner = q.get(value) as { id_type: string; id: string } | undefined;
      if (owner && (owner.id_type !== r.id_type || owner.id !== r.id)) return new AssignmentConflictError(`${col} ${value}`, { idType: owner.id_type, id: owner.id });
    }
    return cause instanceof Error ? cause : new Error(String(cause));
  }

  async remove(idType: IdentifierType, id: string): Promise<boolean> {
    return this.q.remove.run(idType, id).changes > 0;
  }

  async page(after: Key | undefined, limit: number): Promise<AssignmentEntry[]> {
    const n = pageLimit(limit);
    const rows = (after ? this.q.after.all(after.idType, after.id, n) : this.q.first.all(n)) as Row[];
    return rows.map((r) => rowEntry(this.name, r));
  }

  async count(): Promise<number> {
    return (this.q.count.get() as { n: number }).n;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export function openSqliteSource(o: SqliteSourceOptions): SqliteAssignmentSource {
  return new SqliteAssignmentSource(o);
}
