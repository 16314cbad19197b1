/**
 * What every LeaseStore6 checks before it queues a change. The key must be
 * canonical, or the unique key would let "2001:DB8::1" and "2001:db8::1" be
 * two owners of one address.
 */
import { formatIpv6, parseIpv6Into } from '../protocol/address.js';
import { LeaseInvalidError } from './errors.js';
import type { Lease6, LeaseChange6, LeaseType6 } from './types.js';

const TYPES: ReadonlySet<string> = new Set(['na', 'ta', 'pd']);
const STATES: ReadonlySet<string> = new Set(['assigned', 'declined', 'reclaimed']);
/** RFC 8415 §11.1: a 2-octet type code and 1 to 128 octets. */
const DUID_HEX = /^(?:[0-9a-f]{2}){3,130}$/;
const HEX = /^(?:[0-9a-f]{2})+$/;
const MAX_HOSTNAME = 255;

const bytes = new Uint8Array(16);

function fail(field: string, reason: string): never {
  throw new LeaseInvalidError(field, reason);
}

function isUint32(v: unknown): boolean {
  return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff;
}

function isTime(v: unknown): boolean {
  return Number.isSafeInteger(v) && (v as number) >= 0;
}

/** The host bits of a /len prefix held in `bytes` are zero. */
function hostBitsZero(len: number): boolean {
  for (let bit = len; bit < 128; bit++) {
    if (bytes[bit >> 3]! & (0x80 >> (bit & 7))) return false;
  }
  return true;
}

export function checkKey6(type: LeaseType6, address: string): void {
  if (!TYPES.has(type)) fail('type', `must be na, ta or pd, not ${String(type)}`);
  if (typeof address !== 'string') fail('address', 'must be a string');
  const slash = address.indexOf('/');
  if (type !== 'pd') {
    if (slash >= 0 || !parseIpv6Into(address, bytes) || formatIpv6(bytes) !== address) {
      fail('address', `${address} is not an RFC 5952 IPv6 address`);
    }
    return;
  }
  const prefix = address.slice(0, slash);
  const lenText = address.slice(slash + 1);
  const len = Number(lenText);
  if (slash < 0 || !/^[1-9][0-9]{0,2}$/.test(lenText) || len > 128) fail('address', `${address} is not prefix/len`);
  if (!parseIpv6Into(prefix, bytes) || formatIpv6(bytes) !== prefix) fail('address', `${prefix} is not an RFC 5952 IPv6 address`);
  if (!hostBitsZero(len)) fail('address', `${address} has bits set past /${len}`);
}

export function checkLease6(l: Lease6): void {
  checkKey6(l.type, l.address);
  if (typeof l.duid !== 'string' || !DUID_HEX.test(l.duid)) fail('duid', `${String(l.duid)} is not 3 to 130 octets of lowercase hex`);
  if (!isUint32(l.iaid)) fail('iaid', `${l.iaid} is not a uint32`);
  if (!isUint32(l.subnetId)) fail('subnetId', `${l.subnetId} is not a uint32`);
  if (!isUint32(l.preferredLifetime)) fail('preferredLifetime', `${l.preferredLifetime} is not a uint32`);
  if (!isUint32(l.validLifetime)) fail('validLifetime', `${l.validLifetime} is not a uint32`);
  if (l.preferredLifetime > l.validLifetime) fail('preferredLifetime', `${l.preferredLifetime} exceeds validLifetime ${l.validLifetime}`);
  if (!isTime(l.cltt)) fail('cltt', `${l.cltt} is not unix seconds`);
  if (l.expiresAt !== l.cltt + l.validLifetime) fail('expiresAt', `${l.expiresAt} is not cltt + validLifetime (${l.cltt + l.validLifetime})`);
  if (!STATES.has(l.state)) fail('state', `must be assigned, declined or reclaimed, not ${String(l.state)}`);
  if (l.hwaddr !== undefined && (typeof l.hwaddr !== 'string' || !HEX.test(l.hwaddr))) fail('hwaddr', `${String(l.hwaddr)} is not lowercase hex`);
  if (l.hostname !== undefined && (typeof l.hostname !== 'string' || l.hostname.length > MAX_HOSTNAME)) {
    fail('hostname', `must be a string of at most ${MAX_HOSTNAME} characters`);
  }
  const ctx = l.userContext;
  if (ctx !== undefined && (typeof ctx !== 'object' || ctx === null || Array.isArray(ctx))) fail('userContext', 'must be an object');
}

export function checkChange6(c: LeaseChange6): void {
  switch (c.op) {
    case 'insert':
    case 'update':
      return checkLease6(c.lease);
    case 'delete':
      return checkKey6(c.type, c.address);
    default:
      fail('op', `must be insert, update or delete, not ${String((c as { op: unknown }).op)}`);
  }
}
