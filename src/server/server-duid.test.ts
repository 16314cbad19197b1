import { describe, expect, it } from 'vitest';
import { Codec, DecodeError } from '../protocol/index.js';
import { makeServerDuid } from './server-duid.js';

describe('server DUID (RFC 8415 §11)', () => {
  it('is a DUID-LLT over the MAC, timed from 2000-01-01, and decodes to itself', () => {
    const d = makeServerDuid('020000aabbcc', 946684800 + 1000, Math.random);
    expect(d).toEqual({ type: 'LLT', hwtype: 1, time: 1000, lladdr: '020000aabbcc', hex: '00010001000003e8020000aabbcc' });
    const codec = new Codec();
    const m = codec.decode6(codec.encode6({ type: 'reply', xid: 1, options: [{ code: 2, name: 'serverid', value: d }] }));
    expect(m instanceof DecodeError ? m : m.options[0]!.value).toEqual(d);
  });

  it('falls back to a DUID-LL over a random locally administered MAC', () => {
    const d = makeServerDuid(undefined, 0, () => 0.5);
    expect(d).toEqual({ type: 'LL', hwtype: 1, lladdr: '828080808080', hex: '00030001828080808080' });
  });
});
