import { CLIENT_IP, EXAMPLE_PEN, bootReply, bootRequest, leaseTimes, o, serverId, type } from './build4.js';

/**
 * The ways a DHCPv4 message can be laid out beyond "header, cookie, options":
 * plain BOOTP (RFC 951, no magic cookie), options in `file` and `sname`
 * (option overload, RFC 2132 §9.3), an option longer than 255 bytes (RFC 3396),
 * pad options (RFC 2132 §3.1), and a client without a hardware address
 * (IP over InfiniBand, RFC 4390).
 */

/** RFC 951: a 64-byte vendor area; all zero when the client has nothing to say. */
export const bootpRequest = bootRequest(0x28f282a5, [], { vendor: '00'.repeat(64), secs: 2 });
export const bootpReply = bootReply(0x28f282a5, [], {
  vendor: '00'.repeat(64),
  yiaddr: CLIENT_IP,
  siaddr: '192.0.2.69',
  sname: 'boot.example.com',
  file: '/tftpboot/cpe-42.img',
});

const dnsServers = Array.from({ length: 24 }, (_, i) => `203.0.113.${i + 1}`);

/**
 * A client allowing only 576-byte messages (RFC 2131 §2) gets more options
 * than its 312-byte options field holds: with option 52 = 3 the encoder moves
 * the last ones into `file` and then `sname`.
 */
export const overloadedAck = bootReply(
  0x39039bb6,
  [
    type('ack'),
    serverId,
    o(52, 'dhcp-option-overload', 3),
    ...leaseTimes,
    o(1, 'subnet-mask', '255.255.255.0'),
    o(3, 'routers', ['192.0.2.254']),
    o(6, 'domain-name-servers', dnsServers),
    o(119, 'domain-search', ['example.com.', 'corp.example.com.', 'lab.example.com.']),
    o(121, 'classless-static-route', [
      { destination: '198.51.100.0/24', router: '192.0.2.254' },
      { destination: '0.0.0.0/0', router: '192.0.2.254' },
    ]),
    o(125, 'vivso-suboptions', [{ enterprise: EXAMPLE_PEN, options: [{ code: 1, raw: '68747470733a2f2f6163732e6578616d706c652e6e65742f' }] }]),
    o(15, 'domain-name', 'example.com'),
    o(42, 'ntp-servers', ['203.0.113.123', '203.0.113.124']),
    o(44, 'netbios-name-servers', ['203.0.113.137']),
    o(100, 'pcode', 'CET-1CEST,M3.5.0,M10.5.0/3'),
    o(101, 'tcode', 'Europe/Zurich'),
    o(114, 'v4-captive-portal', 'https://portal.example.net/api/v1'),
    o(66, 'tftp-server-name', 'tftp.example.com'),
    o(67, 'boot-file-name', 'cpe-42/firmware-2.1.bin'),
    o(252, 'wpad', 'http://wpad.example.com/wpad.dat'),
    o(12, 'host-name', 'cpe-42'),
  ],
  { yiaddr: CLIENT_IP, sname: undefined, file: undefined },
);

/** Enough search domains to need three instances of option 119 (RFC 3396: split anywhere, joined by the receiver). */
const SITES = ['zurich', 'geneva', 'basel', 'bern', 'lausanne', 'lugano', 'st-gallen', 'winterthur', 'luzern', 'biel'];
export const longOptionAck = bootReply(
  0x4a14acc7,
  [type('ack'), serverId, ...leaseTimes, o(119, 'domain-search', SITES.map((s) => `${s}.sites.corp.example.com.`))],
  { yiaddr: CLIENT_IP, ciaddr: CLIENT_IP },
);

/** RFC 4390: IPoIB has no chaddr (hlen 0, broadcast flag set); the client id carries IAID and DUID. */
export const infinibandDiscover = bootRequest(
  0x5b25bdd8,
  [type('discover'), o(61, 'dhcp-client-identifier', { type: 255, iaid: 1, duid: { type: 'EN', enterprise: EXAMPLE_PEN, id: '0a1b2c3d4e5f' } }), o(0, 'pad'), o(0, 'pad')],
  { htype: 32, hlen: 0, chaddr: '', broadcast: true },
);
