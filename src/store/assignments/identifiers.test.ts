import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalIpv6 } from '../../protocol/index.js';
import { parsePrefix6, formatPrefix6 } from '../../protocol/net6.js';
import { canonicalAddress, canonicalId, canonicalPrefix, checkAddress, checkId, checkPrefix } from './identifiers.js';

const bytes = fc.uint8Array({ minLength: 1, maxLength: 20 });
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('canonicalId', () => {
  it('accepts hex with or without separators, any case', () => {
    expect(canonicalId('hw-address', '00:11:22:AA:bb:cc')).toBe('001122aabbcc');
    expect(canonicalId('hw-address', '00-11-22-aa-bb-cc')).toBe('001122aabbcc');
    expect(canonicalId('duid', '000100012C4D')).toBe('000100012c4d');
    expect(canonicalId('interface-id', ' 6574 68:30 '.trim())).toBeUndefined(); // an inner space is no separator
    expect(canonicalId('subscriber-id', '0011-2233')).toBe('00112233');
  });

  it('refuses odd digits, empty groups and non-hex', () => {
    for (const s of ['', '0', 'abc', '0:1:2:3:4:5', '00::11', ':00', '00:', 'zz', '00 11', '0x00']) {
      expect(canonicalId('duid', s), s).toBeUndefined();
    }
  });

  it('bounds the length per type', () => {
    expect(canonicalId('hw-address', '00'.repeat(20))).toBe('00'.repeat(20));
    expect(canonicalId('hw-address', '00'.repeat(21))).toBeUndefined();
    expect(canonicalId('duid', 'ab'.repeat(131))).toBeUndefined();
  });

  it('reads remote-id as ENTERPRISE:HEX', () => {
    expect(canonicalId('remote-id', '4491:00:11:22:33')).toBe('4491:00112233');
    expect(canonicalId('remote-id', '4491:0A0b')).toBe('4491:0a0b');
    expect(canonicalId('remote-id', '004491:0a0b')).toBe('4491:0a0b');
    expect(canonicalId('remote-id', '4294967295:00')).toBe('4294967295:00');
    for (const s of ['4294967296:00', ':00', '4491:', '4491', 'x:00', '4491:0']) expect(canonicalId('remote-id', s), s).toBeUndefined();
  });

  it('takes flex-id as trimmed text', () => {
    expect(canonicalId('flex-id', '  port-7 ')).toBe('port-7');
    expect(canonicalId('flex-id', '   ')).toBeUndefined();
    expect(canonicalId('flex-id', 'x'.repeat(256))).toBeUndefined();
  });

  it('says what it expected', () => {
    expect(checkId('hw-address', 'zz').error).toBe('bad hw-address "zz": expected hex bytes such as 00:11:22:33:44:55 (at most 20 bytes)');
    expect(checkId('remote-id', '4491').error).toMatch(/^bad remote-id "4491": expected ENTERPRISE:HEX/);
  });

  it('property: every spelling of the same bytes has one canonical form', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom('', ':', '-'), fc.boolean(), (b, sep, upper) => {
        let s = [...b].map((x) => x.toString(16).padStart(2, '0')).join(sep);
        if (upper) s = s.toUpperCase();
        expect(canonicalId('hw-address', s)).toBe(hex(b));
        expect(canonicalId('remote-id', `9:${s}`)).toBe(`9:${hex(b)}`);
      }),
    );
  });

  it('property: canonical text is a fixed point', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const c = canonicalId('duid', s);
        if (c !== undefined) expect(canonicalId('duid', c)).toBe(c);
      }),
    );
  });
});

describe('addresses and prefixes', () => {
  it('gives RFC 5952 text', () => {
    expect(canonicalAddress('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(canonicalPrefix('2001:0DB8:1200:0::/56')).toBe('2001:db8:1200::/56');
  });

  it('refuses what no client can hold, saying why', () => {
    expect(checkAddress('ff02::1').error).toBe('bad address "ff02::1": a multicast address');
    expect(checkAddress('::').error).toBe('bad address "::": the unspecified address');
    expect(checkAddress('::1').error).toBe('bad address "::1": the loopback address');
    expect(checkAddress('2001:db8::g').error).toBe('bad address "2001:db8::g": not an IPv6 address');
    expect(checkPrefix('2001:db8::1/56').error).toBe('bad prefix "2001:db8::1/56": host bits set (did you mean 2001:db8::/56?)');
    expect(checkPrefix('2001:db8:1234::/44').error).toBe('bad prefix "2001:db8:1234::/44": host bits set (did you mean 2001:db8:1230::/44?)');
    expect(checkPrefix('2001:db8::/129').error).toBe('bad prefix "2001:db8::/129": the length must be 1 to 128');
    expect(checkPrefix('2001:db8::').error).toMatch(/expected ADDRESS\/LENGTH/);
    expect(checkPrefix('2001:db8::/0').error).toMatch(/1 to 128/);
  });

  it('property: agrees with the protocol helpers', () => {
    const addr = fc.uint8Array({ minLength: 16, maxLength: 16 }).filter((b) => b[0] !== 0xff && b.some((x, i) => i < 15 && x !== 0));
    fc.assert(
      fc.property(addr, fc.integer({ min: 1, max: 128 }), (b, len) => {
        const text = [...Array(8).keys()].map((i) => ((b[2 * i]! << 8) | b[2 * i + 1]!).toString(16).toUpperCase()).join(':');
        expect(canonicalAddress(text)).toBe(canonicalIpv6(text));
        const p = parsePrefix6(`${text}/${len}`);
        expect(canonicalPrefix(`${text}/${len}`)).toBe(p && formatPrefix6(p));
      }),
    );
  });
});
