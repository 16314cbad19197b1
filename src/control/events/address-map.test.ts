import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIpv6Into } from '../../protocol/address.js';
import { PrefixPreservingMap, prefixPreservingMapper, randomMapper } from './address-map.js';

// The key and sample trace shipped with the original Crypto-PAn (sample_trace_raw / _sanitized).
const CRYPTOPAN_KEY = Uint8Array.from([21, 34, 23, 141, 51, 164, 207, 128, 19, 10, 91, 22, 73, 144, 125, 16, 216, 152, 143, 131, 121, 121, 101, 39, 98, 87, 76, 45, 42, 132, 34, 2]);
const CRYPTOPAN_VECTORS: [string, string][] = [
  ['128.11.68.132', '135.242.180.132'],
  ['129.118.74.4', '134.136.186.123'],
  ['130.132.252.244', '133.68.164.234'],
  ['141.223.7.43', '141.167.8.160'],
  ['141.233.145.108', '141.129.237.235'],
  ['152.163.225.39', '151.140.114.167'],
  ['156.29.3.236', '147.225.12.42'],
  ['165.247.96.84', '162.9.99.234'],
  ['166.107.77.190', '160.132.178.185'],
  ['192.102.249.13', '252.138.62.131'],
  ['192.215.32.125', '252.43.47.189'],
  ['192.233.80.103', '252.25.108.8'],
  ['192.41.57.43', '252.222.221.184'],
  ['193.150.244.223', '253.169.52.216'],
  ['195.205.63.100', '255.186.223.5'],
];

const key = fc.uint8Array({ minLength: 32, maxLength: 32 });
const addr16 = fc.uint8Array({ minLength: 16, maxLength: 16 });

function commonPrefix(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length * 8; i++) {
    const m = 0x80 >> (i & 7);
    if ((a[i >> 3]! & m) !== (b[i >> 3]! & m)) return i;
  }
  return a.length * 8;
}

/** Two addresses sharing exactly `n` leading bits. */
const pairWithPrefix = fc.tuple(addr16, addr16, fc.integer({ min: 0, max: 128 })).map(([a, b, n]) => {
  const c = Uint8Array.from(a);
  for (let i = n; i < 128; i++) {
    const m = 0x80 >> (i & 7);
    c[i >> 3] = (c[i >> 3]! & ~m) | (b[i >> 3]! & m);
  }
  return [a, c] as const;
});

describe('PrefixPreservingMap', () => {
  it('reproduces the Crypto-PAn IPv4 sample trace', () => {
    const mapper = prefixPreservingMapper(CRYPTOPAN_KEY);
    for (const [raw, anon] of CRYPTOPAN_VECTORS) expect(mapper.address(raw)).toBe(anon);
  });

  it('is deterministic for a key', () => {
    fc.assert(
      fc.property(key, addr16, (k, a) => {
        expect(new PrefixPreservingMap(k).map(a)).toEqual(new PrefixPreservingMap(k).map(a));
      }),
    );
  });

  it('differs between keys', () => {
    fc.assert(
      fc.property(key, key, addr16, (k1, k2, a) => {
        fc.pre(Buffer.compare(k1, k2) !== 0);
        expect(new PrefixPreservingMap(k1).map(a)).not.toEqual(new PrefixPreservingMap(k2).map(a));
      }),
    );
  });

  it('keeps the common prefix length of any two addresses', () => {
    fc.assert(
      fc.property(key, pairWithPrefix, (k, [a, b]) => {
        const m = new PrefixPreservingMap(k);
        expect(commonPrefix(m.map(a), m.map(b))).toBe(commonPrefix(a, b));
      }),
    );
  });

  it('is injective on samples', () => {
    fc.assert(
      fc.property(key, fc.uniqueArray(addr16, { minLength: 2, maxLength: 64, selector: (a) => Buffer.from(a).toString('hex') }), (k, addrs) => {
        const m = new PrefixPreservingMap(k);
        const out = new Set(addrs.map((a) => Buffer.from(m.map(a)).toString('hex')));
        expect(out.size).toBe(addrs.length);
      }),
    );
  });

  it('maps every address of a /56 into the mapped /56', () => {
    fc.assert(
      fc.property(key, fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }), (k, host1, host2) => {
        const mp = prefixPreservingMapper(k, 16);
        const p = mp.prefix('2001:db8:8000:100::/56')!;
        const [net] = p.split('/');
        const inside = (a: string): boolean => {
          const x = new Uint8Array(16);
          const y = new Uint8Array(16);
          parseIpv6Into(mp.address(a)!, x);
          parseIpv6Into(net!, y);
          return commonPrefix(x, y) >= 56;
        };
        expect(p.endsWith('/56')).toBe(true);
        expect(inside(`2001:db8:8000:1${(host1 & 0xff).toString(16).padStart(2, '0')}::${host2.toString(16)}`)).toBe(true);
      }),
    );
  });
});

describe('AddressMapper', () => {
  const mp = prefixPreservingMapper(new Uint8Array(32).fill(7));

  it('clears the bits past a prefix length', () => {
    expect(mp.prefix('2001:db8::/32')).toMatch(/^[0-9a-f]{1,4}:[0-9a-f]{1,4}::\/32$/);
  });

  it('leaves the unspecified address alone and refuses non-addresses', () => {
    expect(mp.address('::')).toBe('::');
    expect(mp.prefix('::/56')).toBe('::/56');
    expect(mp.address('not-an-address')).toBeUndefined();
    expect(mp.prefix('2001:db8::/129')).toBeUndefined();
  });

  it('random mode is consistent within a run and differs between runs', () => {
    const r1 = randomMapper(8);
    const r2 = randomMapper(8);
    const a = r1.address('2001:db8::1');
    expect(r1.address('2001:db8::1')).toBe(a);
    expect(r2.address('2001:db8::1')).not.toBe(a);
    expect(r1.prefix('2001:db8:1:100::/56')).toMatch(/\/56$/);
  });
});
