import type { Lease6 } from '../store/types.js';
import type { PipelineContext } from '../pipeline/types.js';
import type { SubnetModel, Timers } from './model.js';

/** Lease changes the state machine commits: each a new lease object, never an edit of what the store returned. */

export function reclaimedNow(l: Lease6, now: number): Lease6 {
  return { ...l, state: 'reclaimed', cltt: now, preferredLifetime: 0, validLifetime: 0, expiresAt: now };
}

/** The subnet's timers with the pipeline's overrides. */
export function timersOf(subnet: SubnetModel, ctx: PipelineContext | undefined): Timers {
  const o = ctx?.timers;
  if (!o || (o.t1 === undefined && o.t2 === undefined && o.preferred === undefined && o.valid === undefined)) return subnet.timers;
  const t = subnet.timers;
  return { t1: o.t1 ?? t.t1, t2: o.t2 ?? t.t2, preferred: o.preferred ?? t.preferred, valid: o.valid ?? t.valid };
}

/** The pipeline's lease context (e.g. a route's next hop) goes with the lease. */
export function withContext(l: Lease6, ctx: PipelineContext | undefined): Lease6 {
  if (!ctx || Object.keys(ctx.leaseContext).length === 0) return l;
  return { ...l, userContext: { ...l.userContext, ...ctx.leaseContext } };
}

export function version(l: Lease6): { duid: string; iaid: number; state: Lease6['state']; cltt: number; expiresAt: number } {
  return { duid: l.duid, iaid: l.iaid, state: l.state, cltt: l.cltt, expiresAt: l.expiresAt };
}

