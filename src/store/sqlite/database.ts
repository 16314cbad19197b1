/**
 * Opening the SQLite file: WAL, the durability level, the schema.
 *
 * In WAL mode a commit write()s its frames to the -wal file before it
 * returns, so once it returns the lease is in the OS page cache and a killed
 * process loses nothing; what `synchronous` adds is fsync:
 *  - `process` → NORMAL: no fsync per commit, only at checkpoints. OFF would
 *    give the same kill -9 guarantee, but a power cut during a checkpoint
 *    could then corrupt the file; NORMAL loses the last commits, never the file.
 *  - `power` → FULL: the WAL is fsynced before each commit returns.
 */
import Database from 'better-sqlite3';
import { migrate } from './schema.js';
import type { Durability } from '../types.js';

export interface SqliteOptions {
  path: string;
  durability?: Durability;
  /** SQLite page cache in KiB; the OS caches the rest of the file. */
  cacheKiB?: number;
  /** How long to wait for another process's write lock, ms (it blocks the event loop). */
  busyTimeoutMs?: number;
}

const SYNCHRONOUS: Record<Durability, string> = { process: 'NORMAL', power: 'FULL' };

export function openDatabase(o: SqliteOptions): Database.Database {
  const db = new Database(o.path, { timeout: o.busyTimeoutMs ?? 5000 });
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`${o.path}: SQLite would not use WAL (journal_mode ${String(mode)})`);
    db.pragma(`synchronous = ${SYNCHRONOUS[o.durability ?? 'process']}`);
    db.pragma(`cache_size = -${o.cacheKiB ?? 16384}`);
    // A big batch (an import, a wipe) grows the WAL; give the space back after the checkpoint.
    db.pragma(`journal_size_limit = ${64 * 2 ** 20}`);
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
