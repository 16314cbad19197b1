import { canonicalIpv6 } from '../../protocol/index.js';
import { formatPrefix6, parsePrefix6 } from '../../protocol/net6.js';
import type { Lease6, LeaseStore6 } from '../../store/types.js';

/** Which clients to reconfigure (lease6-reconfigure's arguments); declared here so the server does not import the control layer. */
export interface ReconfigureQuery {
  duid?: string;
  address?: string;
  prefix?: string;
  subnetId?: number;
  /** 'renew' (default) or 'information-request' (RFC 8415 §21.19). */
  message?: 'renew' | 'information-request';
  /** Reconfigure messages per second for a subnet-wide run. */
  rate?: number;
}

/** A query that names no client, or more than one way of naming them. */
export class ReconfigureQueryError extends Error {
  override readonly name = 'ReconfigureQueryError';
  readonly code = 'RECONFIGURE_BAD_QUERY';
}

/** Leases read per store page in a subnet-wide run. */
export const PAGE = 1000;

function live(l: Lease6 | undefined, nowSec: number): l is Lease6 {
  return l !== undefined && l.state === 'assigned' && l.expiresAt >= nowSec;
}

/** "00:03:00:01:..." or "0003..." → lowercase hex, as the stores keep DUIDs. */
export function normaliseDuid(s: string): string {
  const hex = s.replace(/[:\-\s]/g, '').toLowerCase();
  if (!/^(?:[0-9a-f]{2}){2,130}$/.test(hex)) throw new ReconfigureQueryError(`duid ${JSON.stringify(s)}: expected 2 to 130 bytes of hex`);
  return hex;
}

/**
 * The DUIDs a query names, each once. By DUID: that client, lease or not (a
 * stateless client holds its key without a lease). By address or prefix: the
 * holder of that live lease. By subnet: every holder of a live lease there,
 * read a page at a time; the set of DUIDs already yielded grows with the
 * subnet (a client with an address and a prefix appears twice in address order).
 */
export async function* targetDuids(leases: LeaseStore6, q: ReconfigureQuery, nowSec: number): AsyncGenerator<string> {
  const given = [q.duid, q.address, q.prefix, q.subnetId].filter((v) => v !== undefined).length;
  if (given !== 1) throw new ReconfigureQueryError('give exactly one of duid, address, prefix, subnet-id');
  if (q.duid !== undefined) {
    yield normaliseDuid(q.duid);
  } else if (q.address !== undefined) {
    const a = canonicalIpv6(q.address);
    if (!a) throw new ReconfigureQueryError(`address ${JSON.stringify(q.address)}: not an IPv6 address`);
    const l = (await leases.get('na', a)) ?? (await leases.get('ta', a));
    if (live(l, nowSec)) yield l.duid;
  } else if (q.prefix !== undefined) {
    const p = parsePrefix6(q.prefix);
    if (!p) throw new ReconfigureQueryError(`prefix ${JSON.stringify(q.prefix)}: expected address/length with the host bits zero`);
    const l = await leases.get('pd', formatPrefix6(p));
    if (live(l, nowSec)) yield l.duid;
  } else {
    const seen = new Set<string>();
    let after: string | undefined;
    for (;;) {
      const page = await leases.page(after, PAGE);
      for (const l of page) {
        if (l.subnetId !== q.subnetId || !live(l, nowSec) || seen.has(l.duid)) continue;
        seen.add(l.duid);
        yield l.duid;
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.address;
    }
  }
}
