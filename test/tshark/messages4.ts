import { CLIENT_IP, CLIENT_MAC, EXAMPLE_PEN, bootReply, bootRequest, clientId, hex, leaseTimes, o, requested, serverId, type } from './build4.js';

/** A client's life with one server, on the server's own link: what most DHCPv4 traffic looks like. */

const PRL = o(55, 'dhcp-parameter-request-list', [1, 3, 6, 15, 26, 28, 42, 108, 114, 119, 121, 252]);

/** Like systemd-networkd: a node-specific client id (RFC 4361 §6.1), IAID and DUID-LLT. */
export const discover = bootRequest(
  0x3903f326,
  [
    type('discover'),
    o(61, 'dhcp-client-identifier', { type: 255, iaid: 0x5e005310, duid: { type: 'LLT', hwtype: 1, time: 767075712, lladdr: CLIENT_MAC } }),
    requested(CLIENT_IP),
    o(51, 'dhcp-lease-time', 86400),
    o(57, 'dhcp-max-message-size', 1500),
    PRL,
    o(60, 'vendor-class-identifier', 'ExampleCPE 2.1'),
    o(12, 'host-name', 'cpe-42'),
    o(77, 'user-class', [hex('home-gateway'), hex('wifi')]),
    o(124, 'vivco-suboptions', [{ enterprise: EXAMPLE_PEN, data: [hex('ExampleCPE'), hex('hw-rev-B')] }]),
    o(125, 'vivso-suboptions', [{ enterprise: EXAMPLE_PEN, options: [{ code: 1, raw: hex('SN-0042') }, { code: 2, raw: '0102' }] }]),
    o(80, 'rapid-commit'),
    o(116, 'auto-config', 1),
    o(145, 'forcerenew-nonce-capable', [1]),
    o(118, 'subnet-selection', '192.0.2.0'), // RFC 3011: the subnet to take the address from
  ],
  { secs: 3, broadcast: true },
);

export const offer = bootReply(
  0x3903f326,
  [
    type('offer'),
    serverId,
    ...leaseTimes,
    o(1, 'subnet-mask', '255.255.255.0'),
    o(3, 'routers', ['192.0.2.254']),
    o(6, 'domain-name-servers', ['203.0.113.53', '203.0.113.54']),
    o(15, 'domain-name', 'example.com'),
    o(28, 'broadcast-address', '192.0.2.255'),
    o(26, 'interface-mtu', 1500),
    o(42, 'ntp-servers', ['203.0.113.123']),
    o(119, 'domain-search', ['example.com.', 'corp.example.com.']),
    o(121, 'classless-static-route', [
      { destination: '198.51.100.0/24', router: '192.0.2.254' },
      { destination: '203.0.113.128/25', router: '192.0.2.253' },
      { destination: '0.0.0.0/0', router: '192.0.2.254' },
    ]),
    o(252, 'wpad', 'http://wpad.example.com/wpad.dat'),
    o(114, 'v4-captive-portal', 'https://portal.example.net/api/v1'),
    o(108, 'v6-only-preferred', 1800),
  ],
  { yiaddr: CLIENT_IP, broadcast: true },
);

/** RFC 4702: the client asks the server to update A and PTR (S), names in wire form (E). */
export const request = bootRequest(
  0x3903f326,
  [type('request'), clientId(), requested(CLIENT_IP), serverId, o(12, 'host-name', 'cpe-42'), o(81, 'fqdn', { flags: 0x05, rcode1: 0, rcode2: 0, domainName: 'cpe-42.example.com.' }), PRL],
  { secs: 4 },
);

