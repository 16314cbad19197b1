import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecodeError, standardCodec, type ClientServerMessage6, type Option } from '../../protocol/index.js';
import { ReplayCounter, digestOffset, digestOption, keyOption, replayOf, signReconfigure, verifyReconfigure } from './auth.js';

const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const codec = standardCodec();

function reconfigure(auth: Option, extraFirst: Option[] = []): ClientServerMessage6 {
  return {
    type: 'reconfigure',
    xid: 0,
    options: [
      ...extraFirst,
      { code: 2, name: 'serverid', value: { type: 3, hex: '0003000102000000beef' } },
      { code: 1, name: 'clientid', value: { type: 3, hex: '00030001020000000001' } },
      { code: 19, name: 'reconf-msg', value: 'renew' },
      auth,
    ],
  };
}

describe('RFC 8415 §20.4.1 RKAP Authentication option', () => {
  it('a Reply carries protocol 3, algorithm 1, RDM 0, the counter, then type 1 and the 16-byte key', () => {
    const bytes = codec.encode6({ type: 'reply', xid: 1, options: [keyOption(KEY, 0x0102030405060708n)] });
    // Option 11, length 28 = 3 + 8 + 1 + 16 (§21.11).
    expect(bytes.subarray(4).toString('hex')).toBe('000b001c' + '030100' + '0102030405060708' + '01' + KEY.toString('hex'));
    const back = codec.decode6(bytes) as ClientServerMessage6;
    expect(back.options[0]!.value).toEqual({ protocol: 3, algorithm: 1, rdm: 0, replayDetection: '0102030405060708', info: '01' + KEY.toString('hex') });
  });

  it('refuses a key that is not 128 bits (§20.4)', () => {
    expect(() => keyOption(Buffer.alloc(15), 1n)).toThrow(RangeError);
  });
});

describe('RFC 8415 §20.4.2 HMAC-MD5 over the Reconfigure', () => {
  it('matches an HMAC computed independently over the message with the digest field zero', () => {
    const unsigned = codec.encode6(reconfigure(digestOption(42n)));
    // The auth option is last: its last 16 bytes are the digest, zero before signing.
    expect(unsigned.subarray(unsigned.length - 16).equals(Buffer.alloc(16))).toBe(true);
    const expected = createHmac('md5', KEY).update(unsigned).digest();
    const signed = signReconfigure(unsigned, KEY);
    expect(signed.subarray(signed.length - 16).equals(expected)).toBe(true);
    expect(signed.subarray(0, signed.length - 16).equals(unsigned.subarray(0, unsigned.length - 16))).toBe(true);
    expect(unsigned.subarray(unsigned.length - 16).equals(Buffer.alloc(16))).toBe(true); // input untouched
    const m = codec.decode6(signed);
    expect(m).not.toBeInstanceOf(DecodeError);
    expect(((m as ClientServerMessage6).options[3]!.value as { info: string }).info).toBe('02' + expected.toString('hex'));
  });

  it('known answer: a fixed message and key give a fixed digest', () => {
    // Reconfigure xid 0 | reconf-msg renew | auth 3/1/0, replay 1, type 2, digest zero
    const msg = Buffer.from('0a000000' + '0013000105' + '000b001c030100' + '0000000000000001' + '02' + '00'.repeat(16), 'hex');
    const expected = createHmac('md5', KEY).update(msg).digest('hex');
    expect(signReconfigure(msg, KEY).subarray(-16).toString('hex')).toBe(expected);
    expect(digestOffset(msg)).toBe(msg.length - 16);
  });

  it('finds the digest wherever the option sits, not only last', () => {
    const unsigned = codec.encode6({ ...reconfigure(digestOption(7n)), options: [digestOption(7n), ...reconfigure(digestOption(7n)).options.slice(0, 3)] });
    const at = digestOffset(unsigned);
    expect(at).toBe(4 + 4 + 3 + 8 + 1);
    const signed = signReconfigure(unsigned, KEY);
    expect(signed.subarray(at, at + 16).equals(createHmac('md5', KEY).update(unsigned).digest())).toBe(true);
  });

  it('verifies what it signed; a changed byte, another key or a changed digest fail (§20.4.3)', () => {
    const signed = signReconfigure(codec.encode6(reconfigure(digestOption(42n))), KEY);
    expect(verifyReconfigure(signed, KEY)).toBe(true);
    const tampered = Buffer.from(signed);
    tampered[tampered.indexOf(0x13, 4) + 4] = 11; // reconf-msg: renew → information-request
    expect(verifyReconfigure(tampered, KEY)).toBe(false);
    expect(verifyReconfigure(signed, Buffer.alloc(16, 1))).toBe(false);
    const badDigest = Buffer.from(signed);
    badDigest[badDigest.length - 1]! ^= 1;
    expect(verifyReconfigure(badDigest, KEY)).toBe(false);
    expect(replayOf(signed)).toBe(42n);
  });

  it('finds nothing to sign in a message without an RKAP digest option, or a truncated one', () => {
    const noAuth = codec.encode6({ type: 'reconfigure', xid: 0, options: [{ code: 19, name: 'reconf-msg', value: 'renew' }] });
    expect(digestOffset(noAuth)).toBe(-1);
    expect(() => signReconfigure(noAuth, KEY)).toThrow();
    const keyInReply = codec.encode6({ type: 'reconfigure', xid: 0, options: [keyOption(KEY, 1n)] });
    expect(digestOffset(keyInReply)).toBe(-1); // type 1 is not a digest
    const signed = signReconfigure(codec.encode6(reconfigure(digestOption(1n))), KEY);
    expect(verifyReconfigure(signed.subarray(0, signed.length - 1), KEY)).toBe(false);
    const reply = Buffer.from(signed);
    reply[0] = 7;
    expect(verifyReconfigure(reply, KEY)).toBe(false);
  });
});

describe('RFC 8415 §20.3 RDM 0: a strictly increasing replay counter', () => {
  it('increases within a process even when the clock stands still or steps back', () => {
    let now = 1_800_000_000_000;
    const c = new ReplayCounter(() => now);
    const a = c.next();
    const b = c.next();
    now -= 5000;
    const d = c.next();
    expect(a).toBe(BigInt(now + 5000) * 1024n);
    expect(b).toBe(a + 1n);
    expect(d).toBe(b + 1n);
  });

  it('a restarted process starts above what the last one sent a millisecond before', () => {
    let now = 1_800_000_000_000;
    const first = new ReplayCounter(() => now);
    let last = 0n;
    for (let i = 0; i < 1000; i++) last = first.next();
    now += 1;
    expect(new ReplayCounter(() => now).next()).toBeGreaterThan(last);
  });
});
