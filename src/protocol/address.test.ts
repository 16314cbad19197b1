import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalIpv6, formatIpv4, formatIpv6, parseIpv4Into, parseIpv6Into } from './address.js';
import { ipv6Bytes } from './testing/values.js';

function bytes6(s: string): Uint8Array | undefined {
  const b = new Uint8Array(16);
  return parseIpv6Into(s, b) ? b : undefined;
}

function groups(b: Uint8Array): number[] {
  return Array.from({ length: 8 }, (_, i) => (b[2 * i]! << 8) | b[2 * i + 1]!);
}

describe('formatIpv6 follows RFC 5952', () => {
  it.each([
    // §4.1: leading zeros suppressed; "0000" becomes "0".
    ['2001:0db8::0001', '2001:db8::1'],
    ['2001:db8:0000:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    // §4.2.1: "::" used to its maximum capability.
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
    ['2001:db8::0:1', '2001:db8::1'],
    // §4.2.2: not for a single 16-bit zero field.
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    // §4.2.3: the longest run; the first one on ties.
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    // §4.3: lowercase.
    ['2001:DB8::ABCD:EF', '2001:db8::abcd:ef'],
    // §5: IPv4-mapped addresses in mixed notation; other embeddings stay hex.
    ['0:0:0:0:0:ffff:c000:0201', '::ffff:192.0.2.1'],
    ['::ffff:0:0', '::ffff:0.0.0.0'],
    ['::192.0.2.1', '::c000:201'],
    ['64:ff9b::192.0.2.1', '64:ff9b::c000:201'],
    // Runs at either end, and all zeros.
    ['0:0:0:0:0:0:0:0', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['0:0:1:0:0:0:0:0', '0:0:1::'],
    ['::ffff', '::ffff'],
  ])('%s is written %s', (input, canonical) => {
    expect(canonicalIpv6(input)).toBe(canonical);
  });

  it('gives every RFC 5952 §2 spelling of one address the same text', () => {
    const spellings = [
      '2001:db8:0:0:1:0:0:1',
      '2001:0db8:0:0:1:0:0:1',
      '2001:db8::1:0:0:1',
      '2001:db8::0:1:0:0:1',
      '2001:0db8::1:0:0:1',
      '2001:db8:0:0:1::1',
      '2001:db8:0000:0:1::1',
      '2001:DB8:0:0:1::1',
    ];
    for (const s of spellings) expect(canonicalIpv6(s)).toBe('2001:db8::1:0:0:1');
  });

  it('formats at an offset inside a larger buffer', () => {
    const b = new Uint8Array(20);
    b[3 + 15] = 1;
    expect(formatIpv6(b, 3)).toBe('::1');
  });

  it('round-trips every address, in the shortest form the §4 rules allow', () => {
    fc.assert(
      fc.property(ipv6Bytes, (b) => {
        const s = formatIpv6(b);
        expect(bytes6(s)).toEqual(b);
        expect(s).toMatch(/^[0-9a-f:.]+$/);
        const hex = s.startsWith('::ffff:') && s.includes('.') ? ['ffff'] : s.split(':').filter((g) => g !== '');
        for (const g of hex) expect(g).toMatch(/^(0|[1-9a-f][0-9a-f]{0,3})$/);
        // The longest run of two or more zero groups (the first on ties) is the one replaced by "::".
        const g = groups(b);
        let best = { start: -1, len: 1 };
        for (let i = 0; i < 8; i++) {
          let j = i;
          while (j < 8 && g[j] === 0) j++;
          if (j - i > best.len) best = { start: i, len: j - i };
        }
        if (best.start < 0) expect(s).not.toContain('::');
        else expect(s.split('::')[0]!.split(':').filter((x) => x !== '').length).toBe(best.start);
      }),
      { numRuns: 1000 },
    );
  });
});

/** An RFC 4291 §2.2 spelling of an address: any padding and case, any zero run as "::", maybe a dotted tail. */
const spelling = fc
  .record({
    b: ipv6Bytes,
    pad: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
    upper: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    compress: fc.nat(),
    dotted: fc.boolean(),
  })
  .map(({ b, pad, upper, compress, dotted }) => {
    const g = groups(b);
    const n = dotted ? 6 : 8;
    const parts = g.slice(0, n).map((v, i) => {
      const h = v.toString(16);
      const p = h.padStart(Math.min(4, h.length + pad[i]!), '0');
      return upper[i] ? p.toUpperCase() : p;
    });
    const tail = dotted ? [`${b[12]}.${b[13]}.${b[14]}.${b[15]}`] : [];
    const runs: [number, number][] = [];
    for (let i = 0; i < n; i++) for (let j = i; j < n && g[j] === 0; j++) runs.push([i, j + 1]);
    const pick = compress % (runs.length + 1);
    if (pick === runs.length) return { b, text: [...parts, ...tail].join(':') };
    const [from, to] = runs[pick]!;
    return { b, text: `${parts.slice(0, from).join(':')}::${[...parts.slice(to), ...tail].join(':')}` };
  });

describe('parseIpv6Into reads every RFC 4291 §2.2 text form', () => {
  it.each([
    ['ABCD:EF01:2345:6789:ABCD:EF01:2345:6789', 'abcd:ef01:2345:6789:abcd:ef01:2345:6789'],
    ['2001:DB8:0:0:8:800:200C:417A', '2001:db8::8:800:200c:417a'],
    ['2001:DB8::8:800:200C:417A', '2001:db8::8:800:200c:417a'],
    ['FF01::101', 'ff01::101'],
    ['::1', '::1'],
    ['::', '::'],
    ['0:0:0:0:0:0:13.1.68.3', '::d01:4403'],
    ['0:0:0:0:0:FFFF:129.144.52.38', '::ffff:129.144.52.38'],
    ['::13.1.68.3', '::d01:4403'],
    ['::FFFF:129.144.52.38', '::ffff:129.144.52.38'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::2:3:4:5:6:7:8', '0:2:3:4:5:6:7:8'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
  ])('%s', (text, canonical) => {
    expect(canonicalIpv6(text)).toBe(canonical);
  });

  it('reads any spelling of an address back to its bytes', () => {
    fc.assert(
      fc.property(spelling, ({ b, text }) => {
        expect(bytes6(text), text).toEqual(b);
        expect(canonicalIpv6(text)).toBe(formatIpv6(b));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    '',
    ':',
    ':::',
    '1::2::3',
    'g::',
    '::g',
    '1:',
    ':1',
    '1::2:',
    ':1::2',
    '12345::',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1::2:3:4:5:6:7:8',
    '1:2:3:4:5:6:7:1.2.3.4',
    '::1.2.3',
    '::256.0.0.1',
    '::1.2.3.04',
    '::1.2.3.4:1',
    '1.2.3.4',
    'fe80::1%eth0',
    'fe80::1%1',
    '[::1]',
    '::/0',
    ' ::1',
    '::1 ',
    '-1::',
    '+1::',
    '0x1::',
  ])('rejects %j', (text) => {
    expect(bytes6(text)).toBeUndefined();
    expect(canonicalIpv6(text)).toBeUndefined();
  });

  it('writes at an offset and leaves the bytes around it alone', () => {
    const out = new Uint8Array(20).fill(0xaa);
    expect(parseIpv6Into('::1', out, 2)).toBe(true);
    expect(Buffer.from(out).toString('hex')).toBe('aaaa' + '00'.repeat(15) + '01' + 'aaaa');
  });
});

describe('IPv4 dotted quads', () => {
  it('round-trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (b) => {
        const out = new Uint8Array(4);
        expect(parseIpv4Into(formatIpv4(b), out)).toBe(true);
        expect(out).toEqual(b);
      }),
      { numRuns: 300 },
    );
  });

  it.each(['', '1.2.3', '1.2.3.4.5', '256.0.0.0', '01.2.3.4', '1..2.3', ' 1.2.3.4', '1.2.3.-4', '0x1.2.3.4', '1.2.3.4/8'])('rejects %j', (text) => {
    expect(parseIpv4Into(text, new Uint8Array(4))).toBe(false);
  });
});
