import { describe, expect, it } from 'vitest';
import { keaHex, splitCsv } from './csv.js';

describe('Kea CSV data', () => {
  it('splits at commas, trims, and keeps escaped commas', () => {
    expect(splitCsv('2001:db8::1, 2001:db8::2')).toEqual(['2001:db8::1', '2001:db8::2']);
    expect(splitCsv('EST5EDT4\\,M3.2.0/02:00\\,M11.1.0/02:00')).toEqual(['EST5EDT4,M3.2.0/02:00,M11.1.0/02:00']);
    expect(splitCsv('')).toEqual(['']);
  });

  it("reads every hex form Kea accepts", () => {
    expect(keaHex('20 01 0D B8')).toBe('20010db8');
    expect(keaHex('a:b:cc')).toBe('0a0bcc');
    expect(keaHex('0xABCDEF')).toBe('abcdef');
    expect(keaHex('abc')).toBe('0abc');
    expect(keaHex("'hi'")).toBe('6869');
    expect(keaHex('')).toBe('');
    expect(keaHex('xyz')).toBeUndefined();
  });
});
