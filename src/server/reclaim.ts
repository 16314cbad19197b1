import type { Lease6, LeaseStore6, LiveLease6 } from '../store/types.js';
import { LeaseStaleError } from '../store/errors.js';
import type { ServerModel } from './model.js';
import { leaseMoved, type Stats } from './stats.js';

/** Leases reclaimed per sweep, so one sweep never stalls the server. */
export const RECLAIM_BATCH = 500;

/**
 * Turn expired leases (and declined addresses past their probation) into
 * reclaimed ones and free their slots. Each change carries the version it
 * read, so a renewal committed meanwhile wins (the store says stale).
 * Returns how many were reclaimed.
 */
export async function reclaimExpired(store: LeaseStore6, model: ServerModel, stats: Stats, now: number, limit = RECLAIM_BATCH, onExpired?: (l: Lease6) => void): Promise<number> {
  const expired = await store.listExpired(now, limit);
  // All at once, so group commit merges them into one transaction; each keeps its own stale check.
  const results = await Promise.allSettled(
    expired.map((l) => store.commit([{ op: 'update', lease: { ...l, state: 'reclaimed' }, expect: { duid: l.duid, iaid: l.iaid, state: l.state, cltt: l.cltt, expiresAt: l.expiresAt } }])),
  );
  let reclaimed = 0;
  results.forEach((r, i) => {
    const l = expired[i]!;
    if (r.status === 'rejected') {
      if (r.reason instanceof LeaseStaleError) return;
      throw r.reason;
    }
    free(model, l);
    leaseMoved(stats, l.subnetId, l.type, l.state, 'reclaimed');
    stats.add(`subnet[${l.subnetId}].reclaimed-leases`);
    if (l.state === 'declined') stats.add(`subnet[${l.subnetId}].reclaimed-declined-addresses`);
    stats.add('reclaimed-leases');
    reclaimed++;
    onExpired?.({ ...l, state: 'reclaimed' });
  });
  return reclaimed;
}

function free(model: ServerModel, l: Lease6): void {
  const subnet = model.subnets.find((s) => s.id === l.subnetId);
  if (!subnet) return;
  for (const p of l.type === 'pd' ? subnet.pdPools : subnet.pools) p.pool.release(l.address);
}

/**
 * Rebuild a freshly built model from the store (at start and on reload): mark
 * every live lease's slot taken and, when `stats` is given, set Kea's
 * per-subnet gauges from the same single pass. Returns the slots marked.
 */
export async function markLiveLeases(store: LeaseStore6, model: ServerModel, stats?: Stats, pageSize = 10_000): Promise<number> {
  if (stats) resetGauges(model, stats);
  const subnets = new Map(model.subnets.map((s) => [s.id, s]));
  // Gauge moves counted per subnet, type and state, then applied once: a million leases
  // would otherwise build a statistic name each.
  const moves = new Map<number, Map<Move, number>>();
  const count = (l: LiveLease6): void => {
    let bySubnet = moves.get(l.subnetId);
    if (!bySubnet) moves.set(l.subnetId, (bySubnet = new Map()));
    const move = MOVES[l.type][l.state];
    bySubnet.set(move, (bySubnet.get(move) ?? 0) + 1);
  };
  let after: string | undefined;
  let marked = 0;
  for (;;) {
    const page = await store.pageLive(after, pageSize);
    if (!page.length) break;
    for (const l of page) {
      if (stats) count(l);
      const subnet = subnets.get(l.subnetId);
      if (!subnet) continue;
      for (const p of l.type === 'pd' ? subnet.pdPools : subnet.pools) if (p.pool.mark(l.address)) marked++;
    }
    after = page[page.length - 1]!.address;
  }
  for (const [subnetId, bySubnet] of moves) {
    for (const [move, n] of bySubnet) leaseMoved(stats!, subnetId, move.type, undefined, move.state, n);
  }
  return marked;
}

type Move = Pick<LiveLease6, 'type' | 'state'>;
const movesOf = (type: Move['type']): Record<Move['state'], Move> => ({ assigned: { type, state: 'assigned' }, declined: { type, state: 'declined' }, reclaimed: { type, state: 'reclaimed' } });
/** One key object per type and state, made once: counting a lease builds nothing. */
const MOVES: Record<Move['type'], Record<Move['state'], Move>> = { na: movesOf('na'), ta: movesOf('ta'), pd: movesOf('pd') };

/** Kea's total-* are pool sizes (a /64 pool does not fit a double exactly: fine for a gauge); the rest start at 0. */
function resetGauges(model: ServerModel, stats: Stats): void {
  for (const s of model.subnets) {
    stats.set(`subnet[${s.id}].total-nas`, Number(s.pools.reduce((n, p) => n + p.pool.size, 0n)));
    stats.set(`subnet[${s.id}].total-pds`, Number(s.pdPools.reduce((n, p) => n + p.pool.size, 0n)));
    for (const g of ['assigned-nas', 'assigned-tas', 'assigned-pds', 'declined-addresses']) stats.set(`subnet[${s.id}].${g}`, 0);
  }
}
