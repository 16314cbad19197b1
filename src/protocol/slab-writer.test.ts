import { describe, expect, it } from 'vitest';
import { Codec, type Message6 } from './index.js';
import { relayedReply, relayedSolicit } from './testing/samples.js';

const codec = new Codec();

/** A message of about `bytes` bytes: one vendor-class item that size. */
function sized(bytes: number, xid: number): Message6 {
  return { type: 'solicit', xid, options: [{ code: 16, name: 'vendor-class', value: { enterprise: 1, data: ['ab'.repeat(bytes)] } }] };
}

describe('encoded messages share a slab', () => {
  it('stay intact while later messages are encoded, across slabs and grown buffers', () => {
    const messages = [relayedSolicit(), relayedReply(), sized(3000, 1), sized(20000, 2), relayedSolicit(), sized(40000, 3), relayedReply()];
    const kept: { bytes: Buffer; copy: string }[] = [];
    for (let round = 0; round < 200; round++) {
      for (const m of messages) {
        const bytes = codec.encode6(m);
        kept.push({ bytes, copy: bytes.toString('hex') });
      }
    }
    for (const k of kept) expect(k.bytes.toString('hex')).toBe(k.copy);
    for (let i = 0; i < messages.length; i++) expect(codec.decode6(kept[i]!.bytes)).toEqual(messages[i]);
  });

  it('a failed encode leaves nothing behind', () => {
    const before = codec.encode6(relayedSolicit());
    const copy = Buffer.from(before);
    expect(() => codec.encode6({ type: 'solicit', xid: 1, options: [{ code: 23, value: ['not an address'] }] })).toThrow();
    expect(before).toEqual(copy);
    expect(codec.encode6(relayedSolicit())).toEqual(copy);
  });
});
