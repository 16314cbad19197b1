/**
 * Counters under Kea's statistic names (pkt6-received, pkt6-solicit-received,
 * subnet[1].assigned-nas, ...) plus Fulmar's own drop reasons
 * (pkt6-drop-<reason>). Plain numbers in a map: the metrics endpoint and the
 * statistic-* commands read them.
 */
export class Stats {
  private readonly values = new Map<string, number>();

  add(name: string, n = 1): void {
    this.values.set(name, (this.values.get(name) ?? 0) + n);
  }

  set(name: string, n: number): void {
    this.values.set(name, n);
  }

  get(name: string): number {
    return this.values.get(name) ?? 0;
  }

  all(): ReadonlyMap<string, number> {
    return this.values;
  }

  reset(name?: string): void {
    if (name === undefined) for (const k of this.values.keys()) this.values.set(k, 0);
    else if (this.values.has(name)) this.values.set(name, 0);
  }
}

/** Kea's names for received message counters. */
export const RECEIVED_STAT: Readonly<Record<string, string>> = {
  solicit: 'pkt6-solicit-received',
  request: 'pkt6-request-received',
  confirm: 'pkt6-confirm-received',
  renew: 'pkt6-renew-received',
  rebind: 'pkt6-rebind-received',
  release: 'pkt6-release-received',
  decline: 'pkt6-decline-received',
  'information-request': 'pkt6-infrequest-received',
};

export const SENT_STAT: Readonly<Record<string, string>> = {
  advertise: 'pkt6-advertise-sent',
  reply: 'pkt6-reply-sent',
};

type Kind = 'na' | 'ta' | 'pd';
type State = 'assigned' | 'declined' | 'reclaimed';

const ASSIGNED: Record<Kind, string> = { na: 'assigned-nas', ta: 'assigned-tas', pd: 'assigned-pds' };

/**
 * Keep Kea's per-subnet gauges (assigned-nas, assigned-pds, declined-addresses)
 * in step with a lease moving from one state to another (undefined: no lease).
 */
export function leaseMoved(stats: Stats, subnetId: number, kind: Kind, from: State | undefined, to: State | undefined, n = 1): void {
  if (from === to) return;
  const gauge = (state: State | undefined): string | undefined =>
    state === 'assigned' ? `subnet[${subnetId}].${ASSIGNED[kind]}` : state === 'declined' ? `subnet[${subnetId}].declined-addresses` : undefined;
  const a = gauge(from);
  const b = gauge(to);
  if (a) stats.add(a, -n);
  if (b) stats.add(b, n);
}
