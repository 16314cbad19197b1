/**
 * Lease6 ↔ positional SQLite rows. One column order serves INSERT, the SET
 * list of UPDATE (the key comes last, for its WHERE) and SELECT, so a row
 * array is built once per change and bound as it is.
 */
import { LeaseInvalidError } from '../errors.js';
import type { Lease6, LeaseState, LeaseType6, LeaseVersion6 } from '../types.js';

export const COLUMNS =
  'duid, iaid, subnet_id, preferred_lifetime, valid_lifetime, cltt, expires_at, state, hwaddr, hostname, user_context, type, address';

export const SET_COLUMNS = COLUMNS.split(', ')
  .slice(0, -2)
  .map((c) => `${c} = ?`)
  .join(', ');

export const VERSION_MATCHES = 'duid = ? AND iaid = ? AND state = ? AND cltt = ? AND expires_at = ?';

export type Row6 = [
  duid: string,
  iaid: number,
  subnetId: number,
  preferredLifetime: number,
  validLifetime: number,
  cltt: number,
  expiresAt: number,
  state: LeaseState,
  hwaddr: string | null,
  hostname: string | null,
  userContext: string | null,
  type: LeaseType6,
  address: string,
];

function json(ctx: Record<string, unknown>): string {
  try {
    return JSON.stringify(ctx);
  } catch (e) {
    throw new LeaseInvalidError('userContext', `is not JSON: ${(e as Error).message}`);
  }
}

export function toRow(l: Lease6): Row6 {
  return [
    l.duid,
    l.iaid,
    l.subnetId,
    l.preferredLifetime,
    l.validLifetime,
    l.cltt,
    l.expiresAt,
    l.state,
    l.hwaddr ?? null,
    l.hostname ?? null,
    l.userContext ? json(l.userContext) : null,
    l.type,
    l.address,
  ];
}

export function fromRow(r: Row6): Lease6 {
  const l: Lease6 = {
    type: r[11],
    address: r[12],
    duid: r[0],
    iaid: r[1],
    subnetId: r[2],
    preferredLifetime: r[3],
    validLifetime: r[4],
    cltt: r[5],
    expiresAt: r[6],
    state: r[7],
  };
  if (r[8] !== null) l.hwaddr = r[8];
  if (r[9] !== null) l.hostname = r[9];
  if (r[10] !== null) l.userContext = JSON.parse(r[10]) as Record<string, unknown>;
  return l;
}

export function versionParams(v: LeaseVersion6): unknown[] {
  return [v.duid, v.iaid, v.state, v.cltt, v.expiresAt];
}
