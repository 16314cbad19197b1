import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AssignmentConflictError, AssignmentTimeoutError } from './errors.js';
import { PostgresAssignmentSource } from './postgres.js';

const URL = process.env.FULMAR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
let admin: pg.Client;
let table: string;
let source: PostgresAssignmentSource;
let n = 0;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: URL });
  await admin.connect();
});
afterAll(() => admin.end());
beforeEach(async () => {
  table = `fulmar_assign_${process.pid}_${Date.now() % 1e6}_${n++}`;
  source = await PostgresAssignmentSource.open({ name: 'pg', url: URL, table, queryTimeoutMs: 300, poolSize: 2 });
});
afterEach(async () => {
  await source.close();
  await admin.query(`DROP TABLE IF EXISTS "${table}"`);
});

describe('PostgresAssignmentSource', () => {
  it('creates the table and sees changes by others without a reload', async () => {
    expect(await source.lookup('duid', '0001')).toBeUndefined();
    await admin.query(`INSERT INTO "${table}" (id_type, id, address, options) VALUES ('duid', '0001', '2001:db8::1', '[{"name":"dns-servers","value":["2001:db8::53"]}]')`);
    expect(await source.lookup('duid', '0001')).toEqual({ address: '2001:db8::1', options: [{ name: 'dns-servers', value: ['2001:db8::53'] }] });
    await admin.query(`UPDATE "${table}" SET address = '2001:db8::2'`);
    expect(await source.lookup('duid', '0001')).toEqual({ address: '2001:db8::2', options: [{ name: 'dns-servers', value: ['2001:db8::53'] }] });
  });

  it('puts, removes, pages in key order and counts', async () => {
    for (let i = 0; i < 25; i++) {
      await source.put({ idType: i % 3 ? 'hw-address' : 'interface-id', id: `00:00:00:00:00:${(i * 7).toString(16).padStart(2, '0')}`, prefix: `2001:db8:${i}::/48` });
    }
    await source.put({ idType: 'hw-address', id: '000000000007', address: '2001:db8::7' });
    expect(await source.lookup('hw-address', '000000000007')).toEqual({ address: '2001:db8::7' });
    expect(await source.count()).toBe(25);
    const a = await source.page(undefined, 10);
    const b = await source.page(a.at(-1), 10);
    const c = await source.page(b.at(-1), 10);
    const keys = [...a, ...b, ...c].map((e) => `${e.idType} ${e.id}`);
    expect(keys).toHaveLength(25);
    expect(keys).toEqual([...keys].sort());
    expect(await source.remove('hw-address', '000000000007')).toBe(true);
    expect(await source.remove('hw-address', '000000000007')).toBe(false);
    expect(await source.count()).toBe(24);
  });

  it('refuses a second owner of an address, naming the holder', async () => {
    await source.put({ idType: 'remote-id', id: '4491:0a', prefix: '2001:db8:100::/56' });
    const e = await source.put({ idType: 'duid', id: '02', prefix: '2001:db8:100:0::/56' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AssignmentConflictError);
    expect((e as Error).message).toBe('prefix 2001:db8:100::/56 is already assigned to remote-id 4491:0a');
  });

  it('rejects a lookup that takes longer than the query timeout, and recovers', async () => {
    const locker = new pg.Client({ connectionString: URL });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
    const started = Date.now();
    const e = await source.lookup('duid', '0001').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AssignmentTimeoutError);
    expect((e as Error).message).toBe('assignment source "pg": lookup timed out after 300 ms');
    expect(Date.now() - started).toBeLessThan(1000);
    await locker.query('ROLLBACK');
    await locker.end();
    // The server cancelled the statement, so the pool is usable again.
    await admin.query(`INSERT INTO "${table}" (id_type, id, address) VALUES ('duid', '0001', '2001:db8::1')`);
    expect(await source.lookup('duid', '0001')).toEqual({ address: '2001:db8::1' });
  });

  it('names the source when it cannot connect', async () => {
    await expect(PostgresAssignmentSource.open({ name: 'down', host: '127.0.0.1', port: 1, database: 'x', user: 'x', table: 't' })).rejects.toThrow(
      /^postgresql assignment source "down": .*ECONNREFUSED/,
    );
  });
});
