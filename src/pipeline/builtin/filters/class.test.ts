import { describe, expect, it } from 'vitest';
import type { Option } from '../../../protocol/index.js';
import { build, fakeContext, issues } from '../testing.js';
import { hexIncludes } from './hex-search.js';
import { userClassFilter } from './user-class.js';
import { vendorClassFilter } from './vendor-class.js';

const hex = (s: string) => Buffer.from(s).toString('hex');
const withOptions = (...options: Option[]) => fakeContext({ msg: { type: 'solicit', xid: 1, options } });
const vendorClass = (enterprise: number, ...data: string[]): Option => ({ code: 16, name: 'vendor-class', value: { enterprise, data: data.map(hex) } });
const userClass = (...items: string[]): Option => ({ code: 15, name: 'user-class', value: items.map(hex) });

describe('vendor-class filter', () => {
  it('matches the enterprise, and a piece of the data when given', () => {
    const any = build(vendorClassFilter, { enterprise: 4491 });
    const docsis = build(vendorClassFilter, { enterprise: 4491, data: 'docsis3' });
    const bytes = build(vendorClassFilter, { enterprise: 4491, 'data-hex': '73:69:73' }); // "sis"
    const c = withOptions(vendorClass(4491, 'x', 'docsis3.0'));
    expect([any.match(c), docsis.match(c), bytes.match(c)]).toEqual([true, true, true]);
    const other = withOptions(vendorClass(4491, 'eRouter1.0'));
    expect([any.match(other), docsis.match(other), bytes.match(other)]).toEqual([true, false, false]);
    expect(any.match(withOptions(vendorClass(9, 'docsis3.0')))).toBe(false);
    expect(any.match(withOptions())).toBe(false);
    expect(any.match(withOptions({ code: 16, raw: '00', error: 'too short' }))).toBe(false);
  });

  it('refuses data and data-hex together', () => {
    expect(issues(vendorClassFilter, { enterprise: 1, data: 'a', 'data-hex': '61' })).toEqual(['data-hex: give "data" or "data-hex", not both']);
    expect(issues(vendorClassFilter, { data: 'a' })[0]).toMatch(/^enterprise:/);
  });

  it('finds hex only on byte boundaries', () => {
    expect(hexIncludes('0123', '12')).toBe(false);
    expect(hexIncludes('011212', '12')).toBe(true);
    expect(hexIncludes('abcdef', 'ef')).toBe(true);
  });
});

describe('user-class filter', () => {
  it('matches when one item equals a value', () => {
    const f = build(userClassFilter, { values: [{ text: 'iptv' }, '00:ff'] });
    expect(f.match(withOptions(userClass('voip', 'iptv')))).toBe(true);
    expect(f.match(withOptions({ code: 15, value: ['00ff'] }))).toBe(true);
    expect(f.match(withOptions(userClass('iptv-old')))).toBe(false);
    expect(f.match(withOptions())).toBe(false);
    expect(issues(userClassFilter, { values: ['0g'] })[0]).toMatch(/^values\.0: /);
  });
});
