import { describe, expect, it } from 'vitest';
import { duidText, hexAscii, isoTime, linkLayer } from './values.js';

describe('text values', () => {
  it('shows ASCII beside hex only when every byte is printable', () => {
    expect(hexAscii('657468302f31')).toBe('657468302f31 "eth0/1"');
    expect(hexAscii('6574680a')).toBe('6574680a');
    expect(hexAscii('22')).toBe('22 "\\""');
    expect(hexAscii('')).toBe('(empty)');
  });

  it('writes Ethernet addresses with colons, other link layers as hex', () => {
    expect(linkLayer('000c29123456', 1)).toBe('00:0c:29:12:34:56');
    expect(linkLayer('000c29123456', 6)).toBe('000c29123456');
    expect(linkLayer('000c2912', 1)).toBe('000c2912');
  });

  it('gives DUID-LLT time from the year 2000 epoch', () => {
    expect(duidText({ type: 'LLT', hwtype: 1, time: 0, lladdr: '000c29123456', hex: '00010001000000000' })).toContain('time 2000-01-01T00:00:00Z');
    expect(duidText({ type: 7, hex: '0007ff' })).toBe('0007ff (type 7)');
  });

  it('formats capture times in ISO 8601 UTC with milliseconds, across seconds and before 1970', () => {
    expect(isoTime(1_714_521_600_123_456_789n)).toBe('2024-05-01T00:00:00.123Z');
    expect(isoTime(1_714_521_600_999_000_000n)).toBe('2024-05-01T00:00:00.999Z');
    expect(isoTime(1_714_521_601_000_000_000n)).toBe('2024-05-01T00:00:01.000Z');
    expect(isoTime(-1_000_000n)).toBe('1969-12-31T23:59:59.999Z');
    expect(isoTime(10n ** 30n)).toBeUndefined();
  });
});
