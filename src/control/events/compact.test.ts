import { describe, expect, it } from 'vitest';
import type { TransactionRecord } from '../types.js';
import { BATCH_BYTES, BatchWriter, readBatch } from './compact.js';
import { sampleRecord } from './testing.js';

const full = (i: number): TransactionRecord =>
  sampleRecord(i, { reply: 'advertise', duid: '00030001020000000001', hwaddr: '020000000001', subnet: 7, iface: 'eth0', granted: ['2001:db8::1', '2001:db8:8000::/56'], status: ['NoAddrsAvail'], request: { type: 'solicit' }, response: { type: 'advertise' } });

describe('BatchWriter / readBatch', () => {
  it('round-trips the small fields, absent ones staying absent, and carries the wire bytes', () => {
    const w = new BatchWriter(true);
    const req = Buffer.from([1, 2, 3, 0xff]);
    const res = Buffer.from([7, 0, 0x80]);
    expect(w.add(full(1), req, res)).toBe(true);
    expect(w.add(sampleRecord(2, { drop: 'parse-failed', iface: 'ünïcode-0', ids: { 'remote-id': '3561:ab' } }), req, undefined)).toBe(true);
    const b = w.take();
    expect(b.count).toBe(2);
    const [a, c] = readBatch(b);
    const { request: _q, response: _r, ...small } = full(1);
    expect(a).toEqual({ ...small, wire: [req.toString('latin1'), res.toString('latin1')] });
    expect(Buffer.from(a!.wire![0]!, 'latin1')).toEqual(req);
    // No decoded request in the record (it failed to decode): no bytes either.
    expect(c).toEqual(sampleRecord(2, { drop: 'parse-failed', iface: 'ünïcode-0', ids: { 'remote-id': '3561:ab' } }));
  });

  it('without wire bytes, decoded messages travel beside the buffer; include-messages false sends neither', () => {
    const w = new BatchWriter(true);
    w.add(full(1), undefined, undefined);
    expect(readBatch(w.take())[0]).toMatchObject({ request: { type: 'solicit' }, response: { type: 'advertise' } });
    const bare = new BatchWriter(false);
    bare.add(full(1), Buffer.alloc(10), Buffer.alloc(10));
    const r = readBatch(bare.take())[0]!;
    expect(r.request).toBeUndefined();
    expect(r.wire).toBeUndefined();
  });

  it('reports a full batch, then starts the next; one huge record gets a buffer of its own', () => {
    const w = new BatchWriter(true);
    const big = Buffer.alloc(20_000, 1);
    let n = 0;
    while (w.add(full(n), big, big)) n++;
    expect(n).toBe(1); // 2 × 20 kB fit once in 64 KiB
    expect(readBatch(w.take())).toHaveLength(1);
    const huge = Buffer.alloc(BATCH_BYTES, 2);
    expect(w.add(full(9), huge, huge)).toBe(true);
    const [r] = readBatch(w.take());
    expect(r!.wire![1]!.length).toBe(BATCH_BYTES);
    expect(() => w.add(full(10), Buffer.alloc(2 ** 20), undefined)).toThrow(RangeError);
  });
});
