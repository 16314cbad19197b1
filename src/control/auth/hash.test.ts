import { describe, expect, it } from 'vitest';
import { hashPassword, hashProblem, hashToken, newSecret, verifySecret } from './hash.js';

describe('secret hashes', () => {
  it('verifies a generated token by SHA-256 and a password by scrypt', async () => {
    const token = newSecret();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await verifySecret(hashToken(token), token)).toBe(true);
    expect(await verifySecret(hashToken(token), `${token}x`)).toBe(false);
    const h = await hashPassword('pw');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hashProblem(h)).toBeUndefined();
    expect(await verifySecret(h, 'pw')).toBe(true);
    expect(await verifySecret(h, 'pW')).toBe(false);
  });

  it('refuses malformed hashes and costs that would exhaust memory', () => {
    expect(hashProblem('md5$abc')).toBe('not "sha256$<64 hex>" or "scrypt$N$r$p$salt$key"');
    const key = Buffer.alloc(32).toString('base64');
    const salt = Buffer.alloc(16).toString('base64');
    expect(hashProblem(`scrypt$1048576$8$1$${salt}$${key}`)).toBe('scrypt N must be a power of 2 up to 131072');
    expect(hashProblem(`scrypt$1000$8$1$${salt}$${key}`)).toBe('scrypt N must be a power of 2 up to 131072');
    expect(hashProblem(`scrypt$1024$64$1$${salt}$${key}`)).toBe('scrypt r must be 1..32');
  });
});
