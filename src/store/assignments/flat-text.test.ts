import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv6 } from '../../protocol/index.js';
import { flatAscii, flatText } from './flat-text.js';

describe('flatText', () => {
  it('agrees with formatIpv6 and appends the length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.constantFrom(-1, 0, 7, 56, 128), (b, len) => {
        const want = formatIpv6(b) + (len >= 0 ? `/${len}` : '');
        expect(flatText(b, len)).toBe(want);
      }),
    );
  });

  it('covers the special forms', () => {
    const b = (...g: number[]): Uint8Array => Uint8Array.from(g.flatMap((v) => [v >> 8, v & 0xff]));
    expect(flatText(b(0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201), -1)).toBe('::ffff:192.0.2.1');
    expect(flatText(b(0x2001, 0xdb8, 0, 1, 0, 0, 0, 1), -1)).toBe('2001:db8:0:1::1');
    expect(flatText(b(0, 0, 0, 0, 0, 0, 0, 0), 0)).toBe('::/0');
  });
});

describe('flatAscii', () => {
  it('copies ASCII text', () => {
    const long = 'ab'.repeat(40);
    expect(flatAscii('00112233445566778899')).toBe('00112233445566778899');
    expect(flatAscii(long)).toBe(long);
  });
});
