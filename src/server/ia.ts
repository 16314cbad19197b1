import type { ClientServerMessage6, Option } from '../protocol/index.js';
import type { Lease6, LeaseType6 } from '../store/types.js';

/** One IA from a client message (RFC 8415 §21.4, §21.5, §21.21). */
export interface IaRequest {
  type: LeaseType6;
  iaid: number;
  /** Addresses (na, ta) or prefixes "p/len" (pd) the client put in the IA. */
  hints: string[];
}

const IA_CODE: Record<LeaseType6, number> = { na: 3, ta: 4, pd: 25 };
const IA_NAME: Record<LeaseType6, string> = { na: 'ia-na', ta: 'ia-ta', pd: 'ia-pd' };

interface IaValue {
  iaid: number;
  options?: Option[];
}

/** The IAs of a message, in order; the first of a repeated (type, iaid) wins. */
export function iasOf(msg: ClientServerMessage6): IaRequest[] {
  const out: IaRequest[] = [];
  const seen = new Set<string>();
  for (const o of msg.options) {
    const type: LeaseType6 | undefined = o.code === 3 ? 'na' : o.code === 4 ? 'ta' : o.code === 25 ? 'pd' : undefined;
    if (!type || o.value === undefined) continue;
    const v = o.value as IaValue;
    const key = `${type}/${v.iaid}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const hints: string[] = [];
    for (const sub of v.options ?? []) {
      const sv = sub.value as { address?: string; prefix?: string } | undefined;
      if (type !== 'pd' && sub.code === 5 && sv?.address) hints.push(sv.address);
      if (type === 'pd' && sub.code === 26 && sv?.prefix) hints.push(sv.prefix);
    }
    out.push({ type, iaid: v.iaid, hints });
  }
  return out;
}

export interface Granted {
  resource: string;
  preferred: number;
  valid: number;
}

function statusOption(status: string, message: string): Option {
  return { code: 13, name: 'status-code', value: { status, message } };
}

function leaseOption(type: LeaseType6, g: Granted): Option {
  return type === 'pd'
    ? { code: 26, name: 'iaprefix', value: { preferredLifetime: g.preferred, validLifetime: g.valid, prefix: g.resource, options: [] } }
    : { code: 5, name: 'iaaddr', value: { address: g.resource, preferredLifetime: g.preferred, validLifetime: g.valid, options: [] } };
}

/** An IA option for the reply: its leases, or a status saying why there are none. */
export function iaOption(ia: IaRequest, granted: readonly Granted[], t1: number, t2: number, status?: [string, string]): Option {
  const options: Option[] = granted.map((g) => leaseOption(ia.type, g));
  if (status) options.push(statusOption(status[0], status[1]));
  const value = ia.type === 'ta' ? { iaid: ia.iaid, options } : { iaid: ia.iaid, t1, t2, options };
  return { code: IA_CODE[ia.type], name: IA_NAME[ia.type], value };
}

export { statusOption };

/** Live leases of an IA in a subnet: what Renew and Rebind extend. */
export function liveIn(leases: readonly Lease6[], subnetId: number, now: number): Lease6[] {
  return leases.filter((l) => l.state === 'assigned' && l.subnetId === subnetId && l.expiresAt >= now - 0);
}

/** Add the IA's listed addresses (or prefixes) it was not granted, with lifetimes 0, so the client stops using them. */
export function withdrawStale(ia: Option, req: IaRequest): void {
  const v = ia.value as { options: Option[] };
  const granted = new Set(v.options.map((o) => (o.value as { address?: string; prefix?: string }).address ?? (o.value as { prefix?: string }).prefix));
  const stale = req.hints.filter((h) => !granted.has(h) && !h.startsWith('::/') && h !== '::');
  if (!stale.length) return;
  const zero = iaOption(req, stale.map((resource) => ({ resource, preferred: 0, valid: 0 })), 0, 0).value as { options: Option[] };
  v.options.unshift(...zero.options);
}
