import { describe, expect, it } from 'vitest';
import { WorkQueue } from './queue.js';

describe('bounded work queue', () => {
  it('runs up to the concurrency, queues up to the capacity, sheds the rest and counts them', async () => {
    const release: (() => void)[] = [];
    const done: number[] = [];
    const q = new WorkQueue<number>(3, 2, (n) => new Promise<void>((r) => release.push(() => (done.push(n), r()))));
    const accepted = [1, 2, 3, 4, 5, 6, 7].map((n) => q.push(n));
    expect(accepted).toEqual([true, true, true, true, true, false, false]);
    expect(q.shed).toBe(2);
    expect(q.depth).toBe(3);
    while (release.length) {
      release.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    await q.drained();
    expect(done).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps going when a job fails', async () => {
    const seen: number[] = [];
    const q = new WorkQueue<number>(10, 1, async (n) => {
      seen.push(n);
      if (n === 1) throw new Error('boom');
    });
    q.push(1);
    q.push(2);
    await q.drained();
    expect(seen).toEqual([1, 2]);
  });
});
