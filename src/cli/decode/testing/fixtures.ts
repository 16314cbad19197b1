import { Codec, type Message4, type Message6 } from '../../../protocol/index.js';

const codec = new Codec();

/** Test fixtures shared by the decode tests. */

/** A relayed Request whose client DUID is DUID-LL 00:0c:29:12:34:56, with IA_NA and IA_PD. */
export function relayedRequest(duidMac = '000c29123456'): Message6 {
  return {
    type: 'relay-forw',
    hopCount: 0,
    linkAddress: '2001:db8:1::1',
    peerAddress: 'fe80::20c:29ff:fe12:3456',
    options: [
      { code: 18, name: 'interface-id', value: '657468302f31' },
      { code: 37, name: 'remote-id', value: { enterprise: 3561, remoteId: '0102030405' } },
      { code: 79, name: 'client-linklayer-addr', value: { linkType: 1, address: '02aabbccddee' } },
      {
        code: 9,
        name: 'relay-msg',
        value: {
          type: 'request',
          xid: 0x1a2b3c,
          options: [
            { code: 1, name: 'clientid', value: { type: 'LL', hwtype: 1, lladdr: duidMac, hex: `00030001${duidMac}` } },
            { code: 2, name: 'serverid', value: { type: 'EN', enterprise: 9, id: '0a0b', hex: '0002000000090a0b' } },
            {
              code: 3,
              name: 'ia-na',
              value: { iaid: 1, t1: 0, t2: 0, options: [{ code: 5, name: 'iaaddr', value: { address: '2001:db8:1::1234', preferredLifetime: 0, validLifetime: 0, options: [] } }] },
            },
            {
              code: 25,
              name: 'ia-pd',
              value: { iaid: 2, t1: 0, t2: 0, options: [{ code: 26, name: 'iaprefix', value: { preferredLifetime: 0, validLifetime: 0, prefix: '2001:db8:8000:100::/56', options: [] } }] },
            },
          ],
        },
      },
    ],
  };
}

/** A relayed DHCPv4 REQUEST with an RFC 4361 client id, as bytes. */
export function request4Bytes(): Buffer {
  return codec.encode4({
    op: 'BOOTREQUEST',
    htype: 1,
    hlen: 6,
    hops: 1,
    xid: 0x12345678,
    secs: 3,
    broadcast: true,
    ciaddr: '0.0.0.0',
    yiaddr: '0.0.0.0',
    siaddr: '0.0.0.0',
    giaddr: '192.0.2.1',
    chaddr: '00005e005301',
    sname: '',
    file: '',
    options: [
      { code: 53, value: 'request' },
      { code: 61, value: { type: 255, iaid: 1, duid: { hex: '000300010a0b0c0d0e0f' } } },
      { code: 50, value: '192.0.2.10' },
      { code: 55, value: [1, 3, 6, 15] },
      {
        code: 82,
        value: [
          { code: 1, value: '65746830' },
          { code: 2, value: 'aabbcc' },
        ],
      },
    ],
  });
}

/** request4Bytes as the DHCPv4 codec decodes it. */
export function request4(): Message4 {
  return codec.decode4(request4Bytes()) as Message4;
}

/** DHCPv4 bytes: a zeroed BOOTP header, the magic cookie, then the given options and END. */
export function bytes4(options: number[]): Buffer {
  const b = Buffer.alloc(240);
  b.writeUInt32BE(0x63825363, 236);
  return Buffer.concat([b, Buffer.from(options), Buffer.of(255)]);
}
