import { Pool6, type Allocator } from '../../src/alloc/pool.js';
import { FREE_EVERY } from './fill.js';
import { median } from './report.js';

export interface AllocRate {
  allocator: Allocator;
  /** ns per Pool6.take() from an empty pool. */
  emptyNs: number;
  /** ns per take() from the pool 99 % used, its free slots spread as the filled store's. */
  fullNs: number;
}

const REPEATS = 5;

/**
 * The allocator alone, in-process: what finding a free address costs in an
 * empty pool and in one 99 % used (every FREE_EVERY-th slot free, as
 * fill.ts leaves the store), for both allocators. The end-to-end figures
 * also hold the lease insert, which into a full table costs SQLite more.
 */
export function allocationRates(pool: string, takes: number): AllocRate[] {
  return (['iterative', 'random'] as Allocator[]).map((allocator) => {
    timeTakes(Pool6.addresses(pool, allocator), takes); // JIT warm-up
    const run = (full: boolean) => median(Array.from({ length: REPEATS }, () => timeTakes(full ? nearlyFull(pool, allocator) : Pool6.addresses(pool, allocator), takes)));
    return { allocator, emptyNs: run(false), fullNs: run(true) };
  });
}

function nearlyFull(pool: string, allocator: Allocator): Pool6 {
  const p = Pool6.addresses(pool, allocator);
  const size = Number(p.size);
  for (let slot = 0; slot < size; slot++) if (slot % FREE_EVERY !== 0) p.slots.take(BigInt(slot));
  return p;
}

function timeTakes(p: Pool6, takes: number): number {
  const t = process.hrtime.bigint();
  for (let i = 0; i < takes; i++) if (p.take(Math.random) === undefined) throw new Error(`pool ran dry after ${i} takes`);
  return Number(process.hrtime.bigint() - t) / takes;
}
