import pg from 'pg';
import type { Assignment, AssignmentEntry, AssignmentSource } from '../../pipeline/sources.js';
import type { IdentifierType } from '../../pipeline/types.js';
import { AssignmentConflictError, AssignmentOverloadError, AssignmentTimeoutError } from './errors.js';
import { pageLimit, type Key } from './keys.js';
import type { OptionsCheck } from './options.js';
import { entryRow, quotedTable, rowAssignment, rowEntry, type Row } from './table.js';

/**
 * Static assignments in a PostgreSQL table, queried live through a small
 * pool. Every query is bounded twice: our timer rejects the caller after
 * `queryTimeoutMs` with a clear error, and the server's statement_timeout
 * (the same value) cancels the work so the connection comes back. Queries
 * waiting for a connection are bounded too. id_type and id use COLLATE "C"
 * so page() order matches the other sources.
 */

export interface PostgresSourceOptions {
  name: string;
  /** postgres://user:password@host:port/database; or the separate fields below. */
  url?: string;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  /** Default 'assignments'; created if missing. */
  table?: string;
  /** Connections at most; default 4. */
  poolSize?: number;
  /** Per query, ms; default 500. */
  queryTimeoutMs?: number;
  /** Queries in flight or waiting, at most; default 64 per connection. */
  maxQueued?: number;
  checkOptions?: OptionsCheck;
}

const COLUMNS = 'id_type, id, address, prefix, options';
// SQLSTATE: unique_violation; query_canceled (statement_timeout).
const UNIQUE_VIOLATION = '23505';
const QUERY_CANCELED = '57014';

export class PostgresAssignmentSource implements AssignmentSource {
  readonly kind = 'postgresql' as const;
  readonly name: string;
  private readonly pool: pg.Pool;
  private readonly timeoutMs: number;
  private readonly maxQueued: number;
  private readonly check: OptionsCheck | undefined;
  private readonly sql: Record<'lookup' | 'put' | 'remove' | 'first' | 'after' | 'count' | 'byAddress' | 'byPrefix', string>;
  private readonly prefix: string;
  private active = 0;

  private constructor(o: PostgresSourceOptions, readonly table: string) {
    this.name = o.name;
    this.check = o.checkOptions;
    this.timeoutMs = o.queryTimeoutMs ?? 500;
    const size = o.poolSize ?? 4;
    this.maxQueued = o.maxQueued ?? size * 64;
    const t = quotedTable(table);
    // Prepared statement names are per connection; the table keeps two sources' apart.
    this.prefix = `fulmar_assign_${table}_`;
    this.sql = {
      lookup: `SELECT ${COLUMNS} FROM ${t} WHERE id_type = $1 AND id = $2`,
      put: `INSERT INTO ${t} (${COLUMNS}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id_type, id) DO UPDATE SET address = EXCLUDED.address, prefix = EXCLUDED.prefix, options = EXCLUDED.options`,
      remove: `DELETE FROM ${t} WHERE id_type = $1 AND id = $2`,
      first: `SELECT ${COLUMNS} FROM ${t} ORDER BY id_type COLLATE "C", id COLLATE "C" LIMIT $1`,
      after: `SELECT ${COLUMNS} FROM ${t} WHERE (id_type COLLATE "C", id COLLATE "C") > ($1, $2) ORDER BY id_type COLLATE "C", id COLLATE "C" LIMIT $3`,
      count: `SELECT count(*)::int AS n FROM ${t}`,
      byAddress: `SELECT id_type, id FROM ${t} WHERE address = $1`,
      byPrefix: `SELECT id_type, id FROM ${t} WHERE prefix = $1`,
    };
    const connection = o.url ? { connectionString: o.url } : { host: o.host, port: o.port, database: o.database, user: o.user, password: o.password };
    this.pool = new pg.Pool({
      ...connection,
      max: size,
      connectionTimeoutMillis: Math.max(this.timeoutMs, 1000),
      statement_timeout: this.timeoutMs,
      idleTimeoutMillis: 30_000,
      application_name: `fulmar assignments ${o.name}`.slice(0, 63),
    });
    // An idle connection the server drops must not crash the process; the pool replaces it.
    this.pool.on('error', () => {});
  }

