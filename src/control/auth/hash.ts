import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Stored secrets. Generated tokens are 32 random bytes, so a fast SHA-256 is
 * enough (nothing to brute-force); passwords people chose get scrypt.
 *
 *   sha256$<64 hex>
 *   scrypt$<N>$<r>$<p>$<salt base64>$<key base64>
 */

export const SHA256_RE = /^sha256\$[0-9a-f]{64}$/;
export const SCRYPT_RE = /^scrypt\$([0-9]{1,7})\$([0-9]{1,2})\$([0-9]{1,2})\$([A-Za-z0-9+/]{16,88}={0,2})\$([A-Za-z0-9+/]{43,88}={0,2})$/;

/** Cost parameters of new password hashes (about 50 ms, 16 MiB). */
const N = 16384;
const R = 8;
const P = 1;
/** Bounds on parameters read from a file, so a hostile file cannot make us allocate gigabytes. */
const MAX_N = 1 << 17;
const MAX_R = 32;
const MAX_P = 16;

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A new bearer token: 32 random bytes, base64url (no ':' so it cannot be mistaken for NAME:SECRET). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(secret: string): string {
  return `sha256$${sha256Hex(secret)}`;
}

function scryptAsync(secret: string, salt: Buffer, n: number, r: number, p: number, len: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, len, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N, R, P, 32);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Why a stored hash is unusable, or undefined when it is fine. */
export function hashProblem(hash: string): string | undefined {
  if (SHA256_RE.test(hash)) return undefined;
  const m = SCRYPT_RE.exec(hash);
  if (!m) return 'not "sha256$<64 hex>" or "scrypt$N$r$p$salt$key"';
  const [n, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (n < 2 || n > MAX_N || (n & (n - 1)) !== 0) return `scrypt N must be a power of 2 up to ${MAX_N}`;
  if (r < 1 || r > MAX_R) return `scrypt r must be 1..${MAX_R}`;
  if (p < 1 || p > MAX_P) return `scrypt p must be 1..${MAX_P}`;
  return undefined;
}

/** Constant-time check of a secret against a stored hash (checked by hashProblem first). */
export async function verifySecret(hash: string, secret: string): Promise<boolean> {
  if (hash.startsWith('sha256$')) {
    return timingSafeEqual(Buffer.from(hash.slice(7), 'hex'), createHash('sha256').update(secret).digest());
  }
  const m = SCRYPT_RE.exec(hash);
  if (!m) return false;
  const want = Buffer.from(m[5]!, 'base64');
  const got = await scryptAsync(secret, Buffer.from(m[4]!, 'base64'), Number(m[1]), Number(m[2]), Number(m[3]), want.length);
  return timingSafeEqual(got, want);
}
