import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashIndex, hashText } from './hash-index.js';

describe('HashIndex', () => {
  it('property: finds what a Map of (tag, key) finds', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 5 })), { maxLength: 3000 }), (pairs) => {
        const idx = new HashIndex(4);
        const keys: string[] = [];
        const tags = new Uint8Array(pairs.length);
        const ref = new Map<string, number>();
        for (const [tag, key] of pairs) {
          const h = hashText(key, tag);
          const want = ref.get(`${tag} ${key}`) ?? -1;
          expect(idx.find(h, keys, key, tags, tag)).toBe(want);
          if (want < 0) {
            ref.set(`${tag} ${key}`, keys.length);
            tags[keys.length] = tag;
            idx.add(h, keys.length);
            keys.push(key);
          }
        }
        expect(idx.size).toBe(ref.size);
      }),
      { numRuns: 50 },
    );
  });

  it('grows past a hundred thousand keys', () => {
    const idx = new HashIndex();
    const keys: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      keys.push(`2001:db8:${i.toString(16)}::/56`);
      idx.add(hashText(keys[i]!, 0), i);
    }
    expect(idx.find(hashText('2001:db8:1869f::/56', 0), keys, '2001:db8:1869f::/56')).toBe(99_999);
    expect(idx.find(hashText('2001:db8:186a0::/56', 0), keys, '2001:db8:186a0::/56')).toBe(-1);
  });
});
