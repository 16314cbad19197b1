import { describe, expect, it } from 'vitest';
import { Codec, DecodeError, type Message6 } from '../index.js';
import { messageType4, type Message4 } from './message.js';
import { ack4, dhclientDiscover, packet, relayedOffer, udhcpcDiscover, udhcpcDiscoverJson, udhcpcRequest } from './samples.js';

const codec = new Codec();
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function decoded(b: Uint8Array): Message4 {
  const m = codec.decode4(b);
  if (m instanceof DecodeError) throw m;
  return m;
}

describe('DHCPv4 messages (RFC 2131 §2, §3)', () => {
  it('decodes a udhcpc DISCOVER padded to 300 bytes', () => {
    expect(decoded(udhcpcDiscover())).toStrictEqual(udhcpcDiscoverJson());
  });

  it('decodes a dhclient DISCOVER: its 27 bytes of padding are counted, not listed', () => {
    const m = decoded(dhclientDiscover());
    expect(m).toMatchObject({ xid: 0x3903f326, secs: 3, chaddr: '000c29123456', padding: 27 });
    expect(m.options.map((o) => o.name)).toStrictEqual(['dhcp-message-type', 'dhcp-requested-address', 'host-name', 'dhcp-parameter-request-list']);
  });

  it.each([
    ['dhclient DISCOVER', dhclientDiscover],
    ['udhcpc DISCOVER', udhcpcDiscover],
    ['udhcpc REQUEST', udhcpcRequest],
  ])('re-encodes a %s byte for byte', (_name, sample) => {
    const b = sample();
    expect(hex(codec.encode4(decoded(b)))).toBe(hex(b));
  });

  it('decodes a relayed OFFER; only its compressed domain-search (RFC 3397) re-encodes differently', () => {
    const m = decoded(relayedOffer());
    expect(m).toMatchObject({ op: 'BOOTREPLY', hops: 1, yiaddr: '192.0.2.100', giaddr: '192.0.2.254' });
    expect(messageType4(m)).toBe('offer');
    const again = codec.encode4(m);
    expect(decoded(again)).toStrictEqual(m);
    expect(again.length).toBe(relayedOffer().length + 11); // "lab" + a pointer becomes "lab.example.com."
  });

  it('encodes an ACK and reads it back', () => {
    const b = codec.encode4(ack4());
    expect(b.length).toBe(236 + 4 + 3 + 6 + 6 + 6 + 6 + 6 + 6 + 10 + 13 + 9 + 1);
    expect(decoded(b)).toStrictEqual(ack4());
  });

  it('treats a packet without the magic cookie as plain BOOTP and keeps its vendor area (RFC 951)', () => {
    const b = udhcpcDiscover();
    b.writeUInt32BE(0x01020304, 236);
    const m = decoded(b);
    expect(m.options).toStrictEqual([]);
    expect(m.vendor).toBe(hex(b.subarray(236)));
    expect(hex(codec.encode4(m))).toBe(hex(b));
    expect(decoded(b.subarray(0, 236))).toMatchObject({ vendor: '', options: [] });
  });

  it('keeps a known option whose body does not parse as raw bytes with the reason', () => {
    const b = packet('01010600' + '00'.repeat(40), '0303c00002' + 'ff');
    expect(decoded(b).options).toStrictEqual([{ code: 3, name: 'routers', raw: 'c00002', error: expect.stringMatching(/multiple of 4/) }]);
    expect(hex(codec.encode4(decoded(b)))).toBe(hex(b));
  });

  it('keeps unknown options as {code, raw}', () => {
    const b = packet('01010600' + '00'.repeat(40), 'e003010203' + 'ff');
    expect(decoded(b).options).toStrictEqual([{ code: 224, raw: '010203' }]);
  });

  it('gives the message type by name, or undefined without option 53', () => {
    expect(messageType4(udhcpcDiscoverJson())).toBe('discover');
    expect(messageType4({ ...udhcpcDiscoverJson(), options: [] })).toBeUndefined();
  });

  it('refuses a BOOTP vendor area next to options', () => {
    expect(() => codec.encode4({ ...udhcpcDiscoverJson(), vendor: '' })).toThrow(/message.vendor/);
  });

  it('travels inside DHCPv6 as DHCPv4-over-DHCPv6 (RFC 7341 §7.1)', () => {
    const m6: Message6 = { type: 'dhcpv4-query', flags: 0, options: [{ code: 87, name: 'dhcpv4-message', value: udhcpcDiscoverJson() }] };
    expect(codec.decode6(codec.encode6(m6))).toStrictEqual(m6);
  });

  it('gives a DecodeError inside the packet, never anything else, for every truncation', () => {
    for (const sample of [dhclientDiscover(), udhcpcRequest(), relayedOffer()]) {
      for (let n = 0; n < sample.length; n++) {
        const r = codec.decode4(sample.subarray(0, n));
        if (r instanceof DecodeError) expect(r.offset).toBeLessThanOrEqual(n);
        else expect(n).toBeGreaterThanOrEqual(236);
      }
    }
  });
});
