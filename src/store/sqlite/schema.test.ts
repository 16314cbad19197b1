import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SchemaVersionError } from '../errors.js';
import { TempDir } from '../testing/tmpdb.js';
import { openDatabase } from './database.js';
import { MIGRATIONS } from './schema.js';

const COLS = '(type, address, duid, iaid, subnet_id, preferred_lifetime, valid_lifetime, cltt, expires_at, state)';
const row = (address: string, duid: string, state = 'assigned') => `('na', '${address}', '${duid}', 1, 1, 100, 200, 0, 200, '${state}')`;

describe('the lease6 schema under direct SQL', () => {
  let tmp: TempDir;
  let db: Database.Database;
  beforeEach(() => {
    tmp = new TempDir();
    db = openDatabase({ path: tmp.file() });
  });
  afterEach(() => {
    db.close();
    tmp.remove();
  });

  it('refuses a second lease on an address', () => {
    db.exec(`INSERT INTO lease6 ${COLS} VALUES ${row('2001:db8::1', 'aa')}`);
    expect(() => db.exec(`INSERT INTO lease6 ${COLS} VALUES ${row('2001:db8::1', 'bb')}`)).toThrow(/UNIQUE constraint failed: lease6.address/);
  });

  it('refuses to give a live lease to another client, allows it for a reclaimed one', () => {
    db.exec(`INSERT INTO lease6 ${COLS} VALUES ${row('2001:db8::1', 'aa')}, ${row('2001:db8::2', 'aa', 'declined')}, ${row('2001:db8::3', 'aa', 'reclaimed')}`);
    expect(() => db.exec(`UPDATE lease6 SET duid = 'bb' WHERE address = '2001:db8::1'`)).toThrow(/leased to another client/);
    expect(() => db.exec(`UPDATE lease6 SET iaid = 2 WHERE address = '2001:db8::2'`)).toThrow(/leased to another client/);
    db.exec(`UPDATE lease6 SET duid = 'bb', state = 'assigned' WHERE address = '2001:db8::3'`);
    expect(db.prepare('SELECT duid FROM lease6 ORDER BY address').pluck().all()).toEqual(['aa', 'aa', 'bb']);
  });

  it('refuses values outside the vocabulary and of the wrong type', () => {
    expect(() => db.exec(`INSERT INTO lease6 ${COLS} VALUES ${row('2001:db8::1', 'aa', 'free')}`)).toThrow(/CHECK constraint/);
    expect(() => db.exec(`INSERT INTO lease6 ${COLS} VALUES ('na', '2001:db8::1', 'aa', 'x', 1, 1, 1, 1, 1, 'assigned')`)).toThrow(/cannot store TEXT/);
  });
});

describe('migrations', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = new TempDir();
  });
  afterEach(() => tmp.remove());

  const version = (db: Database.Database) => db.prepare('SELECT version FROM schema_version').pluck().get();

  it('creates the newest schema once and leaves it alone on reopen', () => {
    openDatabase({ path: tmp.file() }).close();
    const db = openDatabase({ path: tmp.file() });
    expect(version(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT count(*) FROM schema_version').pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a database from a newer Fulmar', () => {
    const db = openDatabase({ path: tmp.file() });
    db.exec(`UPDATE schema_version SET version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase({ path: tmp.file() })).toThrow(SchemaVersionError);
  });

  it('sets WAL and the synchronous level of each durability', () => {
    const levels = (['process', 'power'] as const).map((durability) => {
      const db = openDatabase({ path: tmp.file(), durability });
      const r = [db.pragma('journal_mode', { simple: true }), db.pragma('synchronous', { simple: true })];
      db.close();
      return r;
    });
    expect(levels).toEqual([
      ['wal', 1], // NORMAL
      ['wal', 2], // FULL
    ]);
  });
});

describe('migration 2', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = new TempDir();
  });
  afterEach(() => tmp.remove());

  it('takes a version 1 database with its leases to the newest schema, dropping the client index', () => {
    const v1 = new Database(tmp.file());
    v1.exec('CREATE TABLE schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL) STRICT');
    v1.exec(MIGRATIONS[0]!);
    v1.exec(`INSERT INTO schema_version VALUES (1, 1); INSERT INTO lease6 ${COLS} VALUES ${row('2001:db8::1', 'aa')}`);
    v1.close();
    const db = openDatabase({ path: tmp.file() });
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'lease6' AND sql IS NOT NULL`).pluck().all();
    expect(indexes).toEqual(['lease6_expiry']);
    expect(db.prepare('SELECT duid FROM lease6').pluck().all()).toEqual(['aa']);
    expect(db.prepare('SELECT version FROM schema_version').pluck().get()).toBe(MIGRATIONS.length);
    db.close();
  });
});