  /** Connect, create the table if missing, check its columns. Rejects with a message naming the source. */
  static async open(o: PostgresSourceOptions): Promise<PostgresAssignmentSource> {
    const table = o.table ?? 'assignments';
    quotedTable(table);
    const s = new PostgresAssignmentSource(o, table);
    try {
      await s.ensureTable();
      return s;
    } catch (e) {
      await s.close();
      throw new Error(`postgresql assignment source "${o.name}": ${(e as Error).message}`, { cause: e });
    }
  }

  private async ensureTable(): Promise<void> {
    const t = quotedTable(this.table);
    // Check first: CREATE ... IF NOT EXISTS still needs the CREATE privilege a read-only user lacks.
    const exists = await this.query('exists', 'SELECT to_regclass($1) IS NOT NULL AS e', [t]);
    if (!exists.rows[0].e) {
      await this.query(
        'create',
        `CREATE TABLE IF NOT EXISTS ${t} (id_type TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, address TEXT UNIQUE, prefix TEXT UNIQUE, options TEXT, PRIMARY KEY (id_type, id))`,
      );
    }
    await this.query('check columns', `SELECT ${COLUMNS} FROM ${t} LIMIT 0`);
  }

  /** One statement with both bounds; `name` makes it a named prepared statement. */
  private async query(op: string, text: string, values: unknown[] = [], name?: string): Promise<pg.QueryResult> {
    if (this.active >= this.maxQueued) throw new AssignmentOverloadError(this.name, this.maxQueued);
    this.active++;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AssignmentTimeoutError(this.name, op, this.timeoutMs)), this.timeoutMs);
    });
    const running = this.pool.query(name ? { name: this.prefix + name, text, values } : { text, values });
    running.catch(() => {}); // after a timeout nobody awaits it
    try {
      return await Promise.race([running, timeout]);
    } catch (e) {
      if ((e as { code?: string }).code === QUERY_CANCELED) throw new AssignmentTimeoutError(this.name, op, this.timeoutMs);
      throw e;
    } finally {
      clearTimeout(timer);
      this.active--;
    }
  }

  private run(op: keyof PostgresAssignmentSource['sql'], values: unknown[]): Promise<pg.QueryResult> {
    return this.query(op, this.sql[op], values, op);
  }

  async lookup(idType: IdentifierType, id: string): Promise<Assignment | undefined> {
    const r = await this.run('lookup', [idType, id]);
    return r.rows.length ? rowAssignment(this.name, r.rows[0] as Row) : undefined;
  }

  async put(entry: AssignmentEntry): Promise<void> {
    const r = entryRow(entry, this.check);
    try {
      await this.run('put', [r.id_type, r.id, r.address, r.prefix, r.options]);
    } catch (e) {
      if ((e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
      throw await this.conflict(r, e);
    }
  }

  private async conflict(r: Row, cause: unknown): Promise<Error> {
    for (const [col, value, op] of [['address', r.address, 'byAddress'], ['prefix', r.prefix, 'byPrefix']] as const) {
      if (value === null) continue;
      const owner = (await this.run(op, [value])).rows[0] as { id_type: string; id: string } | undefined;
      if (owner && (owner.id_type !== r.id_type || owner.id !== r.id)) return new AssignmentConflictError(`${col} ${value}`, { idType: owner.id_type, id: owner.id });
    }
    return cause instanceof Error ? cause : new Error(String(cause));
  }

  async remove(idType: IdentifierType, id: string): Promise<boolean> {
    return ((await this.run('remove', [idType, id])).rowCount ?? 0) > 0;
  }

  async page(after: Key | undefined, limit: number): Promise<AssignmentEntry[]> {
    const n = pageLimit(limit);
    const r = after ? await this.run('after', [after.idType, after.id, n]) : await this.run('first', [n]);
    return (r.rows as Row[]).map((row) => rowEntry(this.name, row));
  }

  async count(): Promise<number> {
    return (await this.run('count', [])).rows[0].n as number;
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

export function openPostgresSource(o: PostgresSourceOptions): Promise<PostgresAssignmentSource> {
  return PostgresAssignmentSource.open(o);
}
