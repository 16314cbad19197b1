import { describe, expect, it } from 'vitest';
import { promMetric } from './names.js';

describe('promMetric', () => {
  it.each([
    ['pkt6-received', 'fulmar_pkt6_received_total', 'counter', {}],
    ['pkt6-sent', 'fulmar_pkt6_sent_total', 'counter', {}],
    ['pkt6-solicit-received', 'fulmar_pkt6_received_by_type_total', 'counter', { type: 'solicit' }],
    ['pkt6-infrequest-received', 'fulmar_pkt6_received_by_type_total', 'counter', { type: 'infrequest' }],
    ['pkt6-advertise-sent', 'fulmar_pkt6_sent_by_type_total', 'counter', { type: 'advertise' }],
    ['pkt6-receive-drop', 'fulmar_pkt6_receive_drop_total', 'counter', {}],
    ['pkt6-drop-parse-failed', 'fulmar_pkt6_dropped_total', 'counter', { reason: 'parse-failed' }],
    ['pkt6-parse-failed', 'fulmar_pkt6_parse_failed_total', 'counter', {}],
    ['pkt6-kernel-rcvbuf-drops', 'fulmar_pkt6_kernel_rcvbuf_drops_total', 'counter', {}],
    ['pkt6-queue-shed', 'fulmar_pkt6_queue_shed_total', 'counter', {}],
    ['events-dropped', 'fulmar_events_dropped_total', 'counter', {}],
    ['declined-addresses', 'fulmar_declined_addresses', 'gauge', {}],
    ['cumulative-assigned-nas', 'fulmar_cumulative_assigned_nas_total', 'counter', {}],
    ['subnet[3].assigned-nas', 'fulmar_subnet_assigned_nas', 'gauge', { subnet_id: '3' }],
    ['subnet[3].total-pds', 'fulmar_subnet_total_pds', 'gauge', { subnet_id: '3' }],
    ['subnet[3].declined-addresses', 'fulmar_subnet_declined_addresses', 'gauge', { subnet_id: '3' }],
    ['subnet[3].reclaimed-leases', 'fulmar_subnet_reclaimed_leases_total', 'counter', { subnet_id: '3' }],
    ['subnet[3].reclaimed-declined-addresses', 'fulmar_subnet_reclaimed_declined_addresses_total', 'counter', { subnet_id: '3' }],
    ['subnet[3].pool[0].assigned-nas', 'fulmar_pool_assigned_nas', 'gauge', { subnet_id: '3', pool_id: '0' }],
    ['subnet[3].pd-pool[1].total-pds', 'fulmar_pd_pool_total_pds', 'gauge', { subnet_id: '3', pool_id: '1' }],
  ])('%s → %s', (stat, name, type, labels) => {
    expect(promMetric(stat)).toEqual({ name, type, labels });
  });

  it('keeps names within Prometheus syntax', () => {
    expect(promMetric('weird name!.x')?.name).toBe('fulmar_weird_name_x_total');
    expect(promMetric('!!!')).toBeUndefined();
    expect(promMetric('subnet[1].---')).toBeUndefined();
  });
});
