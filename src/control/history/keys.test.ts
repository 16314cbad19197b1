import { describe, expect, it } from 'vitest';
import { canonicalValue, indexKey, recordKeys } from './keys.js';
import type { TransactionRecord } from '../types.js';

describe('canonicalValue', () => {
  it('makes hex identifiers lowercase without separators', () => {
    expect(canonicalValue('duid', '00:01:00:01:2D:B8:A5:80')).toBe('000100012db8a580');
    expect(canonicalValue('hw-address', '00-0C-29-12-34-56')).toBe('000c29123456');
    expect(canonicalValue('interface-id', '0x657468302f31')).toBe('657468302f31');
    expect(canonicalValue('subscriber-id', ' ab cd ')).toBe('abcd');
  });

  it('refuses what is not hex', () => {
    expect(canonicalValue('duid', 'eth0/1')).toBeUndefined();
    expect(canonicalValue('duid', '')).toBeUndefined();
  });

  it('keeps the enterprise number of a remote-id', () => {
    expect(canonicalValue('remote-id', '3561:01:02:0A')).toBe('3561:01020a');
    expect(canonicalValue('remote-id', '03561:0102')).toBe('3561:0102');
    expect(canonicalValue('remote-id', '0102ab')).toBe('0102ab');
  });

  it('writes addresses and prefixes as RFC 5952 text', () => {
    expect(canonicalValue('address', '2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(canonicalValue('prefix', '2001:db8:8000:0100::/56')).toBe('2001:db8:8000:100::');
    expect(canonicalValue('prefix', '2001:db8:8000:100::')).toBe('2001:db8:8000:100::');
    expect(canonicalValue('address', 'not-an-address')).toBeUndefined();
  });

  it('prefixes the kind so kinds never collide', () => {
    expect(indexKey({ by: 'duid', value: 'ab' })).toBe('duid|ab');
    expect(indexKey({ by: 'hw-address', value: 'ab' })).toBe('hw-address|ab');
  });
});

describe('recordKeys', () => {
  it('indexes identifiers and granted resources once each', () => {
    const r: TransactionRecord = {
      at: 0,
      micros: 10,
      type: 'request',
      duid: '000100012DB8A580000C29123456',
      hwaddr: '00:0c:29:12:34:56',
      ids: { 'remote-id': '3561:0102030405', 'interface-id': '657468302f31', 'subscriber-id': '616263' },
      source: 'fe80::1',
      granted: ['2001:db8:1::1234', '2001:db8:8000:100::/56', '2001:DB8:1::1234'],
      status: [],
    };
    expect(recordKeys(r).sort()).toEqual(
      [
        'address|2001:db8:1::1234',
        'duid|000100012db8a580000c29123456',
        'hw-address|000c29123456',
        'interface-id|657468302f31',
        'prefix|2001:db8:8000:100::',
        'remote-id|3561:0102030405',
        'subscriber-id|616263',
      ].sort(),
    );
  });

  it('falls back to ids.duid and skips what cannot be a key', () => {
    const r = { at: 0, micros: 1, type: 'solicit', ids: { duid: 'AB', 'hw-address': 'zz' }, source: '::1', granted: ['junk'], status: [] };
    expect(recordKeys(r)).toEqual(['duid|ab']);
  });
});
