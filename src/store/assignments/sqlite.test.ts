import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssignmentConflictError, AssignmentDataError, AssignmentInvalidError } from './errors.js';
import { SqliteAssignmentSource } from './sqlite.js';
import { TempDir } from './testing.js';

let tmp: TempDir;
let source: SqliteAssignmentSource;
beforeEach(() => {
  tmp = new TempDir();
  source = new SqliteAssignmentSource({ name: 'db', path: tmp.file('a.db'), table: 'static_v6' });
});
afterEach(async () => {
  await source.close();
  tmp.remove();
});

describe('SqliteAssignmentSource', () => {
  it('creates the table and answers lookups synchronously', async () => {
    await source.put({ idType: 'hw-address', id: '00:11:22:33:44:55', address: '2001:DB8::1', options: [{ name: 'dns-servers', value: ['2001:db8::53'] }] });
    const got = source.lookup('hw-address', '001122334455');
    expect(got).not.toBeInstanceOf(Promise);
    expect(got).toEqual({ address: '2001:db8::1', options: [{ name: 'dns-servers', value: ['2001:db8::53'] }] });
    expect(source.lookup('hw-address', '001122334456')).toBeUndefined();
  });

  it('sees changes made by another connection at once, without a reload', () => {
    const other = new Database(tmp.file('a.db'));
    other.prepare('INSERT INTO static_v6 (id_type, id, prefix) VALUES (?, ?, ?)').run('remote-id', '4491:0a0b', '2001:db8:100::/56');
    expect(source.lookup('remote-id', '4491:0a0b')).toEqual({ prefix: '2001:db8:100::/56' });
    other.prepare('UPDATE static_v6 SET prefix = ? WHERE id = ?').run('2001:db8:200::/56', '4491:0a0b');
    expect(source.lookup('remote-id', '4491:0a0b')).toEqual({ prefix: '2001:db8:200::/56' });
    other.prepare('DELETE FROM static_v6').run();
    expect(source.lookup('remote-id', '4491:0a0b')).toBeUndefined();
    other.close();
  });

  it('upserts, removes, pages in key order and counts', async () => {
    for (let i = 0; i < 30; i++) await source.put({ idType: i % 2 ? 'duid' : 'flex-id', id: i % 2 ? `00${(100 - i).toString(16)}` : `port-${i}`, prefix: `2001:db8:${i}::/48` });
    await source.put({ idType: 'duid', id: '0063', prefix: '2001:db8:ff::/48' });
    expect(source.lookup('duid', '0063')).toEqual({ prefix: '2001:db8:ff::/48' });
    expect(await source.count()).toBe(30);
    const first = await source.page(undefined, 20);
    const rest = await source.page(first.at(-1), 20);
    const keys = [...first, ...rest].map((e) => `${e.idType} ${e.id}`);
    expect(keys).toHaveLength(30);
    expect(keys).toEqual([...keys].sort());
    expect(await source.remove('duid', '0063')).toBe(true);
    expect(await source.remove('duid', '0063')).toBe(false);
    expect(await source.count()).toBe(29);
  });

  it('refuses bad entries and a second owner, naming them', async () => {
    await expect(source.put({ idType: 'duid', id: 'xyz', address: '2001:db8::1' })).rejects.toThrow(AssignmentInvalidError);
    await expect(source.put({ idType: 'duid', id: '01' })).rejects.toThrow('address: duid 01 has neither an address nor a prefix');
    await source.put({ idType: 'duid', id: '01', address: '2001:db8::1' });
    const e = await source.put({ idType: 'duid', id: '02', address: '2001:db8:0::1' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AssignmentConflictError);
    expect((e as Error).message).toBe('address 2001:db8::1 is already assigned to duid 01');
  });

  it('says which row is bad when one was written by hand', () => {
    const other = new Database(tmp.file('a.db'));
    other.prepare('INSERT INTO static_v6 (id_type, id, address) VALUES (?, ?, ?)').run('duid', '01', 'not-an-address');
    other.close();
    expect(() => source.lookup('duid', '01')).toThrow(AssignmentDataError);
    expect(() => source.lookup('duid', '01')).toThrow('assignment source "db": row (duid, 01): bad address "not-an-address": not an IPv6 address');
  });

  it('refuses a table name that is not an identifier, and a table of another shape', () => {
    expect(() => new SqliteAssignmentSource({ name: 'x', path: ':memory:', table: 'a; DROP TABLE b' })).toThrow(/not an SQL identifier/);
    const other = new Database(tmp.file('b.db'));
    other.exec('CREATE TABLE assignments (x TEXT)');
    other.close();
    expect(() => new SqliteAssignmentSource({ name: 'x', path: tmp.file('b.db') })).toThrow(/sqlite assignment source "x": .* no such column/);
  });
});
