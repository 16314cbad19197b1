import { DecodeError, standardCodec, type Message6 } from '../../src/protocol/index.js';
import type { TransactionRecord } from '../../src/control/types.js';

/**
 * Canned data for the looking glass: one CPE behind a relay (two relays for
 * its renew) with an address and a delegated prefix. Every message is
 * encoded and decoded by the real codec, so the page sees exactly the JSON
 * form the server records.
 */
export const CLIENT_DUID = '000100012db8a580000c29123456';
export const CLIENT_DUID_COLON = '00:01:00:01:2d:b8:a5:80:00:0c:29:12:34:56';
export const CLIENT_MAC = '000c29123456';
export const REMOTE_ID = '3561:0102030405';
export const ADDRESS = '2001:db8:1::1234';
export const PREFIX = '2001:db8:8000:100::/56';

const codec = standardCodec();

function wire(m: Message6): Message6 {
  const back = codec.decode6(codec.encode6(m));
  if (back instanceof DecodeError) throw new Error(`fixture does not decode: ${back.reason} at ${back.offset}`);
  return back;
}

const clientId = { code: 1, name: 'clientid', value: { type: 'LLT', hwtype: 1, time: 767075712, lladdr: CLIENT_MAC, hex: CLIENT_DUID } };
const serverId = { code: 2, name: 'serverid', value: { type: 'LL', hwtype: 1, lladdr: '02000000beef', hex: '0003000102000000beef' } };
const interfaceId = { code: 18, name: 'interface-id', value: '657468302f31' };
const remoteId = { code: 37, name: 'remote-id', value: { enterprise: 3561, remoteId: '0102030405' } };

function iaNa(lifetimes: boolean) {
  const addr = { code: 5, name: 'iaaddr', value: { address: lifetimes ? ADDRESS : '::', preferredLifetime: lifetimes ? 3600 : 0, validLifetime: lifetimes ? 7200 : 0, options: [] as unknown[] } };
  return { code: 3, name: 'ia-na', value: { iaid: 1, t1: lifetimes ? 1800 : 0, t2: lifetimes ? 2880 : 0, options: lifetimes ? [addr] : [] } };
}

function iaPd(lifetimes: boolean) {
  const prefix = { code: 26, name: 'iaprefix', value: { preferredLifetime: lifetimes ? 3600 : 0, validLifetime: lifetimes ? 7200 : 0, prefix: lifetimes ? PREFIX : '::/56', options: [] as unknown[] } };
  return { code: 25, name: 'ia-pd', value: { iaid: 2, t1: lifetimes ? 1800 : 0, t2: lifetimes ? 2880 : 0, options: [prefix] } };
}

const replyOptions = [
  { code: 23, name: 'dns-servers', value: ['2001:db8::53', '2001:db8::54'] },
  { code: 24, name: 'domain-search', value: ['example.com.'] },
  { code: 13, name: 'status-code', value: { status: 'Success', message: 'Assigned 1 address and 1 prefix' } },
];

function relayed(type: 'relay-forw' | 'relay-repl', inner: unknown, withRemoteId: boolean): Message6 {
  return {
    type,
    hopCount: 0,
    linkAddress: '2001:db8:1::1',
    peerAddress: 'fe80::20c:29ff:fe12:3456',
    options: [interfaceId, ...(withRemoteId ? [remoteId] : []), { code: 9, name: 'relay-msg', value: inner }],
  } as Message6;
}

/** Two relays: an aggregation router in front of the access relay. */
function twoHops(type: 'relay-forw' | 'relay-repl', inner: unknown, withRemoteId: boolean): Message6 {
  return {
    type,
    hopCount: 1,
    linkAddress: '::',
    peerAddress: '2001:db8:ffff::2',
    options: [{ code: 9, name: 'relay-msg', value: { ...relayed(type, inner, withRemoteId) } }],
  } as Message6;
}

function msg(type: string, xid: number, options: unknown[]) {
  return { type, xid, options };
}

export interface Scenario {
  transactions: TransactionRecord[];
  leases: Record<string, unknown>[];
  reservation: Record<string, unknown>;
  subnetStats: { columns: string[]; rows: number[][] };
}

