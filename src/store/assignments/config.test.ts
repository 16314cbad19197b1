import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignmentSourceSchema, openAssignmentSource } from './config.js';
import { HEADER, TempDir } from './testing.js';

function issues(input: unknown): string[] {
  const r = assignmentSourceSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('assignmentSourceSchema', () => {
  it('fills defaults', () => {
    expect(assignmentSourceSchema.parse({ type: 'csv', path: 'a.csv' })).toEqual({ type: 'csv', path: 'a.csv', 'max-delete-share': 0.1 });
    expect(assignmentSourceSchema.parse({ type: 'sqlite', path: 'a.db' })).toEqual({ type: 'sqlite', path: 'a.db', table: 'assignments' });
    expect(assignmentSourceSchema.parse({ type: 'postgresql', url: 'postgres://h/db' })).toEqual({
      type: 'postgresql',
      url: 'postgres://h/db',
      table: 'assignments',
      'pool-size': 4,
      'query-timeout': 500,
    });
  });

  it('names the field that is wrong', () => {
    expect(issues({ type: 'csv', path: 'a.csv', 'max-delete-share': 10 })).toEqual(['max-delete-share: at most 1 (a share, 0.1 = 10 %)']);
    expect(issues({ type: 'csv', path: 'a.csv', extra: 1 })).toEqual([': Unrecognized key: "extra"']);
    expect(issues({ type: 'sqlite', path: 'a.db', table: 'x y' })).toEqual([
      'table: not an SQL identifier: a letter or "_", then letters, digits or "_", at most 63 characters',
    ]);
    expect(issues({ type: 'postgresql' })).toEqual(['url: give "url" or "host"']);
    expect(issues({ type: 'postgresql', url: 'postgres://h/db', host: 'h' })).toEqual(['url: give either "url" or host, port, database, user and password, not both']);
    expect(issues({ type: 'postgresql', url: 'mysql://h/db' })).toEqual(['url: a URL starting postgres:// or postgresql://']);
    expect(issues({ type: 'postgresql', host: 'h', 'pool-size': 0 })).toEqual(['pool-size: Too small: expected number to be >=1']);
    expect(issues({ type: 'mysql' })).toHaveLength(1);
  });

  it('describes every field (for the JSON Schema)', () => {
    const schema = JSON.stringify(assignmentSourceSchema.toJSONSchema?.() ?? {});
    for (const key of ['max-delete-share', 'pool-size', 'query-timeout']) expect(schema).toContain(key);
  });
});

describe('openAssignmentSource', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = new TempDir();
  });
  afterEach(() => tmp.remove());

  it('opens each kind with paths relative to the config folder', async () => {
    writeFileSync(tmp.file('a.csv'), `${HEADER}\nduid,0001,2001:db8::1,,\n`);
    const csv = await openAssignmentSource('files', assignmentSourceSchema.parse({ type: 'csv', path: 'a.csv' }), tmp.path);
    expect(csv.kind).toBe('csv');
    expect(await csv.lookup('duid', '0001')).toMatchObject({ address: '2001:db8::1' });
    const db = await openAssignmentSource('db', assignmentSourceSchema.parse({ type: 'sqlite', path: 'a.db' }), tmp.path);
    expect(db.kind).toBe('sqlite');
    expect(await db.count()).toBe(0);
    await Promise.all([csv.close(), db.close()]);
  });

  it('passes a deeper options check to the CSV', async () => {
    writeFileSync(tmp.file('a.csv'), `${HEADER}\nduid,0001,2001:db8::1,,"[{""nam"":1}]"\n`);
    const check = (list: readonly unknown[]): string | undefined => (list.every((o) => 'name' in (o as object)) ? undefined : 'option 0 needs "name"');
    await expect(openAssignmentSource('files', { type: 'csv', path: 'a.csv', 'max-delete-share': 0.1 }, tmp.path, { checkOptions: check })).rejects.toThrow(
      `${tmp.file('a.csv')}:2: bad options: option 0 needs "name"`,
    );
  });
});
