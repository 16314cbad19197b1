import { bigIntToIpv6, parseRange6 } from '../../src/protocol/net6.js';
import { openSqliteLeaseStore6 } from '../../src/store/sqlite/store6.js';
import type { Lease6, LeaseChange6 } from '../../src/store/types.js';

/** Every FREE_EVERY-th slot stays free: a pool 99 % used, with its free slots spread evenly. */
export const FREE_EVERY = 100;
const BATCH = 10_000;
/** Far beyond the bench, so the reclaim timer finds nothing to do. */
const YEAR = 365 * 86_400;

/**
 * Fill an address pool to 99 % with live IA_NA leases, written through the
 * store API in batches, as a long-running server would have left them.
 * Returns how many leases were written.
 */
export async function fillPool(path: string, pool: string, subnetId: number): Promise<number> {
  const range = parseRange6(pool);
  if (!range) throw new Error(`bad pool ${pool}`);
  const size = Number(range.last - range.first + 1n);
  const now = Math.floor(Date.now() / 1000);
  const store = openSqliteLeaseStore6({ path });
  let written = 0;
  let batch: LeaseChange6[] = [];
  const flush = async () => {
    await store.commit(batch);
    written += batch.length;
    batch = [];
  };
  try {
    for (let slot = 0; slot < size; slot++) {
      if (slot % FREE_EVERY === 0) continue;
      batch.push({ op: 'insert', lease: leaseFor(slot, bigIntToIpv6(range.first + BigInt(slot)), subnetId, now) });
      if (batch.length === BATCH) await flush();
    }
    if (batch.length) await flush();
  } finally {
    await store.close();
  }
  return written;
}

/** One client per slot: a DUID-LL whose MAC is the slot number (perfdhcp's clients use DUID-LLT). */
function leaseFor(slot: number, address: string, subnetId: number, now: number): Lease6 {
  const mac = slot.toString(16).padStart(12, '0');
  return {
    type: 'na', address, duid: `00030001${mac}`, iaid: 1, subnetId,
    preferredLifetime: YEAR, validLifetime: YEAR, cltt: now, expiresAt: now + YEAR,
    state: 'assigned', hwaddr: mac,
  };
}
