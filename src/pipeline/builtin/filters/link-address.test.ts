import { describe, expect, it } from 'vitest';
import { build, fakeContext, issues, relay } from '../testing.js';
import { linkAddressFilter } from './link-address.js';

describe('link-address filter', () => {
  const f = build(linkAddressFilter, { prefixes: ['2001:db8:1::/48', '2001:db8:ff::1/128'] });

  it('matches when any hop is inside a prefix', () => {
    expect(f.match(fakeContext({ relays: [relay('2001:db8:1:2::1')] }))).toBe(true);
    expect(f.match(fakeContext({ relays: [relay('2001:db8:9::1'), relay('2001:db8:1::')] }))).toBe(true);
    expect(f.match(fakeContext({ relays: [relay('2001:db8:ff::1')] }))).toBe(true);
  });

  it('does not match outside the prefixes or without relays', () => {
    expect(f.match(fakeContext({ relays: [relay('2001:db8:2::1')] }))).toBe(false);
    expect(f.match(fakeContext({ relays: [relay('::')] }))).toBe(false);
    expect(f.match(fakeContext())).toBe(false);
  });

  it('gives the same answer from its cache, beyond the cache size', () => {
    for (let i = 0; i < 5000; i++) f.match(fakeContext({ relays: [relay(`2001:db8:2::${i.toString(16)}`)] }));
    expect(f.match(fakeContext({ relays: [relay('2001:db8:1:2::1')] }))).toBe(true);
    expect(f.match(fakeContext({ relays: [relay('2001:db8:2::1')] }))).toBe(false);
  });

  it('refuses a prefix with host bits set', () => {
    expect(issues(linkAddressFilter, { prefixes: ['2001:db8::1/48'] })[0]).toMatch(/^prefixes\.0: bad prefix "2001:db8::1\/48"/);
    expect(issues(linkAddressFilter, { prefixes: [] })[0]).toMatch(/^prefixes: list at least one prefix/);
  });
});
