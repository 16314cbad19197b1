import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../atomic-write.js';
import { z } from 'zod';
import { issueMessage } from '../api/issues.js';
import { hashProblem } from './hash.js';

/**
 * The API's users file: `{"users":[{"name":"ops","role":"read-write","hash":"sha256$..."}]}`.
 * Only hashes are stored; see hash.ts for the two forms.
 */

export type Role = 'read-only' | 'read-write';

export interface AuthUser {
  name: string;
  role: Role;
  hash: string;
}

/** Everything bounded: a users file is a short list kept by hand or by `fulmar auth add`. */
export const MAX_USERS = 1000;

const userSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9._@-]{1,64}$/, 'must be 1 to 64 letters, digits or . _ @ -')
    .describe('User name (HTTP Basic user; no ":")'),
  role: z.enum(['read-only', 'read-write']).describe('read-only runs read commands; read-write runs every command'),
  hash: z
    .string()
    .superRefine((h, ctx) => {
      const problem = hashProblem(h);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe('The hashed secret'),
});

export const authFileSchema = z.strictObject({
  users: z.array(userSchema).max(MAX_USERS, `at most ${MAX_USERS} users`),
});

/** A users file that cannot be used; the message names the file and the entry. */
export class AuthFileError extends Error {
  override readonly name = 'AuthFileError';
}

function where(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(top level)';
}

/** Validate a parsed users file; throws AuthFileError naming `file` and the entry. */
export function parseAuthFile(raw: unknown, file: string): AuthUser[] {
  const r = authFileSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new AuthFileError(`auth file ${file}: ${where(i.path)}: ${issueMessage(i)}`);
  }
  const seen = new Set<string>();
  r.data.users.forEach((u, i) => {
    if (seen.has(u.name)) throw new AuthFileError(`auth file ${file}: users[${i}].name: "${u.name}" appears twice`);
    seen.add(u.name);
  });
  return r.data.users;
}

export async function loadAuthFile(file: string): Promise<AuthUser[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new AuthFileError(`auth file ${file}: cannot read: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new AuthFileError(`auth file ${file}: not valid JSON: ${(e as Error).message}`);
  }
  return parseAuthFile(raw, file);
}

/** Add (or replace) one user; the file is created 0600 when missing and replaced atomically. */
export async function putUser(file: string, user: AuthUser): Promise<void> {
  let users: AuthUser[] = [];
  try {
    await readFile(file, 'utf8');
    users = await loadAuthFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const next = [...users.filter((u) => u.name !== user.name), user];
  parseAuthFile({ users: next }, file);
  await writeFileAtomic(file, `${JSON.stringify({ users: next }, null, 2)}\n`);
}
