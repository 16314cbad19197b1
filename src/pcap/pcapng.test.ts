import { describe, expect, it } from 'vitest';
import { readCapture, type CaptureProblem } from './read.js';
import { block, epb, idb, opb, shb, spb } from './testing/captures.js';

const A = Uint8Array.of(1, 2, 3);
const B = Uint8Array.of(4, 5, 6, 7, 8);

function read(file: Buffer): { pkts: ReturnType<typeof summary>[]; problems: CaptureProblem[] } {
  const problems: CaptureProblem[] = [];
  const pkts = [...readCapture(file, { onProblem: (p) => problems.push(p) })].map(summary);
  return { pkts, problems };
}

function summary(p: { index: number; timestampNs: bigint | undefined; linkType: number; data: Uint8Array; originalLength: number }) {
  return { index: p.index, ts: p.timestampNs, linkType: p.linkType, data: [...p.data], originalLength: p.originalLength };
}

describe('pcapng', () => {
  it.each([true, false])('reads EPBs on several interfaces with their link types (littleEndian %s)', (le) => {
    const file = Buffer.concat([shb(le), idb(1, {}, le), idb(113, {}, le), epb(1, 1_000_001n, A, le), epb(0, 2n, B, le, 1500)]);
    expect(read(file).pkts).toEqual([
      { index: 1, ts: 1_000_001_000n, linkType: 113, data: [1, 2, 3], originalLength: 3 },
      { index: 2, ts: 2000n, linkType: 1, data: [4, 5, 6, 7, 8], originalLength: 1500 },
    ]);
  });

  it('honours if_tsresol in base 10 and base 2, and if_tsoffset', () => {
    const file = Buffer.concat([
      shb(),
      idb(1, { tsresol: 9 }),
      idb(1, { tsresol: 0x80 | 10 }), // 1/1024 s
      idb(1, { tsresol: 12, tsoffsetSeconds: 100 }),
      epb(0, 5n, A),
      epb(1, 2048n, A),
      epb(2, 7_000n, A),
    ]);
    expect(read(file).pkts.map((p) => p.ts)).toEqual([5n, 2_000_000_000n, 100_000_000_007n]);
  });

  it('starts a fresh interface list and byte order at each section', () => {
    const file = Buffer.concat([shb(true), idb(1), epb(0, 0n, A), shb(false), idb(101, {}, false), epb(0, 0n, B, false)]);
    expect(read(file).pkts.map((p) => [p.index, p.linkType])).toEqual([
      [1, 1],
      [2, 101],
    ]);
  });

  it('reads SPBs (no timestamp, cut at the snap length) and OPBs', () => {
    const file = Buffer.concat([shb(), idb(1, { snapLen: 4 }), spb(B, true, 60), opb(0, 3n, A)]);
    expect(read(file).pkts).toEqual([
      { index: 1, ts: undefined, linkType: 1, data: [4, 5, 6, 7], originalLength: 60 },
      { index: 2, ts: 3000n, linkType: 1, data: [1, 2, 3], originalLength: 3 },
    ]);
  });

  it('skips unknown blocks, and reports packets on undescribed interfaces while still counting them', () => {
    const file = Buffer.concat([shb(), block(0x0bad, Uint8Array.of(9, 9, 9)), idb(1), epb(3, 0n, A), epb(0, 0n, B)]);
    const { pkts, problems } = read(file);
    expect(pkts.map((p) => p.index)).toEqual([2]);
    expect(problems).toEqual([{ offset: 28 + 16 + 20, reason: 'packet 1: interface 3 is not described (the section has 1)' }]);
  });

  it('ends at a truncated last block and reports it', () => {
    const whole = Buffer.concat([shb(), idb(1), epb(0, 0n, A), epb(0, 0n, B)]);
    const { pkts, problems } = read(whole.subarray(0, whole.length - 4));
    expect(pkts.length).toBe(1);
    expect(problems).toEqual([{ offset: 28 + 20 + 36, reason: 'block of type 0x6 is truncated: 36 of 40 bytes' }]);
  });

  it('stops at a zero or misaligned block length instead of looping', () => {
    const zero = Buffer.alloc(12);
    const { pkts, problems } = read(Buffer.concat([shb(), idb(1), zero, epb(0, 0n, A)]));
    expect(pkts).toEqual([]);
    expect(problems[0]!.reason).toBe('block of type 0x0 has a bad length 0');
  });

  it('refuses a bad section header with a precise message', () => {
    const badBom = shb();
    badBom.writeUInt32LE(0x12345678, 8);
    expect(() => readCapture(badBom)).toThrow('section header has a bad byte-order magic 0x12345678');
    expect(() => readCapture(shb(true, [2, 0]))).toThrow('unsupported pcapng version 2.0 (expected 1.x)');
    expect(() => readCapture(shb().subarray(0, 20))).toThrow('pcapng section header is truncated: 20 of 28 bytes');
    const badTrailer = shb();
    badTrailer.writeUInt32LE(99, 24);
    expect(() => readCapture(badTrailer)).toThrow("section header block's trailing length does not match 28");
  });
});
