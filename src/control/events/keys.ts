import { createHash, createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export const MIN_KEY_BYTES = 32;

/** The anonymisation secret: the file's bytes, at least 32 of them. */
export async function loadKey(path: string): Promise<Buffer> {
  const b = await readFile(path);
  if (b.length < MIN_KEY_BYTES) throw new Error(`anonymise key-file ${path}: ${b.length} bytes, need at least ${MIN_KEY_BYTES}`);
  return b;
}

/**
 * Independent subkeys for addresses and identifiers, so a leak of one mapping
 * says nothing about the other and the key file may be any length or form.
 */
export function deriveKeys(secret: Uint8Array): { address: Buffer; identifier: Buffer } {
  const sub = (label: string): Buffer => createHmac('sha256', secret).update(label).digest();
  return { address: sub('fulmar-events address v1'), identifier: sub('fulmar-events identifier v1') };
}

/** HMAC-SHA256 of the lowercased text (hex case must not change the result), first 16 bytes as hex. */
export function identifierHasher(key: Uint8Array): (id: string) => string {
  return (id) => createHmac('sha256', key).update(id.toLowerCase()).digest().subarray(0, 16).toString('hex');
}

/** A short fingerprint of a key, for logs: which key is in use without revealing it. */
export function keyFingerprint(key: Uint8Array): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
