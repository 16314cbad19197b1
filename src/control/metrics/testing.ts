import type { StatisticSample } from '../types.js';

/** The statistics a running server with two subnets reports (names as in server/, cli/serve/ and the event sinks). */
export function sampleStatistics(): Map<string, StatisticSample> {
  const values: Record<string, number> = {
    'pkt6-received': 1200,
    'pkt6-solicit-received': 400,
    'pkt6-request-received': 390,
    'pkt6-renew-received': 300,
    'pkt6-rebind-received': 10,
    'pkt6-release-received': 5,
    'pkt6-decline-received': 1,
    'pkt6-confirm-received': 0,
    'pkt6-infrequest-received': 4,
    'pkt6-unknown-received': 2,
    'pkt6-advertise-sent': 399,
    'pkt6-reply-sent': 700,
    'pkt6-sent': 1099,
    'pkt6-receive-drop': 101,
    'pkt6-drop-parse-failed': 3,
    'pkt6-drop-stale': 60,
    'pkt6-drop-queue-full': 30,
    'pkt6-drop-disabled': 8,
    'pkt6-parse-failed': 3,
    'pkt6-kernel-rcvbuf-drops': 17,
    'pkt6-queue-shed': 30,
    'events-dropped': 4,
    'reclaimed-leases': 12,
    'subnet[1].total-nas': 65536,
    'subnet[1].assigned-nas': 420,
    'subnet[1].declined-addresses': 1,
    'subnet[1].reclaimed-leases': 12,
    'subnet[1].reclaimed-declined-addresses': 0,
    'subnet[1].total-pds': 256,
    'subnet[1].assigned-pds': 200,
    'subnet[2].total-nas': 1.8446744073709552e19,
    'subnet[2].assigned-nas': 3,
    'subnet[2].total-pds': 0,
    'subnet[2].assigned-pds': 0,
  };
  return new Map(Object.entries(values).map(([k, v]) => [k, { value: v, at: 1_764_000_000_000 }]));
}
