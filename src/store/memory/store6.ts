/**
 * LeaseStore6 in a Map, for unit tests of the server: the same conflict and
 * staleness rules as the SQLite store, enforced here in code because there
 * is no database to enforce them.
 */
import { LeaseConflictError, LeaseStaleError, StoreClosedError } from '../errors.js';
import { byAddress } from '../address-order.js';
import { checkChange6 } from '../validate.js';
import type { Lease6, LeaseChange6, LeaseCount6, LeaseStore6, LeaseType6, LiveLease6, LeaseVersion6 } from '../types.js';

/** Copies in and out, so callers cannot change what is stored behind its back. */
function copy(l: Lease6): Lease6 {
  const c: Lease6 = { ...l };
  for (const k of ['hwaddr', 'hostname', 'userContext'] as const) if (c[k] === undefined) delete c[k];
  if (c.userContext) c.userContext = structuredClone(c.userContext);
  return c;
}

function matches(l: Lease6, v: LeaseVersion6): boolean {
  return l.duid === v.duid && l.iaid === v.iaid && l.state === v.state && l.cltt === v.cltt && l.expiresAt === v.expiresAt;
}

export class MemoryLeaseStore6 implements LeaseStore6 {
  /** By address: one lease per address, whatever its type. */
  private readonly leases = new Map<string, Lease6>();
  private closed = false;

  async get(type: LeaseType6, address: string): Promise<Lease6 | undefined> {
    this.open();
    const l = this.leases.get(address);
    return l?.type === type ? copy(l) : undefined;
  }

  async getByClient(duid: string, iaid: number, type: LeaseType6): Promise<Lease6[]> {
    return this.select((l) => l.duid === duid && l.iaid === iaid && l.type === type);
  }

  async getByDuid(duid: string): Promise<Lease6[]> {
    return this.select((l) => l.duid === duid);
  }

  async commit(changes: readonly LeaseChange6[]): Promise<void> {
    this.open();
    changes.forEach(checkChange6);
    const undo: [string, Lease6 | undefined][] = [];
    try {
      for (const c of changes) this.apply(c, undo);
    } catch (e) {
      for (const [k, l] of undo.reverse()) {
        if (l) this.leases.set(k, l);
        else this.leases.delete(k);
      }
      throw e;
    }
  }

  async listExpired(now: number, limit: number): Promise<Lease6[]> {
    const expired = await this.select((l) => l.state !== 'reclaimed' && l.expiresAt < now);
    return expired.sort((a, b) => a.expiresAt - b.expiresAt || byAddress(a, b)).slice(0, limit);
  }

  async countByState(): Promise<LeaseCount6[]> {
    this.open();
    const counts = new Map<string, LeaseCount6>();
    for (const { subnetId, type, state } of this.leases.values()) {
      const k = `${subnetId} ${type} ${state}`;
      const c = counts.get(k) ?? { subnetId, type, state, count: 0 };
      c.count++;
      counts.set(k, c);
    }
    return [...counts.values()];
  }

  async page(afterAddress: string | undefined, limit: number): Promise<Lease6[]> {
    const rest = await this.select((l) => afterAddress === undefined || l.address > afterAddress);
    return rest.slice(0, limit);
  }

  async pageLive(afterAddress: string | undefined, limit: number): Promise<LiveLease6[]> {
    const rest = await this.select((l) => l.state !== 'reclaimed' && (afterAddress === undefined || l.address > afterAddress));
    return rest.slice(0, limit).map(({ type, address, subnetId, state }) => ({ type, address, subnetId, state }));
  }

  async wipe(subnetId?: number): Promise<number> {
    this.open();
    let n = 0;
    for (const [k, l] of this.leases) {
      if (subnetId === undefined || l.subnetId === subnetId) n += Number(this.leases.delete(k));
    }
    return n;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private apply(c: LeaseChange6, undo: [string, Lease6 | undefined][]): void {
    const { type, address } = c.op === 'delete' ? c : c.lease;
    const stored = this.leases.get(address);
    // A reclaimed lease of any type gives way to an insert; other ops must name the stored type.
    const cur = c.op === 'insert' || stored?.type === type ? stored : undefined;
    if (c.op === 'delete' && !cur && !c.expect) return;
    if (c.op !== 'insert' && (!cur || (c.expect && !matches(cur, c.expect)))) {
      throw new LeaseStaleError(address);
    }
    if (cur && cur.state !== 'reclaimed') {
      const taken = c.op === 'insert' || (c.op === 'update' && (cur.duid !== c.lease.duid || cur.iaid !== c.lease.iaid));
      if (taken) throw new LeaseConflictError(address, { duid: cur.duid, iaid: cur.iaid });
    }
    undo.push([address, stored]);
    if (c.op === 'delete') this.leases.delete(address);
    else this.leases.set(address, copy(c.lease));
  }

  /** Matching leases in address order. */
  private async select(pred: (l: Lease6) => boolean): Promise<Lease6[]> {
    this.open();
    return [...this.leases.values()].filter(pred).sort(byAddress).map(copy);
  }

  private open(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
