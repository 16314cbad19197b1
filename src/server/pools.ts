import type { Option } from '../protocol/index.js';
import type { Lease6 } from '../store/types.js';
import type { PoolModel, ServerModel, SubnetModel } from './model.js';
import type { IaRequest } from './ia.js';

/** Pools whose delegated length matches a prefix-length hint go first (RFC 8415 §18.2.4). */
export function takeFromPools(subnet: SubnetModel, ia: IaRequest, random: () => number): { resource: string; pool: PoolModel } | undefined {
  const pools = ia.type === 'pd' ? subnet.pdPools : subnet.pools;
  const hint = ia.hints[0];
  let ordered = pools;
  if (ia.type === 'pd' && hint) {
    const len = Number(hint.slice(hint.indexOf('/') + 1));
    ordered = [...pools.filter((p) => p.pool.length === len), ...pools.filter((p) => p.pool.length !== len)];
  }
  for (const p of ordered) {
    const r = p.pool.take(random, hint);
    if (r) return { resource: r, pool: p };
  }
  return undefined;
}

/** The pool of the first address (else prefix) granted: its option-data applies (most specific wins). */
export function poolOfFirstGrant(subnet: SubnetModel, ias: readonly Option[]): PoolModel | undefined {
  for (const ia of ias) {
    const first = ((ia.value as { options?: Option[] }).options ?? []).find((o) => o.code === 5 || o.code === 26);
    const v = first?.value as { address?: string; prefix?: string; validLifetime?: number } | undefined;
    if (!v?.validLifetime) continue;
    const resource = v.address ?? v.prefix!;
    const pool = (first!.code === 26 ? subnet.pdPools : subnet.pools).find((p) => p.pool.slotOf(resource) !== undefined);
    if (pool) return pool;
  }
  return undefined;
}

export function markTaken(subnet: SubnetModel, resource: string): void {
  for (const p of resource.includes('/') ? subnet.pdPools : subnet.pools) if (p.pool.mark(resource)) return;
}

export function releaseSlot(model: ServerModel, l: Lease6): void {
  const subnet = model.subnets.find((s) => s.id === l.subnetId);
  if (!subnet) return;
  for (const p of l.type === 'pd' ? subnet.pdPools : subnet.pools) p.pool.release(l.address);
}
