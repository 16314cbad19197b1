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

  it('iterative (the default): the next free slot after the last one handed out, wrapping round', () => {
    const pool = Pool6.addresses('2001:db8::100-2001:db8::13f'); // 64 addresses
    const rnd = seeded(6);
    expect([pool.take(rnd), pool.take(rnd)]).toEqual(['2001:db8::100', '2001:db8::101']);
    pool.mark('2001:db8::102');
    pool.mark('2001:db8::103');
    expect(pool.take(rnd)).toBe('2001:db8::104');
    for (let i = 0; i < 59; i++) pool.take(rnd);
    expect(pool.take(rnd)).toBeUndefined(); // full
    pool.release('2001:db8::101');
    pool.release('2001:db8::13e');
    expect([pool.take(rnd), pool.take(rnd)]).toEqual(['2001:db8::101', '2001:db8::13e']);
  });

  it('iterative prefixes are consecutive too; random ones are spread and still each handed out once', () => {
    const iterative = Pool6.prefixes('2001:db8:8000::', 40, 56);
    expect([iterative.take(seeded(7)), iterative.take(seeded(7))]).toEqual(['2001:db8:8000::/56', '2001:db8:8000:100::/56']);
    const random = Pool6.addresses('2001:db8::/120', 'random');
    const rnd = seeded(8);
    const got = Array.from({ length: 256 }, () => random.take(rnd)!);
    expect(new Set(got).size).toBe(256);
    const steps = got.slice(1).filter((a, i) => random.slotOf(a)! !== random.slotOf(got[i]!)! + 1n).length;
    expect(steps).toBeGreaterThan(20); // not handed out in order
  });

  it('finds the first free slot from a start in the middle of a word, and below it once past the end', () => {
    const s = slotSet(100n);
    for (let i = 40n; i < 46n; i++) s.take(i);
    expect(s.findFreeFrom(40n)).toBe(46n);
    expect(s.findFreeFrom(35n)).toBe(35n);
    for (let i = 46n; i < 100n; i++) s.take(i);
    expect(s.findFreeFrom(41n)).toBe(0n);
    for (let i = 0n; i < 40n; i++) if (i !== 39n) s.take(i);
    expect(s.findFreeFrom(99n)).toBe(39n);
    s.take(39n);
    expect(s.findFreeFrom(0n)).toBeUndefined();
  });

  it('iterative in a /64 (sparse): consecutive, and past a run of taken slots by random probes', () => {
    const pool = Pool6.addresses('2001:db8:5::/64');
    const rnd = seeded(9);
    expect([pool.take(rnd), pool.take(rnd)]).toEqual(['2001:db8:5::', '2001:db8:5::1']);
    for (let i = 2; i < 200; i++) pool.mark(`2001:db8:5::${i.toString(16)}`);
    const next = pool.take(rnd)!;
    expect(pool.slotOf(next)).toBeDefined();
    expect(pool.slots.used).toBe(201);
  });
});
