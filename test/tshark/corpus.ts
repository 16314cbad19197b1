import type { Message6, Option } from '../../src/protocol/index.js';

/**
 * DHCPv6 messages that together use every option definition in
 * DHCP6_OPTIONS and NTP_SUBOPTIONS, every DUID type and every message type
 * tshark 4.0 knows (1..19), with values a real network could carry:
 * documentation addresses (2001:db8::/32, 192.0.2.0/24), the documentation
 * enterprise number 32473 (RFC 5612) and MACs 00-00-5E-00-53-xx (RFC 7042).
 */

export type Host = 'client' | 'relay' | 'server';

export interface Packet {
  name: string;
  from: Host;
  to: Host;
  message: Message6;
}

export const ADDRESSES: Record<Host, string> = {
  client: '2001:db8:1::100',
  relay: '2001:db8:1::1',
  server: '2001:db8::547',
};

/** Text → hex, so opaque fields below read as what they hold. */
const hex = (text: string) => Buffer.from(text, 'ascii').toString('hex');

const EXAMPLE_PEN = 32473;

const DUID_LLT = { type: 'LLT', hwtype: 1, time: 767075712, lladdr: '00005e005310' };
const DUID_EN = { type: 'EN', enterprise: EXAMPLE_PEN, id: '0a1b2c3d4e5f' };
const DUID_LL = { type: 'LL', hwtype: 1, lladdr: '00005e005311' };
const DUID_UUID = { type: 'UUID', uuid: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' };
const RELAY_DUID = { type: 'LL', hwtype: 1, lladdr: '00005e005301' };

const o = (code: number, name: string, value?: unknown): Option => (value === undefined ? { code, name } : { code, name, value });

const clientid = (d: object) => o(1, 'clientid', d);
const serverid = o(2, 'serverid', DUID_EN);
const elapsed = (cs: number) => o(8, 'elapsed-time', cs);
const iaaddr = (address: string, preferred: number, valid: number, options: Option[] = []) =>
  o(5, 'iaaddr', { address, preferredLifetime: preferred, validLifetime: valid, options });
const iaprefix = (prefix: string, preferred: number, valid: number, options: Option[] = []) =>
  o(26, 'iaprefix', { preferredLifetime: preferred, validLifetime: valid, prefix, options });
const iaNa = (iaid: number, t1: number, t2: number, options: Option[] = []) => o(3, 'ia-na', { iaid, t1, t2, options });
const iaPd = (iaid: number, t1: number, t2: number, options: Option[] = []) => o(25, 'ia-pd', { iaid, t1, t2, options });
const status = (code: string, message: string) => o(13, 'status-code', { status: code, message });
const portparams = (offset: number, psidLen: number, psid: number) => o(93, 's46-portparams', { offset, psidLen, psid });

const IA_ADDRESS = '2001:db8:1::1000';
/** 0xffffffff is "infinity" for lifetimes and T1/T2 (RFC 8415 §7.7, §21.21). */
const INFINITY = 0xffffffff;
const DELEGATED = '2001:db8:8000:100::/56';

/** An authentication option for reconfigure (RFC 8415 §20.4): type 1 carries the key, 2 the HMAC-MD5. */
const reconfigureKey = (type: 1 | 2, replay: string) =>
  o(11, 'auth', { protocol: 3, algorithm: 1, rdm: 0, replayDetection: replay, info: `0${type}5f0c8a1b2e7d4c3f9a6b0d1e2f3a4b5c` });

const solicit: Message6 = {
  type: 'solicit',
  xid: 0x5a17c1,
  options: [
    clientid(DUID_LLT),
    elapsed(0),
    o(6, 'oro', [23, 24, 56, 64, 82, 94, 103]),
    iaNa(0xfe29f3a1, 0, 0),
    o(4, 'ia-ta', { iaid: 0x0c29f3a2, options: [] }),
    iaPd(0x0c29f3a3, 0, 0, [iaprefix('::/56', 0, 0)]),
    o(14, 'rapid-commit'),
    o(20, 'reconf-accept'),
    o(15, 'user-class', [hex('home-gateway'), hex('wifi')]),
    o(16, 'vendor-class', { enterprise: EXAMPLE_PEN, data: [hex('ExampleCPE 2.1'), hex('hw-rev-B')] }),
    o(17, 'vendor-opts', { enterprise: EXAMPLE_PEN, options: [{ code: 1, raw: hex('SN-0042') }, { code: 2, raw: '0102' }] }),
    o(39, 'client-fqdn', { flags: 1, domainName: 'cpe42.example.com.' }),
    o(61, 'client-arch-type', [7, 16]),
    o(62, 'nii', { type: 1, major: 3, minor: 16 }),
  ],
};

const advertise: Message6 = {
  type: 'advertise',
  xid: 0x5a17c1,
  options: [
    clientid(DUID_LLT),
    serverid,
    o(7, 'preference', 255),
    iaNa(0xfe29f3a1, 1800, 2880, [iaaddr(IA_ADDRESS, 3600, 7200)]),
    o(4, 'ia-ta', { iaid: 0x0c29f3a2, options: [status('NoAddrsAvail', 'No temporary addresses on this link')] }),
    iaPd(0x0c29f3a3, 1800, 2880, [iaprefix(DELEGATED, 3600, 7200)]),
    o(12, 'unicast', '2001:db8::547'),
    o(20, 'reconf-accept'),
    o(82, 'solmax-rt', 7200),
    // RFC 6440: the server passes on what the relay supplied in RSOO (see relayForward)
    o(65, 'erp-local-domain-name', 'erp.example.net.'),
  ],
};

const request: Message6 = {
  type: 'request',
  xid: 0x6b28d2,
  options: [
    clientid(DUID_LL),
    serverid,
    elapsed(120),
    o(6, 'oro', [23, 24]),
    iaNa(1, 0, 0, [iaaddr(IA_ADDRESS, 0, 0)]),
    iaPd(2, 0, 0, [iaprefix(DELEGATED, 0, 0)]),
    o(39, 'client-fqdn', { flags: 1, domainName: 'laptop' }),
  ],
};

const reply: Message6 = {
  type: 'reply',
  xid: 0x6b28d2,
  options: [
    clientid(DUID_LL),
    serverid,
    iaNa(1, 1800, 2880, [iaaddr(IA_ADDRESS, 3600, 7200)]),
    iaPd(2, INFINITY, INFINITY, [iaprefix(DELEGATED, INFINITY, INFINITY, [o(67, 'pd-exclude', { prefixLen: 64, subnetId: 'ff' })])]),
    o(39, 'client-fqdn', { flags: 3, domainName: 'laptop.example.com.' }),
    o(23, 'dns-servers', ['2001:db8::53', '2001:db8:0:1::53']),
    o(24, 'domain-search', ['example.com.', 'corp.example.com.']),
    reconfigureKey(1, '0000000000000001'),
    status('Success', 'All addresses assigned'),
  ],
};

const confirm: Message6 = {
  type: 'confirm',
  xid: 0x7c39e3,
  options: [clientid(DUID_UUID), elapsed(0), iaNa(1, 0, 0, [iaaddr(IA_ADDRESS, 0, 0)])],
};

const renew: Message6 = {
  type: 'renew',
  xid: 0x8d4af4,
  options: [clientid(DUID_LL), serverid, elapsed(0), o(6, 'oro', [23, 24]), iaNa(1, 1800, 2880, [iaaddr(IA_ADDRESS, 3600, 7200)]), iaPd(2, 1800, 2880, [iaprefix(DELEGATED, 3600, 7200)])],
};

/** RFC 8415 §18.3.4: the server no longer knows the IA; an empty status message is allowed. */
const renewReply: Message6 = {
  type: 'reply',
  xid: 0x8d4af4,
  options: [clientid(DUID_LL), serverid, iaNa(1, 0, 0, [status('NoBinding', '')]), iaPd(2, 1800, 2880, [iaprefix(DELEGATED, 0, 0, [status('NoPrefixAvail', 'Prefix withdrawn')])])],
};

const rebind: Message6 = {
  type: 'rebind',
  xid: 0xffffff,
  options: [clientid(DUID_LL), elapsed(500), iaNa(1, 0, 0, [iaaddr(IA_ADDRESS, 0, 0)])],
};

const release: Message6 = {
  type: 'release',
  xid: 0xaf6c16,
  options: [clientid(DUID_LL), serverid, elapsed(0), iaNa(1, 0, 0, [iaaddr(IA_ADDRESS, 0, 0)])],
};

const decline: Message6 = {
  type: 'decline',
  xid: 0xb07d27,
  options: [clientid(DUID_LL), serverid, elapsed(0), iaNa(1, 0, 0, [iaaddr(IA_ADDRESS, 0, 0)])],
};

const reconfigure: Message6 = {
  type: 'reconfigure',
  xid: 0,
  options: [serverid, clientid(DUID_LL), o(19, 'reconf-msg', 'renew'), reconfigureKey(2, '0000000000000002')],
};

const informationRequest: Message6 = {
  type: 'information-request',
  xid: 0xc18e38,
  options: [clientid(DUID_EN), elapsed(0), o(6, 'oro', [21, 22, 23, 24, 27, 28, 29, 30, 31, 32, 56, 59, 60, 64, 83, 88, 103])],
};

/** Every stateless configuration option a server might hand out. */
const informationReply: Message6 = {
  type: 'reply',
  xid: 0xc18e38,
  options: [
    serverid,
    clientid(DUID_EN),
    o(32, 'information-refresh-time', 86400),
    o(83, 'inf-max-rt', 3600),
    o(21, 'sip-server-dns', ['sip.example.com.']),
    o(22, 'sip-server-addr', ['2001:db8::5060']),
    o(27, 'nis-servers', ['2001:db8::111']),
    o(28, 'nisp-servers', ['2001:db8::112']),
    o(29, 'nis-domain-name', ['nis.example.com.']),
    o(30, 'nisp-domain-name', ['nisplus.example.com.']),
    o(31, 'sntp-servers', ['2001:db8::123']),
    o(33, 'bcmcs-server-dns', ['bcmcs.example.com.']),
    o(34, 'bcmcs-server-addr', ['2001:db8::b0']),
    // RFC 4776 §3.2: what=2 (the client), country "CH", CAtype 1 (A1) "ZH", CAtype 3 (A3, city) "Zurich"
    o(36, 'geoconf-civic', { what: 2, countryCode: hex('CH'), civicAddress: `0102${hex('ZH')}0306${hex('Zurich')}` }),
    o(40, 'pana-agent', ['2001:db8::716']),
    o(41, 'new-posix-timezone', 'CET-1CEST,M3.5.0,M10.5.0/3'),
    o(42, 'new-tzdb-timezone', 'Europe/Zurich'),
    o(56, 'ntp-server', [
      o(1, 'ntp-server-address', '2001:db8::123'),
      o(2, 'ntp-server-multicast', 'ff05::101'),
      o(3, 'ntp-server-fqdn', 'ntp.example.com.'),
    ]),
    o(57, 'v6-access-domain', 'access.example.net.'),
    o(58, 'sip-ua-cs-list', ['sipua.example.com.']),
    o(59, 'bootfile-url', 'http://[2001:db8::69]/boot/netboot.efi'),
    o(60, 'bootfile-param', [hex('root=/dev/nfs'), hex('console=ttyS0')]),
    o(64, 'aftr-name', 'aftr.example.net.'),
    o(88, 'dhcp4o6-server-addr', ['2001:db8::44']),
    o(103, 'v6-captive-portal', 'https://portal.example.net/api/v1'),
    o(17, 'vendor-opts', { enterprise: EXAMPLE_PEN, options: [{ code: 1, raw: hex('https://acs.example.net/') }] }),
  ],
};

/** Softwire (S46, RFC 7598) containers for a MAP-E, MAP-T and lw4o6 client. */
const softwireReply: Message6 = {
  type: 'reply',
  xid: 0xd29f49,
  options: [
    serverid,
    clientid(DUID_LLT),
    o(94, 's46-cont-mape', [
      o(89, 's46-rule', { flags: 1, eaLen: 16, prefix4Len: 24, ipv4Prefix: '192.0.2.0', ipv6Prefix: '2001:db8:100::/40', options: [portparams(6, 8, 0x34)] }),
      o(90, 's46-br', '2001:db8:ffff::1'),
    ]),
    o(95, 's46-cont-mapt', [
      o(89, 's46-rule', { flags: 0, eaLen: 12, prefix4Len: 24, ipv4Prefix: '192.0.2.0', ipv6Prefix: '2001:db8:210::/44', options: [] }),
      o(91, 's46-dmr', '2001:db8:ffff:64::/64'),
    ]),
    o(96, 's46-cont-lw', [
      o(90, 's46-br', '2001:db8:ffff::2'),
      o(92, 's46-v4v6bind', { ipv4Address: '192.0.2.33', bindPrefix6: '2001:db8:300:1::/64', options: [portparams(0, 6, 0x03)] }),
    ]),
  ],
};

/** A Solicit through two relays; the inner one adds what access relays add (RFC 4649, 4580, 6939, 4994, 6422, 7037). */
const relayForward: Message6 = {
  type: 'relay-forw',
  hopCount: 1,
  linkAddress: '2001:db8:2::1',
  peerAddress: '2001:db8:1::1',
  options: [
    o(18, 'interface-id', hex('ge-0/0/1.100')),
    o(53, 'relay-id', RELAY_DUID),
    o(9, 'relay-msg', {
      type: 'relay-forw',
      hopCount: 0,
      linkAddress: '2001:db8:1::1',
      peerAddress: '2001:db8:1::100',
      options: [
        o(18, 'interface-id', hex('eth0/7')),
        o(37, 'remote-id', { enterprise: EXAMPLE_PEN, remoteId: hex('circuit-7') }),
        o(38, 'subscriber-id', hex('subscriber-42')),
        o(79, 'client-linklayer-addr', { linkType: 1, address: '00005e005310' }),
        o(43, 'ero', [37, 38]),
        o(66, 'rsoo', [o(65, 'erp-local-domain-name', 'erp.example.net.')]),
        o(81, 'radius', [
          { type: 1, value: hex('subscriber42@example.net') }, // User-Name
          { type: 25, value: hex('gold') }, // Class
        ]),
        o(9, 'relay-msg', solicit),
      ],
    }),
  ],
};

const relayReply: Message6 = {
  type: 'relay-repl',
  hopCount: 1,
  linkAddress: '2001:db8:2::1',
  peerAddress: '2001:db8:1::1',
  options: [
    o(18, 'interface-id', hex('ge-0/0/1.100')),
    o(9, 'relay-msg', {
      type: 'relay-repl',
      hopCount: 0,
      linkAddress: '2001:db8:1::1',
      peerAddress: '2001:db8:1::100',
      options: [
        o(18, 'interface-id', hex('eth0/7')),
        o(37, 'remote-id', { enterprise: EXAMPLE_PEN, remoteId: hex('circuit-7') }),
        o(9, 'relay-msg', advertise),
      ],
    }),
  ],
};

/** RFC 5007 leasequery by address, and (RFC 7653) a time window in the query. */
const leasequery: Message6 = {
  type: 'leasequery',
  xid: 0xe3a05a,
  options: [
    clientid(RELAY_DUID),
    o(44, 'lq-query', {
      queryType: 'by-address',
      linkAddress: '2001:db8:1::',
      options: [iaaddr(IA_ADDRESS, 0, 0), o(6, 'oro', [45, 47, 48]), o(101, 'lq-start-time', 1700000000), o(102, 'lq-end-time', 1700003600)],
    }),
  ],
};

const leasequeryReply: Message6 = {
  type: 'leasequery-reply',
  xid: 0xe3a05a,
  options: [
    serverid,
    clientid(RELAY_DUID),
    o(100, 'lq-base-time', 1700003600),
    o(45, 'client-data', [clientid(DUID_LL), iaaddr(IA_ADDRESS, 3600, 7200), iaprefix(DELEGATED, 3600, 7200), o(46, 'cltt', 600)]),
    o(47, 'lq-relay-data', {
      peerAddress: '2001:db8:1::1',
      relayMessage: {
        type: 'relay-forw',
        hopCount: 0,
        linkAddress: '2001:db8:1::1',
        peerAddress: '2001:db8:1::100',
        options: [o(18, 'interface-id', hex('eth0/7')), o(37, 'remote-id', { enterprise: EXAMPLE_PEN, remoteId: hex('circuit-7') })],
      },
    }),
  ],
};

/** RFC 5007 §4.1.2.5: the client has bindings on several links and the query named none. */
const leasequeryReplyLinks: Message6 = {
  type: 'leasequery-reply',
  xid: 0xe3a05b,
  options: [serverid, clientid(RELAY_DUID), o(48, 'lq-client-link', ['2001:db8:1::', '2001:db8:2::'])],
};

const leasequeryData: Message6 = {
  type: 'leasequery-data',
  xid: 0xe3a05c,
  options: [o(45, 'client-data', [clientid(DUID_LLT), iaprefix(DELEGATED, 3600, 7200), o(46, 'cltt', 30)])],
};

const leasequeryDone: Message6 = {
  type: 'leasequery-done',
  xid: 0xe3a05c,
  options: [status('Success', 'End of leasequery data')],
};

/** RFC 6977: a relay asks the server to reconfigure the clients on a link. */
const reconfigureRequest: Message6 = {
  type: 'reconfigure-request',
  xid: 0xf4b16d,
  options: [clientid(RELAY_DUID), o(80, 'link-address', '2001:db8:1::')],
};

const reconfigureReply: Message6 = {
  type: 'reconfigure-reply',
  xid: 0xf4b16d,
  options: [serverid, clientid(RELAY_DUID), status('Success', 'Reconfigure sent')],
};

export const CORPUS: readonly Packet[] = [
  { name: 'solicit', from: 'client', to: 'server', message: solicit },
  { name: 'advertise', from: 'server', to: 'client', message: advertise },
  { name: 'request', from: 'client', to: 'server', message: request },
  { name: 'reply', from: 'server', to: 'client', message: reply },
  { name: 'confirm', from: 'client', to: 'server', message: confirm },
  { name: 'renew', from: 'client', to: 'server', message: renew },
  { name: 'reply to renew, no binding', from: 'server', to: 'client', message: renewReply },
  { name: 'rebind', from: 'client', to: 'server', message: rebind },
  { name: 'release', from: 'client', to: 'server', message: release },
  { name: 'decline', from: 'client', to: 'server', message: decline },
  { name: 'reconfigure', from: 'server', to: 'client', message: reconfigure },
  { name: 'information-request', from: 'client', to: 'server', message: informationRequest },
  { name: 'reply to information-request', from: 'server', to: 'client', message: informationReply },
  { name: 'reply with softwire options', from: 'server', to: 'client', message: softwireReply },
  { name: 'relay-forw, 2 hops', from: 'relay', to: 'server', message: relayForward },
  { name: 'relay-repl, 2 hops', from: 'server', to: 'relay', message: relayReply },
  { name: 'leasequery', from: 'relay', to: 'server', message: leasequery },
  { name: 'leasequery-reply', from: 'server', to: 'relay', message: leasequeryReply },
  { name: 'leasequery-reply with client links', from: 'server', to: 'relay', message: leasequeryReplyLinks },
  { name: 'leasequery-data', from: 'server', to: 'relay', message: leasequeryData },
  { name: 'leasequery-done', from: 'server', to: 'relay', message: leasequeryDone },
  { name: 'reconfigure-request', from: 'relay', to: 'server', message: reconfigureRequest },
  { name: 'reconfigure-reply', from: 'server', to: 'relay', message: reconfigureReply },
];
