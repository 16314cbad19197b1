import { describe, expect, it } from 'vitest';
import { TransactionHistory } from './history.js';
import type { TransactionRecord } from '../types.js';

function rec(i: number, duid: string, granted: string[] = []): TransactionRecord {
  return { at: i, micros: 50, type: 'renew', reply: 'reply', duid, ids: {}, source: 'fe80::1', granted, status: [] };
}

describe('TransactionHistory', () => {
  it('answers newest first, per key and overall', () => {
    const h = new TransactionHistory();
    h.add(rec(1, 'aa', ['2001:db8::1']));
    h.add(rec(2, 'bb'));
    h.add(rec(3, 'aa', ['2001:db8::1']));
    expect(h.query({ by: 'duid', value: 'AA' }, 10).map((r) => r.at)).toEqual([3, 1]);
    expect(h.query({ by: 'address', value: '2001:db8:0::1' }, 10).map((r) => r.at)).toEqual([3, 1]);
    expect(h.query(undefined, 2).map((r) => r.at)).toEqual([3, 2]);
    expect(h.query({ by: 'duid', value: 'cc' }, 10)).toEqual([]);
    expect(h.query({ by: 'duid', value: 'not hex' }, 10)).toEqual([]);
    expect(h.query({ by: 'duid', value: 'aa' }, 0)).toEqual([]);
  });

  it('keeps at most perKey records per key', () => {
    const h = new TransactionHistory({ perKey: 3 });
    for (let i = 0; i < 10; i++) h.add(rec(i, 'aa'));
    expect(h.query({ by: 'duid', value: 'aa' }, 100).map((r) => r.at)).toEqual([9, 8, 7]);
    expect(h.size).toBe(10);
  });

  it('evicts the oldest record and cleans its keys', () => {
    const h = new TransactionHistory({ capacity: 3 });
    h.add(rec(1, 'aa', ['2001:db8::1']));
    h.add(rec(2, 'bb'));
    h.add(rec(3, 'cc'));
    h.add(rec(4, 'bb'));
    expect(h.size).toBe(3);
    expect(h.query({ by: 'duid', value: 'aa' }, 10)).toEqual([]);
    expect(h.query({ by: 'address', value: '2001:db8::1' }, 10)).toEqual([]);
    expect(h.keys).toBe(2);
    expect(h.query({ by: 'duid', value: 'bb' }, 10).map((r) => r.at)).toEqual([4, 2]);
    h.add(rec(5, 'dd'));
    expect(h.query({ by: 'duid', value: 'bb' }, 10).map((r) => r.at)).toEqual([4]);
    expect(h.query(undefined, 10).map((r) => r.at)).toEqual([5, 4, 3]);
  });

  it('evicts cleanly when a key list was already trimmed', () => {
    const h = new TransactionHistory({ capacity: 4, perKey: 2 });
    for (let i = 0; i < 4; i++) h.add(rec(i, 'aa'));
    h.add(rec(4, 'bb')); // evicts record 0, long gone from aa's list
    expect(h.query({ by: 'duid', value: 'aa' }, 10).map((r) => r.at)).toEqual([3, 2]);
    h.add(rec(5, 'bb'));
    h.add(rec(6, 'bb')); // evicts 1 and 2
    expect(h.query({ by: 'duid', value: 'aa' }, 10).map((r) => r.at)).toEqual([3]);
  });

  it('refuses a zero capacity', () => {
    expect(() => new TransactionHistory({ capacity: 0 })).toThrow(/capacity/);
  });

  it('stays within its bound over a million adds', () => {
    const h = new TransactionHistory({ capacity: 10_000, perKey: 20 });
    const t0 = performance.now();
    for (let i = 0; i < 1_000_000; i++) {
      const duid = (i % 50_000).toString(16).padStart(8, '0');
      h.add(rec(i, duid, [`2001:db8::${(i % 70_000).toString(16)}`]));
    }
    const ms = performance.now() - t0;
    expect(h.size).toBe(10_000);
    // Each record has two keys; the ring holds the last 10,000 records.
    expect(h.keys).toBeLessThanOrEqual(20_000);
    expect(h.query(undefined, 1)[0]!.at).toBe(999_999);
    const last = 999_999 % 50_000;
    expect(h.query({ by: 'duid', value: last.toString(16).padStart(8, '0') }, 5).map((r) => r.at)).toEqual([999_999]);
    expect(ms).toBeLessThan(10_000);
  });
});
