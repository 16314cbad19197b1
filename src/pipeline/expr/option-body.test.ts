import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardCodec, type ClientServerMessage6, type Option } from '../../protocol/index.js';
import { arbitraryContext, arbitraryOption } from '../../protocol/testing/arbitrary.js';
import { bodyReader } from './option-body.js';

const codec = standardCodec();

/** Encode one option in a Solicit, decode it back: the decoded option and its body bytes on the wire. */
function roundTrip(o: Option): { decoded: Option; body: string } {
  const buf = codec.encode6({ type: 'solicit', xid: 1, options: [o] });
  const m = codec.decode6(buf);
  if (!('xid' in m)) throw new Error('did not decode as a client/server message');
  // type (1) + xid (3) + code (2) + length (2)
  return { decoded: (m as ClientServerMessage6).options[0]!, body: buf.subarray(8).toString('hex') };
}

describe('bodyReader', () => {
  it.each<[string, Option]>([
    ['clientid (duid)', { code: 1, name: 'clientid', value: { type: 'LL', hwtype: 1, lladdr: '02000000beef', hex: '0003000102000000beef' } }],
    ['elapsed-time (u16)', { code: 8, name: 'elapsed-time', value: 300 }],
    ['oro (array of u16)', { code: 6, name: 'oro', value: [23, 24] }],
    ['rapid-commit (empty)', { code: 14, name: 'rapid-commit' }],
    ['user-class (tuples)', { code: 15, name: 'user-class', value: ['6162', ''] }],
    ['vendor-class (record with tuples)', { code: 16, name: 'vendor-class', value: { enterprise: 4491, data: ['646f63736973'] } }],
    ['interface-id (binary)', { code: 18, name: 'interface-id', value: '657468302f31' }],
    ['remote-id (record)', { code: 37, name: 'remote-id', value: { enterprise: 3561, remoteId: '0102' } }],
    ['client-linklayer-addr', { code: 79, name: 'client-linklayer-addr', value: { linkType: 1, address: '02000000beef' } }],
    ['status-code (enum + string)', { code: 13, name: 'status-code', value: { status: 'NoAddrsAvail', message: 'none, sorry' } }],
    ['unicast (ipv6)', { code: 12, name: 'unicast', value: '2001:db8::1' }],
    ['unknown code (raw)', { code: 65000, raw: 'c0ffee' }],
  ])('gives the wire body of %s', (_what, o) => {
    const { decoded, body } = roundTrip(o);
    expect(bodyReader(o.code)(decoded)).toBe(body);
  });

  it('gives the raw bytes of a malformed known option', () => {
    expect(bodyReader(37)({ code: 37, name: 'remote-id', raw: '0102', error: 'too short' })).toBe('0102');
  });

  it('gives undefined for bodies it cannot rebuild, or values of the wrong shape', () => {
    expect(bodyReader(3)({ code: 3, name: 'ia-na', value: { iaid: 1, t1: 0, t2: 0, options: [] } })).toBeUndefined();
    expect(bodyReader(37)({ code: 37, name: 'remote-id', value: 'not a record' })).toBeUndefined();
    expect(bodyReader(8)({ code: 8, name: 'elapsed-time', value: 70000 })).toBeUndefined();
    expect(bodyReader(65000)({ code: 65000, value: 'x' })).toBeUndefined();
  });

  it('never gives anything but the exact wire body (any option the codec can build)', () => {
    const space = codec.space('dhcp6');
    fc.assert(
      fc.property(arbitraryOption(space, arbitraryContext()), (o) => {
        const { decoded, body } = roundTrip(o);
        const got = bodyReader(decoded.code)(decoded);
        if (got !== undefined) expect(got).toBe(body);
      }),
      { numRuns: 500 },
    );
  });
});