/** The host options of RFC 2132 §3-§7, as a server configured for a lab segment might send them. */
export const ack = bootReply(
  0x3903f326,
  [
    type('ack'),
    serverId,
    ...leaseTimes,
    o(1, 'subnet-mask', '255.255.255.0'),
    o(2, 'time-offset', -18000),
    o(3, 'routers', ['192.0.2.254', '192.0.2.253']),
    o(4, 'time-servers', ['203.0.113.37']),
    o(5, 'name-servers', ['203.0.113.42']),
    o(6, 'domain-name-servers', ['203.0.113.53']),
    o(7, 'log-servers', ['203.0.113.14']),
    o(8, 'cookie-servers', ['203.0.113.17']),
    o(9, 'lpr-servers', ['203.0.113.15']),
    o(10, 'impress-servers', ['203.0.113.16']),
    o(11, 'resource-location-servers', ['203.0.113.39']),
    o(13, 'boot-size', 2048),
    o(14, 'merit-dump', '/var/crash/cpe-42.core'),
    o(15, 'domain-name', 'example.com'),
    o(16, 'swap-server', '203.0.113.21'),
    o(17, 'root-path', '/srv/nfs/cpe-42'),
    o(18, 'extensions-path', '/srv/tftp/cpe-42.ext'),
    o(19, 'ip-forwarding', false),
    o(20, 'non-local-source-routing', false),
    o(21, 'policy-filter', [{ address: '203.0.113.0', mask: '255.255.255.0' }]),
    o(22, 'max-dgram-reassembly', 1500),
    o(23, 'default-ip-ttl', 64),
    o(24, 'path-mtu-aging-timeout', 600),
    o(25, 'path-mtu-plateau-table', [1500, 1492, 576]),
    o(26, 'interface-mtu', 1500),
    o(27, 'all-subnets-local', true),
    o(28, 'broadcast-address', '192.0.2.255'),
    o(29, 'perform-mask-discovery', false),
    o(30, 'mask-supplier', false),
    o(31, 'router-discovery', true),
    o(32, 'router-solicitation-address', '224.0.0.2'),
    o(33, 'static-routes', [{ destination: '203.0.113.80', router: '192.0.2.253' }]),
    o(34, 'trailer-encapsulation', false),
    o(35, 'arp-cache-timeout', 60),
    o(36, 'ieee802-3-encapsulation', false),
    o(37, 'default-tcp-ttl', 64),
    o(38, 'tcp-keepalive-interval', 7200),
    o(39, 'tcp-keepalive-garbage', false),
    // RFC 4702: the server updates both RRs (S), names in wire form (E), RCODEs 255
    o(81, 'fqdn', { flags: 0x05, rcode1: 255, rcode2: 255, domainName: 'cpe-42.example.com.' }),
  ],
  { yiaddr: CLIENT_IP },
);

export const nak = bootReply(0x4a14a437, [type('nak'), serverId, o(56, 'dhcp-message', 'requested address not on this link'), clientId()], { broadcast: true });

/** RFC 2131 §3.1: the client found the address in use (ARP). */
export const decline = bootRequest(0x5b25b548, [type('decline'), clientId(), requested(CLIENT_IP), serverId, o(56, 'dhcp-message', 'address in use by 00:00:5e:00:53:99')]);

export const release = bootRequest(0x6c36c659, [type('release'), clientId(), serverId], { ciaddr: CLIENT_IP });

export const inform = bootRequest(
  0x7d47d76a,
  [type('inform'), clientId(), o(55, 'dhcp-parameter-request-list', [40, 41, 44, 46, 47, 64, 65, 69, 70, 85, 86, 87, 112, 113, 117, 120]), o(60, 'vendor-class-identifier', 'MSFT 5.0')],
  { ciaddr: CLIENT_IP },
);

/** Directory, mail, NetBIOS, NetWare and other services (RFC 2132 §8, RFC 2241, RFC 2242, RFC 2937, ...). */
export const informAck = bootReply(
  0x7d47d76a,
  [
    type('ack'),
    serverId,
    o(40, 'nis-domain', 'nis.example.com'),
    o(41, 'nis-servers', ['203.0.113.111']),
    o(44, 'netbios-name-servers', ['203.0.113.137']),
    o(45, 'netbios-dd-server', ['203.0.113.138']),
    o(46, 'netbios-node-type', 8),
    o(47, 'netbios-scope', 'CORP'),
    o(48, 'font-servers', ['203.0.113.70']),
    o(49, 'x-display-manager', ['203.0.113.71']),
    o(62, 'nwip-domain-name', 'nwip.example.com'),
    // RFC 2242: NSQ_BROADCAST on, PREFERRED_DSS and PRIMARY_DSS 203.0.113.5
    o(63, 'nwip-suboptions', '050101' + '0604cb007105' + '0b04cb007105'),
    o(64, 'nisplus-domain-name', 'nisplus.example.com'),
    o(65, 'nisplus-servers', ['203.0.113.112']),
    o(68, 'mobile-ip-home-agent', ['203.0.113.68']),
    o(69, 'smtp-server', ['203.0.113.25']),
    o(70, 'pop-server', ['203.0.113.110']),
    o(71, 'nntp-server', ['203.0.113.119']),
    o(72, 'www-server', ['203.0.113.80']),
    o(73, 'finger-server', ['203.0.113.79']),
    o(74, 'irc-server', ['203.0.113.194']),
    o(75, 'streettalk-server', ['203.0.113.75']),
    o(76, 'streettalk-directory-assistance-server', ['203.0.113.76']),
    o(78, 'slp-directory-agent', { mandatory: true, agents: ['203.0.113.27'] }),
    o(79, 'slp-service-scope', { mandatory: false, scopes: 'DEFAULT' }),
    o(85, 'nds-servers', ['203.0.113.85']),
    o(86, 'nds-tree-name', 'EXAMPLE_TREE'),
    o(87, 'nds-context', 'OU=Lab.O=Example'),
    o(98, 'uap-servers', 'http://uap.example.com/'),
    o(112, 'netinfo-server-address', ['203.0.113.112']),
    o(113, 'netinfo-server-tag', 'network'),
    o(117, 'name-service-search', [6, 41]), // DNS, then NIS (RFC 2937)
    o(120, 'sip-server', { domains: ['sip.example.com.', 'sip2.example.com.'] }),
    o(141, 'sip-ua-cs-domains', ['sipua.example.com.']),
  ],
  { ciaddr: CLIENT_IP },
);

