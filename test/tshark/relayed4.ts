import type { Option } from '../../src/protocol/index.js';
import { CLIENT_IP, CLIENT_MAC, EXAMPLE_PEN, RELAY_IP, bootReply, bootRequest, clientId, hex, leaseTimes, o, serverId, type } from './build4.js';

/**
 * Messages through a relay agent (RFC 3046 and the suboptions after it) and
 * the leasequery family (RFC 4388, RFC 6926 bulk, RFC 7724 active). Bulk and
 * active leasequery run over TCP; here they travel as UDP datagrams, which
 * changes nothing in the DHCP message tshark dissects.
 */

const RELAYED_MAC = '00005e005311';
const RELAYED_IP = '198.51.100.100';
const relayed = { hops: 1, giaddr: RELAY_IP, chaddr: RELAYED_MAC };

/** What a DSL or cable access node adds (RFC 3046, 3256, 3527, 3993, 4014, 4030, 4243, 5010, 5107, 6925, 6607). */
const accessNode = o(82, 'dhcp-agent-options', [
  o(1, 'circuit-id', hex('eth0/7:100')),
  o(2, 'remote-id', '00005e005320'),
  o(4, 'docsis-device-class', 1), // RFC 3256: bit 0, CPE-controlled cable modem
  o(5, 'link-selection', '198.51.100.0'),
  o(6, 'subscriber-id', 'subscriber-42'),
  o(7, 'radius', [
    { type: 1, value: hex('subscriber42@example.net') }, // User-Name
    { type: 25, value: hex('gold') }, // Class
  ]),
  // RFC 4030: algorithm 1 (HMAC-SHA1), RDM 0 (monotonic counter), replay detection, 20-byte HMAC
  o(8, 'auth', '01' + '00' + '0000000000000007' + '4a6f2c3e9b1d8f7a6c5e4d3c2b1a09f8e7d6c5b4'),
  o(9, 'vendor-specific-info', [{ enterprise: EXAMPLE_PEN, options: [{ code: 1, raw: hex('DSLAM-7') }] }]),
  o(10, 'relay-flags', 0x80), // RFC 5010: U, the client's message came unicast
  o(11, 'server-id-override', RELAY_IP),
  o(12, 'relay-id', hex('relay-7.example.net')),
  o(151, 'virtual-subnet-select', { type: 0, info: hex('vrf-blue') }), // RFC 6607: type 0, NVT ASCII VPN name
  o(152, 'virtual-subnet-select-ctrl'),
]);

/** What a Wi-Fi access point's relay adds (RFC 7839), sending from a port other than 67 (RFC 8357). */
const wifiAccess = o(82, 'dhcp-agent-options', [
  o(1, 'circuit-id', hex('wlan0')),
  o(13, 'access-techno-type', 4), // RFC 7839: WLAN
  o(14, 'access-network-name', 'example-wifi'),
  o(15, 'access-point-name', 'ap-lobby-3'),
  o(16, 'access-point-bssid', '00005e005330'),
  o(17, 'operator-id', EXAMPLE_PEN),
  o(18, 'operator-realm', 'wifi.example.net'),
  o(19, 'relay-port'),
]);

export const relayedDiscover = bootRequest(
  0xc29c2cbf,
  [type('discover'), clientId(RELAYED_MAC), o(55, 'dhcp-parameter-request-list', [1, 3, 6, 15]), accessNode],
  relayed,
);

/** RFC 3046 §2.2: the server echoes option 82 to the relay. */
export const relayedOffer = bootReply(
  0xc29c2cbf,
  [type('offer'), serverId, ...leaseTimes, o(1, 'subnet-mask', '255.255.255.0'), o(3, 'routers', [RELAY_IP]), accessNode],
  { ...relayed, hops: 0, yiaddr: RELAYED_IP },
);

export const wifiRequest = bootRequest(
  0xd3ad3dc0,
  [type('request'), clientId(RELAYED_MAC), o(50, 'dhcp-requested-address', RELAYED_IP), serverId, wifiAccess],
  relayed,
);

/** RFC 4388: query by IP address (ciaddr), from the relay (giaddr). */
export const leasequery = bootRequest(0xe4be4ed1, [type('leasequery'), o(55, 'dhcp-parameter-request-list', [51, 61, 82, 91, 92])], {
  giaddr: RELAY_IP,
  ciaddr: CLIENT_IP,
  htype: 0,
  hlen: 0,
  chaddr: '',
});

const leasequeryReply = (t: string, options: Option[]) => bootReply(0xe4be4ed1, [type(t), serverId, ...options], { giaddr: RELAY_IP, ciaddr: CLIENT_IP });

export const leaseActive = leasequeryReply('leaseactive', [
  o(51, 'dhcp-lease-time', 84600),
  o(91, 'client-last-transaction-time', 1800),
  o(92, 'associated-ip', [CLIENT_IP, '192.0.2.101']),
  clientId(),
]);
export const leaseUnassigned = { ...leasequeryReply('leaseunassigned', []), chaddr: '', hlen: 0, htype: 0 };
export const leaseUnknown = { ...leasequeryReply('leaseunknown', []), chaddr: '', hlen: 0, htype: 0 };

/** RFC 6926: all leases changed in a time window, by relay id. */
export const bulkLeasequery = bootRequest(
  0xf5cf5fe2,
  [
    type('bulkleasequery'),
    o(82, 'dhcp-agent-options', [o(12, 'relay-id', hex('relay-7.example.net'))]),
    o(154, 'query-start-time', 1700000000),
    o(155, 'query-end-time', 1700003600),
  ],
  { htype: 0, hlen: 0, chaddr: '' },
);

/** RFC 6926: one binding of the bulk reply, its state and where that state came from. */
export const bulkLeaseActive = bootReply(
  0xf5cf5fe2,
  [
    type('leaseactive'),
    o(152, 'base-time', 1700003600),
    o(153, 'start-time-of-state', 120),
    o(156, 'dhcp-state', 'ACTIVE'),
    o(157, 'data-source', 0), // bit 0 clear, this server's own data
    o(91, 'client-last-transaction-time', 240),
    clientId(),
  ],
  { ciaddr: CLIENT_IP, chaddr: CLIENT_MAC },
);

export const leasequeryDone = bootReply(
  0xf5cf5fe2,
  [type('leasequerydone'), o(151, 'status-code', { status: 'Success', message: 'bulk leasequery complete' }), o(152, 'base-time', 1700003600)],
  { htype: 0, hlen: 0, chaddr: '' },
);

/** RFC 7724: catch up from a point in time, then stay connected for updates. */
export const activeLeasequery = bootRequest(0x06d060f3, [type('activeleasequery'), o(154, 'query-start-time', 1700000000)], { htype: 0, hlen: 0, chaddr: '' });

export const leasequeryStatus = bootReply(0x06d060f3, [type('leasequerystatus'), o(151, 'status-code', { status: 'CatchUpComplete', message: '' }), o(152, 'base-time', 1700003600)], {
  htype: 0,
  hlen: 0,
  chaddr: '',
});

/** RFC 7724: the requestor asks to start TLS on the connection. */
export const startTls = bootRequest(0x17e171f4, [type('tls')], { htype: 0, hlen: 0, chaddr: '' });
