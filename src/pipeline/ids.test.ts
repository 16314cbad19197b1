import { describe, expect, it } from 'vitest';
import { DecodeError, standardCodec, type Message6, type RelayMessage6 } from '../protocol/index.js';
import { unwrap } from '../server/relay.js';
import { requestIds } from './ids.js';

const codec = standardCodec();

function relayed(hops: { remoteId?: [number, string]; interfaceId?: string; subscriberId?: string }[]): RelayMessage6[] {
  let inner: Message6 = { type: 'solicit', xid: 1, options: [] };
  // hops[0] is the relay next to the client, so it wraps first.
  hops.forEach((h, i) => {
    const options = [];
    if (h.interfaceId) options.push({ code: 18, value: h.interfaceId });
    if (h.remoteId) options.push({ code: 37, value: { enterprise: h.remoteId[0], remoteId: h.remoteId[1] } });
    if (h.subscriberId) options.push({ code: 38, value: h.subscriberId });
    options.push({ code: 9, value: inner });
    inner = { type: 'relay-forw', hopCount: i, linkAddress: '2001:db8::1', peerAddress: 'fe80::1', options };
  });
  // Through the wire and back, so the JSON form is the decoder's.
  const decoded = codec.decode6(codec.encode6(inner));
  if (decoded instanceof DecodeError) throw new Error(decoded.reason);
  return unwrap(decoded)!.relays;
}

describe('requestIds', () => {
  it('reads RFC 4649 remote-id as ENTERPRISE:HEX, RFC 4580 subscriber-id and interface-id as hex', () => {
    const ids = requestIds('000300010a0b0c0d0e0f', '0a0b0c0d0e0f', relayed([{ remoteId: [9, '0102'], subscriberId: '616263', interfaceId: 'abcd' }]));
    expect(ids).toEqual({ duid: '000300010a0b0c0d0e0f', 'hw-address': '0a0b0c0d0e0f', 'remote-id': '9:0102', 'subscriber-id': '616263', 'interface-id': 'abcd' });
  });

  it('takes each identifier from the relay closest to the client that has it', () => {
    const ids = requestIds('01', undefined, relayed([{ interfaceId: '01' }, { interfaceId: '02', remoteId: [4491, 'ff'] }]));
    expect(ids['interface-id']).toBe('01');
    expect(ids['remote-id']).toBe('4491:ff');
    expect(ids['hw-address']).toBeUndefined();
  });

  it('has only the DUID for a direct client', () => {
    expect(requestIds('01', undefined, [])).toEqual({ duid: '01' });
  });
});
