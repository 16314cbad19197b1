import type { Lease6 } from './types.js';

/** Leases in SQLite's BINARY order of their address; addresses are ASCII, so UTF-16 order is the same. */
export function byAddress(a: Lease6, b: Lease6): number {
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}
