import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ring } from './ring.js';

describe('Ring', () => {
  it('refuses pushes past capacity', () => {
    const r = new Ring<number>(2);
    expect(r.push(1)).toBe(true);
    expect(r.push(2)).toBe(true);
    expect(r.push(3)).toBe(false);
    expect(r.take(10)).toEqual([1, 2]);
    expect(r.size).toBe(0);
  });

  it('rejects a bad capacity', () => {
    expect(() => new Ring(0)).toThrow(/positive integer/);
  });

  it('behaves like a bounded array queue', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.oneof(fc.integer(), fc.constant(null)), { maxLength: 200 }), (cap, ops) => {
        const r = new Ring<number>(cap);
        const model: number[] = [];
        for (const op of ops) {
          if (op === null) expect(r.shift()).toBe(model.shift());
          else expect(r.push(op)).toBe(model.length < cap ? (model.push(op), true) : false);
          expect(r.size).toBe(model.length);
        }
        expect(r.take(cap)).toEqual(model);
      }),
    );
  });
});
