import { describe, expect, it } from 'vitest';
import type { KeaDef } from './kea-defs.js';
import { dataBytes, fieldBytes } from './wire.js';

const hex = (b: Buffer) => b.toString('hex');
const def = (over: Partial<KeaDef>): KeaDef => ({ name: 'x', code: 1, space: 'dhcp6', type: 'uint8', array: false, recordTypes: [], encapsulate: '', ...over });

describe("Kea's option data types on the wire", () => {
  it("writes integers big-endian, signed ones in two's complement, and range-checks them", () => {
    expect(hex(fieldBytes('uint16', '547'))).toBe('0223');
    expect(hex(fieldBytes('int32', '-1'))).toBe('ffffffff');
    expect(hex(fieldBytes('uint32', '4294967295'))).toBe('ffffffff');
    expect(() => fieldBytes('uint8', '256')).toThrow('"256" is not a uint8 (0..255)');
    expect(() => fieldBytes('uint8', '1.5')).toThrow('not a uint8');
  });

  it('reads hex integers as Kea does, with or without 0x', () => {
    expect(hex(fieldBytes('uint16', '0x5553'))).toBe('5553');
    expect(hex(fieldBytes('uint8', 'f0'))).toBe('f0');
    expect(hex(fieldBytes('uint8', '10'))).toBe('0a');
  });

  it('reads booleans as Kea does', () => {
    expect(hex(fieldBytes('boolean', 'TRUE'))).toBe('01');
    expect(hex(fieldBytes('boolean', '0'))).toBe('00');
    expect(() => fieldBytes('boolean', 'yes')).toThrow('not a boolean');
  });

  it('writes an ipv6-prefix as its length and only the bytes it covers, clearing the bits past it', () => {
    // Kea's own test: 2001:db8:ffff::/34 → 34, 20 01 0d b8 c0.
    expect(hex(fieldBytes('ipv6-prefix', '2001:db8:ffff::/34'))).toBe('2220010db8c0');
    expect(hex(fieldBytes('ipv6-prefix', '::/0'))).toBe('00');
  });

  it('writes a PSID in the top bits of 16 (RFC 7597)', () => {
    expect(hex(fieldBytes('psid', '3/4'))).toBe('043000');
    expect(() => fieldBytes('psid', '16/4')).toThrow('not a PSID');
  });

  it('writes names fully qualified, and tuples with a 16-bit length', () => {
    expect(hex(fieldBytes('fqdn', 'a.example'))).toBe('0161076578616d706c6500');
    expect(hex(fieldBytes('fqdn', 'a.example.'))).toBe('0161076578616d706c6500');
    expect(() => fieldBytes('fqdn', 'a..example')).toThrow('not a domain name');
    expect(hex(fieldBytes('tuple', 'hi'))).toBe('00026869');
  });

  it('lays out records, repeating the last field when the definition is an array', () => {
    const rec = def({ type: 'record', recordTypes: ['uint8', 'ipv6-address'], array: true });
    expect(hex(dataBytes(rec, ['1', '::1', '::2']))).toBe('01' + '0'.repeat(31) + '1' + '0'.repeat(31) + '2');
    expect(() => dataBytes({ ...rec, array: false }, ['1', '::1', '::2'])).toThrow('takes 2 value(s), got 3');
    expect(() => dataBytes(rec, ['1'])).toThrow('needs 2 value(s), got 1');
  });

  it('takes one value for a single field, any number for an array, none for empty', () => {
    expect(() => dataBytes(def({ type: 'string' }), ['a', 'b'])).toThrow('escape commas');
    expect(hex(dataBytes(def({ type: 'uint16', array: true }), ['1', '2']))).toBe('00010002');
    expect(hex(dataBytes(def({ type: 'empty' }), ['']))).toBe('');
    expect(() => dataBytes(def({ type: 'empty' }), ['1'])).toThrow('takes no data');
  });
});