export function scenario(now = Date.now()): Scenario {
  const t0 = now - 95 * 60_000;
  const renewAt = now - 35 * 60_000;
  const ids = { duid: CLIENT_DUID, 'hw-address': CLIENT_MAC, 'remote-id': REMOTE_ID, 'interface-id': '657468302f31' };
  const base = { duid: CLIENT_DUID, hwaddr: CLIENT_MAC, ids, subnet: 1, source: '2001:db8:1::1' };
  const solicit = msg('solicit', 0x1a2b3c, [clientId, { code: 8, name: 'elapsed-time', value: 0 }, { code: 6, name: 'oro', value: [23, 24, 82] }, iaNa(false), iaPd(false), { code: 20, name: 'reconf-accept' }]);
  const advertise = msg('advertise', 0x1a2b3c, [clientId, serverId, iaNa(true), iaPd(true), { code: 7, name: 'preference', value: 255 }, ...replyOptions.slice(0, 2)]);
  const request = msg('request', 0x4d5e6f, [clientId, serverId, { code: 8, name: 'elapsed-time', value: 12 }, { code: 6, name: 'oro', value: [23, 24] }, iaNa(true), iaPd(true)]);
  const reply = msg('reply', 0x4d5e6f, [clientId, serverId, iaNa(true), iaPd(true), ...replyOptions]);
  const renew = msg('renew', 0x777001, [clientId, serverId, { code: 8, name: 'elapsed-time', value: 0 }, iaNa(true), iaPd(true)]);
  const renewReply = msg('reply', 0x777001, [clientId, serverId, iaNa(true), iaPd(true), ...replyOptions.slice(0, 2)]);
  const transactions: TransactionRecord[] = [
    { ...base, at: t0 - 1500, micros: 41, type: 'solicit', drop: 'stale', granted: [], status: [], request: wire(relayed('relay-forw', solicit, true)) },
    { ...base, at: t0, micros: 84, type: 'solicit', reply: 'advertise', granted: [ADDRESS, PREFIX], status: ['Success'], request: wire(relayed('relay-forw', solicit, true)), response: wire(relayed('relay-repl', advertise, false)) },
    { ...base, at: t0 + 18, micros: 1870, type: 'request', reply: 'reply', granted: [ADDRESS, PREFIX], status: ['Success'], request: wire(relayed('relay-forw', request, true)), response: wire(relayed('relay-repl', reply, false)) },
    { ...base, at: renewAt, micros: 912, type: 'renew', reply: 'reply', granted: [ADDRESS, PREFIX], status: ['Success'], request: wire(twoHops('relay-forw', renew, true)), response: wire(twoHops('relay-repl', renewReply, false)) },
  ];
  const cltt = Math.floor(renewAt / 1000);
  const lease = { duid: CLIENT_DUID_COLON, iaid: 1, 'subnet-id': 1, cltt, 'valid-lft': 7200, 'preferred-lft': 3600, state: 0, 'hw-address': '00:0c:29:12:34:56', 'fqdn-fwd': false, 'fqdn-rev': false, hostname: '' };
  const leases = [
    { ...lease, 'ip-address': ADDRESS, type: 'IA_NA', 'prefix-len': 128 },
    { ...lease, 'ip-address': '2001:db8:8000:100::', type: 'IA_PD', iaid: 2, 'prefix-len': 56 },
  ];
  const reservation = {
    'subnet-id': 1,
    duid: CLIENT_DUID_COLON,
    'ip-addresses': [ADDRESS],
    prefixes: [PREFIX],
    hostname: 'cpe-4711.example.com',
    'option-data': [{ name: 'dns-servers', data: '2001:db8::53' }],
  };
  const subnetStats = {
    columns: ['subnet-id', 'total-nas', 'cumulative-assigned-nas', 'assigned-nas', 'declined-addresses', 'total-pds', 'assigned-pds'],
    rows: [
      [1, 65536, 1204, 420, 1, 256, 200],
      [2, 18446744073709552000, 3, 3, 0, 0, 0],
      [3, 65536, 80110, 62000, 12, 0, 0],
      [4, 0, 0, 0, 0, 256, 255],
    ],
  };
  return { transactions, leases, reservation, subnetStats };
}
