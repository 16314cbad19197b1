import type { KeaObject } from './object.js';

/** Kea's expired-leases-processing: the sweep interval carries over; Fulmar sizes its sweeps itself. */
export function convertExpiredLeases(o: KeaObject): number | undefined {
  const wait = o.num('reclaim-timer-wait-time');
  o.finish(() => 'Fulmar sizes its reclaim sweeps itself and keeps no reclaimed leases');
  if (wait === undefined) return undefined;
  if (Number.isInteger(wait) && wait >= 1 && wait <= 3600) return wait;
  o.report.drop(o.at('reclaim-timer-wait-time'), `Fulmar sweeps every 1..3600 seconds, not ${wait}`);
  return undefined;
}
