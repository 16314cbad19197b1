import { describe, expect, it } from 'vitest';
import { Codec, DecodeError } from '../index.js';
import { relayedReply, relayedSolicit } from '../testing/samples.js';

const codec = new Codec();

describe('DHCPv6 messages (RFC 8415 §8, §9)', () => {
  it('round-trips a relayed Solicit and its Reply', () => {
    for (const m of [relayedSolicit(), relayedReply()]) {
      const bytes = codec.encode6(m);
      expect(codec.decode6(bytes)).toEqual(m);
      expect(codec.encode6(codec.decode6(bytes) as never)).toEqual(bytes);
    }
  });

  it('refuses relay nesting deeper than 32 (RFC 8415 §7.6 bounds, DESIGN invariant 1)', () => {
    let m: unknown = { type: 'solicit', xid: 1, options: [] };
    for (let i = 0; i < 33; i++) m = { type: 'relay-forw', hopCount: 0, linkAddress: '::', peerAddress: '::', options: [{ code: 9, value: m }] };
    const r = codec.decode6(codec.encode6(m as never));
    expect(r).toBeInstanceOf(DecodeError);
    expect((r as DecodeError).reason).toMatch(/nested deeper than 32/);
  });

  it('keeps a known option that does not parse as raw bytes with the reason', () => {
    const bytes = Buffer.from('0112345600170003aabbcc', 'hex');
    const m = codec.decode6(bytes);
    expect(m).toEqual({ type: 'solicit', xid: 0x123456, options: [{ code: 23, name: 'dns-servers', raw: 'aabbcc', error: expect.stringMatching(/multiple of 16/) }] });
    expect(codec.encode6(m as never)).toEqual(bytes);
  });

  it('names the offset of an option that runs past the message', () => {
    const r = codec.decode6(Buffer.from('01123456000100ff00', 'hex'));
    expect(r).toBeInstanceOf(DecodeError);
    expect((r as DecodeError).offset).toBe(4);
  });
});
