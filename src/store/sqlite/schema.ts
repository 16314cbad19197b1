/**
 * The SQLite schema as an ordered list of migrations: entry i takes a
 * database from version i to i + 1. Never edit a shipped entry; append.
 */
import type { Database } from 'better-sqlite3';
import { SchemaVersionError } from '../errors.js';

export const MIGRATIONS: readonly string[] = [
  // 1: DHCPv6 leases. One row per address or prefix (the primary key; a
  // prefix is 'prefix/len', so it never collides with an address, and an
  // address cannot be both an NA and a TA), so no two leases can ever share
  // one. A reclaimed row stays for affinity until the address is taken again.
  // STRICT and the CHECKs hold under direct SQL too.
  `CREATE TABLE lease6 (
     type TEXT NOT NULL CHECK (type IN ('na', 'ta', 'pd')),
     address TEXT NOT NULL,
     duid TEXT NOT NULL,
     iaid INTEGER NOT NULL CHECK (iaid BETWEEN 0 AND 4294967295),
     subnet_id INTEGER NOT NULL,
     preferred_lifetime INTEGER NOT NULL,
     valid_lifetime INTEGER NOT NULL,
     cltt INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('assigned', 'declined', 'reclaimed')),
     hwaddr TEXT,
     hostname TEXT,
     user_context TEXT,
     PRIMARY KEY (address)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX lease6_client ON lease6 (duid, iaid, type);
   CREATE INDEX lease6_expiry ON lease6 (expires_at) WHERE state <> 'reclaimed';
   -- A unique key compares rows with each other; taking a live row from its
   -- owner compares a row with its own old value, which only a trigger sees.
   CREATE TRIGGER lease6_one_owner BEFORE UPDATE OF duid, iaid ON lease6
   WHEN OLD.state <> 'reclaimed' AND (NEW.duid <> OLD.duid OR NEW.iaid <> OLD.iaid)
   BEGIN
     SELECT RAISE(ABORT, 'lease6: the address is leased to another client');
   END;`,
  // 2: the store keeps each DUID's addresses in memory (ClientIndex); keeping
  // this index too cost about a fifth of every commit.
  `DROP INDEX lease6_client;`,
];

/** Bring the database up to the newest schema in one transaction; refuse one from a newer Fulmar. */
export function migrate(db: Database): void {
  db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL) STRICT');
    const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    const found = row?.version ?? 0;
    if (found > MIGRATIONS.length) throw new SchemaVersionError(found, MIGRATIONS.length);
    for (let v = found; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.prepare('INSERT OR REPLACE INTO schema_version (id, version) VALUES (1, ?)').run(MIGRATIONS.length);
  }).immediate();
}
