import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Option } from '../../protocol/index.js';

/**
 * The Reconfigure Key Authentication Protocol (RFC 8415 §20.4). The
 * Authentication option (§21.11) carries protocol 3, algorithm 1 (HMAC-MD5),
 * RDM 0 (a monotonically increasing counter in the 8-byte replay detection
 * field), then 17 bytes of information (§20.4.1):
 *
 *   type (1 byte)  1: the reconfigure key, in a Reply
 *                  2: the HMAC-MD5 digest of the message, in a Reconfigure
 *   value (16 bytes)
 *
 * Pure functions: the caller owns keys and counters.
 */

export const RKAP_PROTOCOL = 3;
export const HMAC_MD5 = 1;
export const RDM_COUNTER = 0;
export const KEY_VALUE = 1;
export const HMAC_DIGEST = 2;
/** §20.4: the reconfigure key is 128 bits. */
export const KEY_BYTES = 16;

const AUTH_CODE = 11;
const RECONFIGURE = 10;
/** protocol, algorithm, RDM, replay detection. */
const AUTH_HEAD = 3 + 8;
const AUTH_LEN = AUTH_HEAD + 1 + KEY_BYTES;

function authOption(replay: bigint, type: number, value: Buffer): Option {
  const rd = Buffer.alloc(8);
  rd.writeBigUInt64BE(BigInt.asUintN(64, replay));
  return {
    code: AUTH_CODE,
    name: 'auth',
    value: { protocol: RKAP_PROTOCOL, algorithm: HMAC_MD5, rdm: RDM_COUNTER, replayDetection: rd.toString('hex'), info: type.toString(16).padStart(2, '0') + value.toString('hex') },
  };
}

/** The Authentication option of a Reply: hands the client its key (§20.4.2). */
export function keyOption(key: Buffer, replay: bigint): Option {
  if (key.length !== KEY_BYTES) throw new RangeError(`a reconfigure key is ${KEY_BYTES} bytes, not ${key.length}`);
  return authOption(replay, KEY_VALUE, key);
}

/** The Authentication option of a Reconfigure with the digest zeroed: signReconfigure fills it after encoding. */
export function digestOption(replay: bigint): Option {
  return authOption(replay, HMAC_DIGEST, Buffer.alloc(KEY_BYTES));
}

/**
 * Offset of the 16-byte HMAC field in an encoded Reconfigure (the message
 * itself, not a Relay-reply around it), or -1 when it has no RKAP digest
 * option. Walks the top-level options only; the walk is bounded by the length.
 */
export function digestOffset(msg: Uint8Array): number {
  if (msg.length < 4 || msg[0] !== RECONFIGURE) return -1;
  let p = 4;
  while (p + 4 <= msg.length) {
    const code = (msg[p]! << 8) | msg[p + 1]!;
    const len = (msg[p + 2]! << 8) | msg[p + 3]!;
    const data = p + 4;
    if (data + len > msg.length) return -1;
    if (code === AUTH_CODE) {
      const ok = len === AUTH_LEN && msg[data] === RKAP_PROTOCOL && msg[data + 1] === HMAC_MD5 && msg[data + 2] === RDM_COUNTER && msg[data + AUTH_HEAD] === HMAC_DIGEST;
      return ok ? data + AUTH_HEAD + 1 : -1;
    }
    p = data + len;
  }
  return -1;
}

function hmacWithZeroedDigest(msg: Uint8Array, at: number, key: Buffer): Buffer {
  const copy = Buffer.from(msg);
  copy.fill(0, at, at + KEY_BYTES);
  return createHmac('md5', key).update(copy).digest();
}

/**
 * §20.4.2: the HMAC-MD5 over the whole Reconfigure, Authentication option
 * included with its digest field zero, written into that field. Returns a
 * new Buffer; throws when the message has no RKAP digest option.
 */
export function signReconfigure(encoded: Buffer, key: Buffer): Buffer {
  const at = digestOffset(encoded);
  if (at < 0) throw new Error('not a Reconfigure with an RKAP Authentication option');
  const out = Buffer.from(encoded);
  hmacWithZeroedDigest(out, at, key).copy(out, at);
  return out;
}

/** §20.4.3, what a client does: recompute the HMAC with the digest zeroed and compare. */
export function verifyReconfigure(bytes: Uint8Array, key: Buffer): boolean {
  const at = digestOffset(bytes);
  if (at < 0) return false;
  const want = hmacWithZeroedDigest(bytes, at, key);
  return timingSafeEqual(want, Buffer.from(bytes.buffer, bytes.byteOffset + at, KEY_BYTES));
}

/** The replay detection value of an encoded Reconfigure's RKAP option, for a client's replay check. */
export function replayOf(bytes: Uint8Array): bigint | undefined {
  const at = digestOffset(bytes);
  if (at < 0) return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset + at - 1 - 8, 8).readBigUInt64BE();
}

/**
 * RDM 0 wants a strictly increasing value (§20.3). Milliseconds since the
 * epoch times 1024, or the last value plus one if that is larger: strictly
 * increasing within a process, and a restarted process starts above
 * everything its predecessor sent unless that one averaged over 1024
 * messages per millisecond or the clock stepped back. Below 2^53 until the
 * year 2248, so plain numbers stay exact.
 */
export class ReplayCounter {
  private last = 0;

  constructor(private readonly nowMs: () => number = Date.now) {}

  next(): bigint {
    this.last = Math.max(this.last + 1, Math.floor(this.nowMs()) * 1024);
    return BigInt(this.last);
  }
}
