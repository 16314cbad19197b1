/**
 * Kea statistic names → Prometheus metric names. Kea folds labels into the
 * name (subnet[3].assigned-nas, pkt6-drop-stale); Prometheus wants one
 * family per meaning with the varying part as a label, so sum() and rate()
 * work across subnets, reasons and message types.
 */
export interface PromMetric {
  /** Family name, e.g. fulmar_subnet_assigned_nas or fulmar_pkt6_received_total. */
  name: string;
  type: 'counter' | 'gauge';
  labels: Record<string, string>;
}

export const PREFIX = 'fulmar_';

/** Statistics that go up and down: lease counts, pool sizes. Everything else only counts up. */
const GAUGE = /^(?:total|assigned|declined)-(?:nas|tas|pds|addresses)$/;
const SUBNET = /^subnet\[(\d{1,10})\]\.(?:(pool|pd-pool)\[(\d{1,10})\]\.)?(.+)$/;
const DROP = /^pkt6-drop-(.+)$/;
/** pkt6-solicit-received, pkt6-reply-sent; not the totals pkt6-received / pkt6-sent. */
const BY_TYPE = /^pkt6-(.+)-(received|sent)$/;

function snake(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
}

function family(base: string, labels: Record<string, string>, statName: string): PromMetric {
  const gauge = GAUGE.test(statName);
  return { name: PREFIX + snake(base) + (gauge ? '' : '_total'), type: gauge ? 'gauge' : 'counter', labels };
}

/** The Prometheus family, type and labels for one Kea statistic; undefined for a name we cannot map. */
export function promMetric(stat: string): PromMetric | undefined {
  const sub = SUBNET.exec(stat);
  if (sub) {
    const [, subnetId, pool, poolId, rest] = sub;
    if (snake(rest!) === '') return undefined;
    if (pool) return family(`${pool}_${rest}`, { subnet_id: subnetId!, pool_id: poolId! }, rest!);
    return family(`subnet_${rest}`, { subnet_id: subnetId! }, rest!);
  }
  const drop = DROP.exec(stat);
  if (drop) return { name: `${PREFIX}pkt6_dropped_total`, type: 'counter', labels: { reason: drop[1]! } };
  const byType = BY_TYPE.exec(stat);
  if (byType && byType[1] !== 'receive') {
    return { name: `${PREFIX}pkt6_${byType[2]}_by_type_total`, type: 'counter', labels: { type: byType[1]! } };
  }
  if (snake(stat) === '') return undefined;
  return family(stat, {}, stat);
}
