import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAuthFile, parseAuthFile, putUser } from './file.js';
import { hashToken } from './hash.js';

const dir = mkdtempSync(join(tmpdir(), 'fulmar-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const H = hashToken('x');

describe('users file', () => {
  it('names the file and the entry of every problem', () => {
    expect(() => parseAuthFile({ users: [{ name: 'a b', role: 'read-only', hash: H }] }, 'f.json')).toThrow('auth file f.json: users[0].name: must be 1 to 64 letters, digits or . _ @ -');
    expect(() => parseAuthFile({ users: [{ name: 'a', role: 'read-only', hash: 'x' }] }, 'f.json')).toThrow('auth file f.json: users[0].hash: not "sha256$<64 hex>" or "scrypt$N$r$p$salt$key"');
    expect(() => parseAuthFile({ users: [{ name: 'a', role: 'read-only', hash: H, extra: 1 }] }, 'f.json')).toThrow('auth file f.json: users[0]: unknown key(s): "extra"');
    expect(() => parseAuthFile({ users: [{ name: 'a', role: 'read-only', hash: H }, { name: 'a', role: 'read-only', hash: H }] }, 'f.json')).toThrow('auth file f.json: users[1].name: "a" appears twice');
    expect(() => parseAuthFile({}, 'f.json')).toThrow('auth file f.json: users: required');
  });

  it('says when the file cannot be read or is not JSON', async () => {
    await expect(loadAuthFile(join(dir, 'none.json'))).rejects.toThrow(`auth file ${join(dir, 'none.json')}: cannot read: ENOENT`);
    writeFileSync(join(dir, 'bad.json'), '{');
    await expect(loadAuthFile(join(dir, 'bad.json'))).rejects.toThrow(/: not valid JSON: /);
  });

  it('creates the file 0600, then adds and replaces users', async () => {
    const f = join(dir, 'users.json');
    await putUser(f, { name: 'a', role: 'read-only', hash: H });
    await putUser(f, { name: 'b', role: 'read-write', hash: H });
    await putUser(f, { name: 'a', role: 'read-write', hash: H });
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(f, 'utf8')).users.map((u: { name: string; role: string }) => `${u.name} ${u.role}`)).toEqual(['b read-write', 'a read-write']);
  });
});