/** Location, time zone, access network and IPv6 transition options a CPE asks for. */
export const cpeAck = bootReply(
  0x8e58e87b,
  [
    type('ack'),
    serverId,
    ...leaseTimes,
    // RFC 4776 §3.1: what=2 (the client), country "CH", CAtype 1 (A1) "ZH", CAtype 3 (A3, city) "Zurich"
    o(99, 'geoconf-civic', '02' + hex('CH') + '0102' + hex('ZH') + '0306' + hex('Zurich')),
    o(100, 'pcode', 'CET-1CEST,M3.5.0,M10.5.0/3'),
    o(101, 'tcode', 'Europe/Zurich'),
    o(88, 'bcms-controller-names', ['bcmcs.example.com.']),
    o(89, 'bcms-controller-address', ['203.0.113.89']),
    o(120, 'sip-server', { addresses: ['203.0.113.50', '203.0.113.51'] }),
    o(136, 'pana-agent', ['203.0.113.136']),
    o(137, 'v4-lost', 'lost.example.com.'),
    o(138, 'capwap-ac-v4', ['203.0.113.138']),
    o(143, 'v4-sztp-redirect', [hex('https://sztp.example.com:4433/')]),
    o(146, 'rdnss-selection', { flags: 1, primary: '203.0.113.53', secondary: '203.0.113.54', domains: ['corp.example.com.'] }),
    o(159, 'v4-portparams', { offset: 6, psidLen: 8, psid: 0x34 }),
    // RFC 9463: one instance, priority 1, ADN dns.example.net, 203.0.113.53, SvcParams alpn=dot
    o(162, 'v4-dnr', '0021' + '0001' + '11' + '03646e73076578616d706c65036e657400' + '04cb007135' + '0001000403646f74'),
    o(212, 'option-6rd', { ipv4MaskLen: 8, prefixLen: 32, prefix: '2001:db8::', brAddresses: ['203.0.113.6'] }),
    o(213, 'v4-access-domain', 'access.example.net.'),
  ],
  { yiaddr: CLIENT_IP },
);

/** A PXE client (RFC 4578) and the boot server's answer; tshark reads option 43 as PXE because of option 60. */
export const pxeDiscover = bootRequest(
  0x9f69f98c,
  [
    type('discover'),
    o(57, 'dhcp-max-message-size', 1464),
    o(55, 'dhcp-parameter-request-list', [1, 3, 6, 43, 60, 66, 67, 150]),
    o(93, 'client-system', [7]), // EFI x86-64
    o(94, 'client-ndi', { type: 1, major: 3, minor: 16 }), // UNDI 3.16
    o(97, 'uuid-guid', { type: 0, guid: '6ba7b8109dad11d180b400c04fd430c8' }),
    o(60, 'vendor-class-identifier', 'PXEClient:Arch:00007:UNDI:003016'),
  ],
  { secs: 4, broadcast: true },
);

export const pxeOffer = bootReply(
  0x9f69f98c,
  [
    type('offer'),
    serverId,
    o(51, 'dhcp-lease-time', 3600),
    o(60, 'vendor-class-identifier', 'PXEClient'),
    // PXE (Intel PXE 2.1 §2.4) suboption 6 discovery control: bit 3, boot file from this offer
    o(43, 'vendor-encapsulated-options', [{ code: 6, raw: '08' }]),
    o(66, 'tftp-server-name', 'tftp.example.com'),
    o(67, 'boot-file-name', 'efi64/syslinux.efi'),
    o(150, 'tftp-server-address', ['192.0.2.69']),
  ],
  { yiaddr: CLIENT_IP, siaddr: '192.0.2.69', broadcast: true, sname: 'tftp.example.com', file: 'efi64/syslinux.efi' },
);

/** RFC 6704: the reconfigure key (type 1) in the Ack, then a Forcerenew signed with it (type 2, HMAC-MD5). */
const forcerenewAuth = (key: 1 | 2, replay: string) =>
  o(90, 'authenticate', { protocol: 3, algorithm: 1, rdm: 0, replayDetection: replay, info: `0${key}5f0c8a1b2e7d4c3f9a6b0d1e2f3a4b5c` });
export const forcerenew = bootReply(0xa07a0a9d, [type('forcerenew'), serverId, forcerenewAuth(2, '0000000000000002')]);
export const renewAck = bootReply(0xb18b1bae, [type('ack'), serverId, ...leaseTimes, forcerenewAuth(1, '0000000000000001')], { ciaddr: CLIENT_IP, yiaddr: CLIENT_IP });
