import type { Message4 } from './message.js';

/**
 * DHCPv4 packets as real clients, servers and relays send them, written out
 * byte by byte (checked with tshark, not made by our encoder), for tests and
 * benchmarks. Each is op..chaddr (44 bytes), empty sname and file, the magic
 * cookie, then the options field, zero-padded to `size` the way dhclient and
 * udhcpc pad to the 300-byte BOOTP minimum.
 */
export function packet(head: string, options: string, size = 0): Buffer {
  const b = Buffer.concat([Buffer.from(head, 'hex'), Buffer.alloc(192), Buffer.from('63825363' + options, 'hex')]);
  return b.length >= size ? b : Buffer.concat([b, Buffer.alloc(size - b.length)]);
}

/** isc-dhcp-client 4.4 DISCOVER: requested address, host name, Debian's request list, padded to 300. */
export const dhclientDiscover = (): Buffer =>
  packet(
    '010106003903f326000300000000000000000000000000000000000000' + '0c29123456' + '00000000000000000000',
    '350101' + '3204c0a80164' + '0c0664656269616e' + '370d011c02030f06770c2c2f1a792a' + 'ff',
    300,
  );

/** busybox udhcpc 1.36 DISCOVER: client id, max size 576, request list, vendor class, host name; padded to 300. */
export const udhcpcDiscover = (): Buffer =>
  packet(
    '010106005d8e2a10000000000000000000000000000000000000000002' + '42ac110002' + '00000000000000000000',
    '350101' + '3d07010242ac110002' + '39020240' + '37080103060c0f1c2a77' + '3c0c756468637020312e33362e31' + '0c06616c70696e65' + 'ff',
    300,
  );

/** udhcpc REQUEST with the broadcast flag; 301 bytes, so no padding. */
export const udhcpcRequest = (): Buffer =>
  packet(
    '010106005d8e2a10000080000000000000000000000000000000000002' + '42ac110002' + '00000000000000000000',
    '350103' + '3d07010242ac110002' + '3204ac110002' + '3604ac110001' + '39020240' + '37080103060c0f1c2a77' + '3c0c756468637020312e33362e31' + '0c06616c70696e65' + 'ff',
  );

/**
 * An OFFER through a relay: option 82 echoed, classless routes (RFC 3442) and
 * a domain search list whose second name points into the first (RFC 3397).
 */
export const relayedOffer = (): Buffer =>
  packet(
    '020106013903f3260000000000000000c0000264c0000201c00002fe00' + '0c29123456' + '00000000000000000000',
    '350102' +
      '3604c0000201' +
      '330400000e10' +
      '3a0400000708' +
      '3b0400000c4e' +
      '0104ffffff00' +
      '0304c00002fe' +
      '0608c0000235c0000236' +
      '0f0b6578616d706c652e636f6d' +
      '790d180a0102c00002fe00c00002fe' +
      '7713076578616d706c6503636f6d00036c6162c000' +
      '5216' + '0106657468302f31' + '0206aabbccddeeff' + '05040a010200' +
      'ff',
  );

/** The udhcpc DISCOVER in JSON form: what `decode4(udhcpcDiscover())` gives. */
export function udhcpcDiscoverJson(): Message4 {
  return {
    op: 'BOOTREQUEST',
    htype: 1,
    hlen: 6,
    hops: 0,
    xid: 0x5d8e2a10,
    secs: 0,
    broadcast: false,
    ciaddr: '0.0.0.0',
    yiaddr: '0.0.0.0',
    siaddr: '0.0.0.0',
    giaddr: '0.0.0.0',
    chaddr: '0242ac110002',
    sname: '',
    file: '',
    options: [
      { code: 53, name: 'dhcp-message-type', value: 'discover' },
      { code: 61, name: 'dhcp-client-identifier', value: '010242ac110002' },
      { code: 57, name: 'dhcp-max-message-size', value: 576 },
      { code: 55, name: 'dhcp-parameter-request-list', value: [1, 3, 6, 12, 15, 28, 42, 119] },
      { code: 60, name: 'vendor-class-identifier', value: 'udhcp 1.36.1' },
      { code: 12, name: 'host-name', value: 'alpine' },
    ],
    padding: 11,
  };
}

/** An ACK a server builds for the udhcpc REQUEST: the hot encode path. */
export function ack4(): Message4 {
  return {
    op: 'BOOTREPLY',
    htype: 1,
    hlen: 6,
    hops: 0,
    xid: 0x5d8e2a10,
    secs: 0,
    broadcast: true,
    ciaddr: '0.0.0.0',
    yiaddr: '172.17.0.2',
    siaddr: '0.0.0.0',
    giaddr: '0.0.0.0',
    chaddr: '0242ac110002',
    sname: '',
    file: '',
    options: [
      { code: 53, name: 'dhcp-message-type', value: 'ack' },
      { code: 54, name: 'dhcp-server-identifier', value: '172.17.0.1' },
      { code: 51, name: 'dhcp-lease-time', value: 3600 },
      { code: 58, name: 'dhcp-renewal-time', value: 1800 },
      { code: 59, name: 'dhcp-rebinding-time', value: 3150 },
      { code: 1, name: 'subnet-mask', value: '255.255.0.0' },
      { code: 3, name: 'routers', value: ['172.17.0.1'] },
      { code: 6, name: 'domain-name-servers', value: ['172.17.0.53', '172.17.0.54'] },
      { code: 15, name: 'domain-name', value: 'example.com' },
      { code: 61, name: 'dhcp-client-identifier', value: '010242ac110002' },
    ],
  };
}
