/**
 * Reconfigure keys (RFC 8415 §20.4.2) in SQLite, in a table of their own.
 * Like the lease store: WAL, so a put() has written its frame to the -wal
 * file (the OS has it; kill -9 loses nothing) before it returns, and
 * `synchronous` NORMAL, or FULL for `durability: "power"` (fsync per put).
 * better-sqlite3 is synchronous and a put is one small row, written only the
 * first time a client asks for a key, so there is no group commit here.
 */
import Database from 'better-sqlite3';
import type { ReconfigureKeyStore } from '../../server/reconfigure/keys.js';
import type { Durability } from '../types.js';
import { StoreClosedError } from '../errors.js';

export interface SqliteReconfigureKeyOptions {
  path: string;
  durability?: Durability;
  busyTimeoutMs?: number;
  /** Unix milliseconds, for the `created` column. */
  now?: () => number;
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS reconfigure_keys (
  duid TEXT PRIMARY KEY,
  key BLOB NOT NULL CHECK (length(key) = 16),
  created INTEGER NOT NULL
) WITHOUT ROWID`;

export class SqliteReconfigureKeyStore implements ReconfigureKeyStore {
  private readonly db: Database.Database;
  private readonly selectKey: Database.Statement<[string], { key: Buffer }>;
  private readonly upsertKey: Database.Statement<[string, Buffer, number]>;
  private readonly now: () => number;
  private closed = false;

  constructor(o: SqliteReconfigureKeyOptions) {
    this.now = o.now ?? Date.now;
    const db = new Database(o.path, { timeout: o.busyTimeoutMs ?? 5000 });
    try {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`${o.path}: SQLite would not use WAL (journal_mode ${String(mode)})`);
      db.pragma(`synchronous = ${o.durability === 'power' ? 'FULL' : 'NORMAL'}`);
      db.exec(SCHEMA);
      this.selectKey = db.prepare('SELECT key FROM reconfigure_keys WHERE duid = ?');
      this.upsertKey = db.prepare('INSERT INTO reconfigure_keys (duid, key, created) VALUES (?, ?, ?) ON CONFLICT (duid) DO UPDATE SET key = excluded.key, created = excluded.created');
    } catch (e) {
      db.close();
      throw e;
    }
    this.db = db;
  }

  async get(duid: string): Promise<Buffer | undefined> {
    return this.open().selectKey.get(duid)?.key;
  }

  async put(duid: string, key: Buffer): Promise<void> {
    this.open().upsertKey.run(duid, key, Math.floor(this.now()));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private open(): this {
    if (this.closed) throw new StoreClosedError();
    return this;
  }
}
