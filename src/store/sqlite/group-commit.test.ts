import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreOverloadError } from '../errors.js';
import { TempDir } from '../testing/tmpdb.js';
import { GroupCommit } from './group-commit.js';

describe('GroupCommit', () => {
  let tmp: TempDir;
  let db: Database.Database;
  let rows: () => number[];
  beforeEach(() => {
    tmp = new TempDir();
    db = new Database(tmp.file(), { timeout: 20 });
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    const select = db.prepare('SELECT n FROM t ORDER BY n').pluck();
    rows = () => select.all() as number[];
  });
  afterEach(() => {
    db.close();
    tmp.remove();
  });

  const put = (n: number) => () => db.prepare('INSERT INTO t VALUES (?)').run(n).changes;

  it('resolves each job with its result after one transaction, not before', async () => {
    const group = new GroupCommit(db, 100);
    const done = [group.submit(1, put(1)), group.submit(1, put(2))];
    expect(rows()).toEqual([]);
    expect(await Promise.all(done)).toEqual([1, 1]);
    expect(rows()).toEqual([1, 2]);
    expect(group.stats).toEqual({ groups: 1, jobs: 2 });
  });

  it('rolls back a failing job alone; the others in its group commit', async () => {
    const group = new GroupCommit(db, 100);
    const twice = () => {
      put(3)();
      put(1)(); // primary key: 1 is taken by the first job
    };
    const results = await Promise.allSettled([group.submit(1, put(1)), group.submit(2, twice), group.submit(1, put(2))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(rows()).toEqual([1, 2]);
  });

  it('sheds load once the queue holds its limit, and takes work again after the flush', async () => {
    const group = new GroupCommit(db, 3);
    const ok = [group.submit(2, put(1)), group.submit(1, put(2))];
    const shed = group.submit(1, put(3));
    await expect(shed).rejects.toBeInstanceOf(StoreOverloadError);
    await expect(shed).rejects.toMatchObject({ code: 'STORE_OVERLOAD', pending: 3, limit: 3 });
    await Promise.all(ok);
    await group.submit(1, put(3));
    expect(rows()).toEqual([1, 2, 3]);
  });

  it('takes one batch larger than the limit when nothing waits', async () => {
    const group = new GroupCommit(db, 3);
    await group.submit(10, put(1));
    expect(rows()).toEqual([1]);
  });

  it('rejects every job when the transaction cannot happen, and recovers', async () => {
    const other = new Database(tmp.file());
    other.exec('BEGIN IMMEDIATE'); // holds the write lock past our 20 ms busy timeout
    const group = new GroupCommit(db, 100);
    const results = await Promise.allSettled([group.submit(1, put(1)), group.submit(1, put(2))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('ROLLBACK');
    other.close();
    await group.submit(1, put(3));
    expect(rows()).toEqual([3]);
  });

  it('spaces commits at least minGapMs apart under load (the last group held several jobs), not after a lone one', async () => {
    const group = new GroupCommit(db, 100, 60);
    await Promise.all([group.submit(1, put(1)), group.submit(1, put(2))]); // a group of two: load
    const t0 = performance.now();
    const later = [group.submit(1, put(3)), group.submit(1, put(4))];
    await new Promise((r) => setImmediate(r));
    expect(rows()).toEqual([1, 2]); // still waiting for the gap
    await Promise.all(later);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(50);
    expect(group.stats).toEqual({ groups: 2, jobs: 4 });
    await new Promise((r) => setTimeout(r, 80));
    const t1 = performance.now();
    await group.submit(1, put(5)); // after a quiet spell: at once
    await group.submit(1, put(6)); // right after a lone job: at once too
    expect(performance.now() - t1).toBeLessThan(40);
    expect(rows()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
