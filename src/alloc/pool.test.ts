import { describe, expect, it } from 'vitest';
import { Pool6 } from './pool.js';
import { slotSet } from './index-set.js';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('address and prefix pools', () => {
  it('hands out every address of a small pool exactly once, then reports full', () => {
    const pool = Pool6.addresses('2001:db8:1::10-2001:db8:1::4b'); // 60 addresses: not a multiple of 32
    const rnd = seeded(1);
    const got = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const a = pool.take(rnd);
      expect(a).toBeDefined();
      expect(got.has(a!)).toBe(false);
      got.add(a!);
    }
    expect(pool.take(rnd)).toBeUndefined();
    expect(got.has('2001:db8:1::10')).toBe(true);
    expect(got.has('2001:db8:1::4b')).toBe(true);
    pool.release('2001:db8:1::20');
    expect(pool.take(rnd)).toBe('2001:db8:1::20');
  });

  it('delegates prefixes of the configured length inside the pool', () => {
    const pool = Pool6.prefixes('2001:db8:8000::', 40, 56);
    expect(pool.size).toBe(65536n);
    const p = pool.take(seeded(2))!;
    expect(p).toMatch(/^2001:db8:80[0-9a-f]{2}:[0-9a-f]{1,2}00::\/56$|^2001:db8:80[0-9a-f]{2}::\/56$/);
    expect(pool.slotOf(p)).toBeDefined();
    expect(pool.mark(p)).toBe(false); // already taken
    expect(pool.slotOf('2001:db8:8000:1::/56')).toBeUndefined(); // bits past /56
    expect(pool.slotOf('2001:db8:8000::/48')).toBeUndefined(); // wrong length
    expect(pool.slotOf('2001:db8:9000::/56')).toBeUndefined(); // outside
  });

  it('uses the hint when it is free and in the pool', () => {
    const pool = Pool6.addresses('2001:db8::/120');
    expect(pool.take(seeded(3), '2001:db8::42')).toBe('2001:db8::42');
    expect(pool.take(seeded(3), '2001:db8::42')).not.toBe('2001:db8::42');
    expect(pool.take(seeded(3), '2001:db8:1::1')).toMatch(/^2001:db8::/);
  });

  it('still finds the last free slots of a large pool quickly', () => {
    const s = slotSet(1n << 20n);
    for (let i = 0n; i < 1n << 20n; i++) s.take(i);
    s.free(777_777n);
    s.free(3n);
    const rnd = seeded(4);
    const a = s.findFree(rnd)!;
    s.take(a);
    const b = s.findFree(rnd)!;
    s.take(b);
    expect([a, b].sort()).toEqual([3n, 777_777n].sort());
    expect(s.findFree(rnd)).toBeUndefined();
  });

  it('allocates from a /64 (sparse) without collisions', () => {
    const pool = Pool6.addresses('2001:db8:5::/64');
    const rnd = seeded(5);
    const got = new Set<string>();
    for (let i = 0; i < 5000; i++) got.add(pool.take(rnd)!);
    expect(got.size).toBe(5000);
    expect(pool.slots.used).toBe(5000);
  });
});
