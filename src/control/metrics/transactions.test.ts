import { describe, expect, it } from 'vitest';
import { TransactionMetrics, LATENCY_METRIC } from './transactions.js';

const base = { at: 0, ids: {}, source: 'fe80::1', granted: [], status: [] };

describe('TransactionMetrics', () => {
  it('observes latency in seconds by request type and outcome', async () => {
    const tx = new TransactionMetrics();
    tx.observe({ ...base, micros: 80, type: 'solicit', reply: 'advertise' });
    tx.observe({ ...base, micros: 2_000, type: 'request', reply: 'reply' });
    tx.observe({ ...base, micros: 30, type: 'renew', drop: 'stale' });
    tx.observe({ ...base, micros: 30, type: '250' });
    tx.observe({ ...base, micros: Number.NaN, type: 'renew' });
    const text = await tx.registry.metrics();
    expect(text).toContain(`${LATENCY_METRIC}_bucket{le="0.0001",type="solicit",outcome="reply"} 1`);
    expect(text).toContain(`${LATENCY_METRIC}_bucket{le="0.001",type="request",outcome="reply"} 0`);
    expect(text).toContain(`${LATENCY_METRIC}_bucket{le="0.0025",type="request",outcome="reply"} 1`);
    expect(text).toContain(`${LATENCY_METRIC}_count{type="renew",outcome="drop"} 1`);
    expect(text).toContain(`${LATENCY_METRIC}_count{type="other",outcome="drop"} 1`);
    expect(text).toContain(`${LATENCY_METRIC}_sum{type="request",outcome="reply"} 0.002`);
  });

  it('keeps its own registry', () => {
    const a = new TransactionMetrics();
    const b = new TransactionMetrics();
    expect(a.registry).not.toBe(b.registry);
  });
});
