import { describe, expect, it } from 'vitest';
import { CaptureError, readCapture, type CaptureProblem } from './read.js';
import { classicPcap } from './testing/captures.js';

const A = Uint8Array.of(1, 2, 3);
const B = Uint8Array.of(4, 5, 6, 7, 8);

describe('classic pcap', () => {
  it.each([
    ['little-endian', true],
    ['big-endian', false],
  ])('reads %s microsecond files', (_, littleEndian) => {
    const file = classicPcap(
      [
        { data: A, seconds: 1_700_000_000, fraction: 123_456 },
        { data: B, seconds: 1_700_000_001, fraction: 0, originalLength: 1500 },
      ],
      { littleEndian, linkType: 113 },
    );
    const pkts = [...readCapture(file)];
    expect(pkts.map((p) => [p.index, p.linkType, [...p.data], p.originalLength])).toEqual([
      [1, 113, [1, 2, 3], 3],
      [2, 113, [4, 5, 6, 7, 8], 1500],
    ]);
    expect(pkts[0]!.timestampNs).toBe(1_700_000_000_123_456_000n);
    expect(pkts[1]!.data.buffer).toBe(file.buffer); // a view, not a copy
  });

  it.each([true, false])('reads nanosecond files (littleEndian %s)', (littleEndian) => {
    const file = classicPcap([{ data: A, seconds: 1, fraction: 999_999_999 }], { littleEndian, nanos: true });
    expect([...readCapture(file)][0]!.timestampNs).toBe(1_999_999_999n);
  });

  it('takes the link type from the low 16 bits (the high bits carry FCS information)', () => {
    const file = classicPcap([{ data: A, seconds: 0, fraction: 0 }], { linkType: 0x14000001 });
    expect([...readCapture(file)][0]!.linkType).toBe(1);
  });

  it('refuses a bad file header with a precise message', () => {
    expect(() => readCapture(Buffer.from('hello world, not a capture'))).toThrow(new CaptureError('not a pcap or pcapng file (magic 0x68656c6c)'));
    expect(() => readCapture(Uint8Array.of(1))).toThrow(/file is 1 bytes long/);
    expect(() => readCapture(classicPcap([]).subarray(0, 20))).toThrow(/pcap file header is truncated: 20 of 24 bytes/);
    expect(() => readCapture(classicPcap([], { version: [1, 0] }))).toThrow(/unsupported pcap version 1.0/);
  });

  it('ends at a truncated last record and reports it', () => {
    const whole = classicPcap([
      { data: A, seconds: 0, fraction: 0 },
      { data: B, seconds: 0, fraction: 0 },
    ]);
    for (const [cut, reason] of [
      [whole.length - 2, 'record 2 is truncated: 3 of 5 bytes'],
      [24 + 16 + 3 + 10, 'record header is truncated: 10 of 16 bytes'],
    ] as const) {
      const problems: CaptureProblem[] = [];
      const pkts = [...readCapture(whole.subarray(0, cut), { onProblem: (p) => problems.push(p) })];
      expect(pkts.length).toBe(1);
      expect(problems).toEqual([{ offset: 43, reason }]);
    }
  });

  it('reads an empty capture', () => {
    expect([...readCapture(classicPcap([]))]).toEqual([]);
  });
});
