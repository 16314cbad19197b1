import { describe, expect, it } from 'vitest';
import { parseAddress, parseCount, parseHex, parseMac, parsePort, parsePrefix, prefixContains } from './args.js';
import { parseTypes } from './types.js';

describe('decode option values', () => {
  it('normalises hex, MACs and addresses', () => {
    expect(parseHex('00:01:AA')).toBe('0001aa');
    expect(parseHex('00-01-aa')).toBe('0001aa');
    expect(() => parseHex('abc')).toThrow(/hex bytes/);
    expect(parseMac('0011.2233.4455')).toBe('001122334455');
    expect(parseMac('00:0C:29:12:34:56')).toBe('000c29123456');
    expect(() => parseMac('zz')).toThrow(/link-layer/);
    expect(parseAddress('2001:DB8:0:0::1')).toBe('2001:db8::1');
    expect(parseAddress('192.0.2.1')).toBe('192.0.2.1');
    expect(() => parseAddress('192.0.2')).toThrow(/IPv6 or IPv4/);
  });

  it('parses prefixes and tells what lies inside', () => {
    const p = parsePrefix('2001:db8:8000::/33');
    expect(p.length).toBe(33);
    expect(() => parsePrefix('2001:db8::1/64')).toThrow('bits are set past /64');
    expect(() => parsePrefix('2001:db8::/129')).toThrow(/IPv6 prefix/);
    const inner = parsePrefix('2001:db8:8000:100::/56');
    expect(prefixContains(p, inner.bytes, 56)).toBe(true);
    expect(prefixContains(p, inner.bytes, 32)).toBe(false);
    expect(prefixContains(p, parsePrefix('2001:db8::/56').bytes, 56)).toBe(false);
    expect(prefixContains(parsePrefix('::/0'), inner.bytes, 56)).toBe(true);
  });

  it('checks ports and counts', () => {
    expect(parsePort('547')).toBe(547);
    expect(() => parsePort('0')).toThrow();
    expect(() => parsePort('70000')).toThrow();
    expect(parseCount('10')).toBe(10);
    expect(() => parseCount('0')).toThrow();
    expect(() => parseCount('1.5')).toThrow();
  });

  it('names message types of either protocol', () => {
    expect(parseTypes(['solicit', 'DHCPDISCOVER', 'Request'])).toEqual({ v6: new Set([1, 3]), v4: new Set([1, 3]) });
    expect(() => parseTypes(['solicitt'])).toThrow(/unknown message type "solicitt". DHCPv6: solicit, advertise/);
  });
});
