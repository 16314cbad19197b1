import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DecodeError } from '../errors.js';
import { Deframer, frame } from './tcp-framing.js';

describe('bulk leasequery TCP framing (RFC 5460 §5.1)', () => {
  it('prefixes each message with its 2-byte size', () => {
    expect(frame(Buffer.from('0e000001', 'hex')).toString('hex')).toBe('00040e000001');
  });

  it('gives back the same messages however the stream is cut', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 300 }), { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1 }), (messages, cuts) => {
        const stream = Buffer.concat(messages.map((m) => frame(m)));
        const d = new Deframer();
        const got: Buffer[] = [];
        let at = 0;
        for (let i = 0; at < stream.length; i++) {
          const n = cuts[i % cuts.length]!;
          got.push(...d.push(stream.subarray(at, at + n)));
          at += n;
        }
        expect(got.map((b) => b.toString('hex'))).toEqual(messages.map((m) => Buffer.from(m).toString('hex')));
        expect(d.buffered).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a zero or oversized message-size with its stream offset', () => {
    const d = new Deframer(100);
    d.push(frame(Buffer.from('01000001', 'hex')));
    try {
      d.push(Buffer.from('0fff', 'hex'));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DecodeError);
      expect((e as DecodeError).offset).toBe(6);
    }
    expect(() => new Deframer().push(Buffer.from('0000', 'hex'))).toThrow(DecodeError);
  });
});
