import { timingSafeEqual } from 'node:crypto';
import type { AuthUser, Role } from './file.js';
import { sha256Hex, verifySecret } from './hash.js';

/**
 * Checks an HTTP Authorization header against the users file:
 *   Basic base64(NAME:SECRET)
 *   Bearer NAME:SECRET
 *   Bearer TOKEN          (a generated token, matched against sha256 entries)
 * Verified credentials are remembered (bounded) so scrypt runs once per
 * credential, not once per request; failures are never remembered.
 */

export interface Principal {
  name: string;
  role: Role;
}

export type AuthOutcome = { ok: true; user: Principal } | { ok: false; reason: 'missing' | 'malformed' | 'wrong' };

const CACHE_MAX = 1000;
/** Longer headers are refused before any decoding or hashing. */
const MAX_HEADER = 4096;

export class Authenticator {
  private readonly byName = new Map<string, AuthUser>();
  private readonly tokens: { user: AuthUser; digest: Buffer }[] = [];
  /** sha256(name NUL secret) -> principal; insertion order makes eviction oldest-first. */
  private readonly cache = new Map<string, Principal>();

  constructor(users: readonly AuthUser[]) {
    for (const u of users) {
      this.byName.set(u.name, u);
      if (u.hash.startsWith('sha256$')) this.tokens.push({ user: u, digest: Buffer.from(u.hash.slice(7), 'hex') });
    }
  }

  get size(): number {
    return this.byName.size;
  }

  async authenticate(header: string | undefined): Promise<AuthOutcome> {
    if (!header) return { ok: false, reason: 'missing' };
    if (header.length > MAX_HEADER) return { ok: false, reason: 'malformed' };
    const space = header.indexOf(' ');
    const scheme = header.slice(0, space).toLowerCase();
    const value = header.slice(space + 1).trim();
    if (space < 0 || !value) return { ok: false, reason: 'malformed' };
    if (scheme === 'basic') {
      const text = Buffer.from(value, 'base64').toString('utf8');
      const colon = text.indexOf(':');
      if (colon <= 0) return { ok: false, reason: 'malformed' };
      return this.withName(text.slice(0, colon), text.slice(colon + 1));
    }
    if (scheme === 'bearer') {
      const colon = value.indexOf(':');
      return colon > 0 ? this.withName(value.slice(0, colon), value.slice(colon + 1)) : this.withToken(value);
    }
    return { ok: false, reason: 'malformed' };
  }

  private async withName(name: string, secret: string): Promise<AuthOutcome> {
    const key = sha256Hex(`${name}\0${secret}`);
    const hit = this.cache.get(key);
    if (hit) return { ok: true, user: hit };
    const user = this.byName.get(name);
    if (!user || !(await verifySecret(user.hash, secret))) return { ok: false, reason: 'wrong' };
    return { ok: true, user: this.remember(key, user) };
  }

  private withToken(token: string): AuthOutcome {
    const digest = Buffer.from(sha256Hex(token), 'hex');
    // Compare against every token user, so the time taken does not say which one matched.
    let found: AuthUser | undefined;
    for (const t of this.tokens) if (timingSafeEqual(t.digest, digest)) found = t.user;
    return found ? { ok: true, user: { name: found.name, role: found.role } } : { ok: false, reason: 'wrong' };
  }

  private remember(key: string, user: AuthUser): Principal {
    const p: Principal = { name: user.name, role: user.role };
    if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, p);
    return p;
  }
}
