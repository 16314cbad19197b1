import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Authenticator } from '../../control/auth/authenticator.js';
import { loadAuthFile } from '../../control/auth/file.js';
import { runFulmar } from '../testing.js';

const dir = mkdtempSync(join(tmpdir(), 'fulmar-auth-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fulmar = (args: string[], stdin?: string) => runFulmar(args, stdin);

describe('fulmar auth add', () => {
  const file = join(dir, 'users.json');

  it('generates a secret, prints it once, and stores only its hash', async () => {
    const r = await fulmar(['auth', 'add', 'ops', '--role', 'read-write', '--file', file]);
    expect(r.code).toBe(0);
    const secret = r.stdout.trim();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(file, 'utf8')).not.toContain(secret);
    const auth = new Authenticator(await loadAuthFile(file));
    expect(await auth.authenticate(`Bearer ${secret}`)).toEqual({ ok: true, user: { name: 'ops', role: 'read-write' } });
  });

  it('stores a password from stdin scrypt-hashed', async () => {
    const r = await fulmar(['auth', 'add', 'viewer', '--role', 'read-only', '--file', file, '--password-stdin'], 'a long password\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const users = await loadAuthFile(file);
    expect(users.map((u) => u.name)).toEqual(['ops', 'viewer']);
    expect(users[1]!.hash).toMatch(/^scrypt\$/);
    const basic = `Basic ${Buffer.from('viewer:a long password').toString('base64')}`;
    expect(await new Authenticator(users).authenticate(basic)).toEqual({ ok: true, user: { name: 'viewer', role: 'read-only' } });
  });

  it('refuses a bad name, a bad role and a short password', async () => {
    expect((await fulmar(['auth', 'add', 'a:b', '--role', 'read-only', '--file', file])).stderr).toBe(`fulmar: auth file ${file}: users[2].name: must be 1 to 64 letters, digits or . _ @ -\n`);
    expect((await fulmar(['auth', 'add', 'x', '--role', 'admin', '--file', file])).stderr).toMatch(/argument 'admin' is invalid/);
    expect((await fulmar(['auth', 'add', 'x', '--role', 'read-only', '--file', file, '--password-stdin'], 'short')).stderr).toBe('fulmar: password: at least 8 characters\n');
  });
});
