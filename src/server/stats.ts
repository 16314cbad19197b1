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
