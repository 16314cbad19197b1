import { describe, expect, it } from 'vitest';
import { standardCodec, type Message6 } from '../../protocol/index.js';
import { relayedSolicit } from '../../protocol/testing/samples.js';
import { compileBool, compileValue } from './index.js';
import { fromMessage, hop, request } from './testing.js';
import type { PipelineRequest } from '../types.js';

const none: ReadonlySet<string> = new Set();
const is = (text: string, q: PipelineRequest, marks = none): boolean => compileBool(text)(q, marks);
const val = (text: string, q: PipelineRequest, marks = none): string | undefined => compileValue(text)(q, marks);

// Three relays, outermost (closest to the server) first, as PipelineRequest.relays holds them.
const spine = hop({
  linkAddress: '2001:db8:ff::1',
  peerAddress: 'fe80::a',
  hopCount: 2,
  interfaceId: '7370696e65', // "spine"
});
const agg = hop({
  linkAddress: '2001:db8:10::1',
  peerAddress: 'fe80::b',
  hopCount: 1,
  remoteId: { enterprise: 4491, remoteId: 'aabbcc' },
  options: [{ code: 65001, raw: 'beef' }],
});
const access = hop({
  linkAddress: '::',
  peerAddress: 'fe80::c',
  hopCount: 0,
  interfaceId: '657468302f31', // "eth0/1"
  remoteId: { enterprise: 3561, remoteId: '0102' },
  subscriberId: '7375622d3432', // "sub-42"
  linklayer: { linkType: 1, address: '02000000beef' },
});
const three = request({
  relays: [spine, agg, access],
  options: [{ code: 16, name: 'vendor-class', value: { enterprise: 4491, data: ['646f63736973'] } }],
  ids: { 'hw-address': '02000000beef' },
  source: '2001:db8:ff::1',
  subnetId: 7,
  elapsedSeconds: 12,
  xid: 0xabcdef,
});

describe('evaluation', () => {
  it('runs the issue example', () => {
    const one = request({ relays: [hop({ remoteId: { enterprise: 9, remoteId: '0102' } })] });
    const f = compileBool(`relay[0].remote_id == 0x0102 and msg.type == 'solicit'`);
    expect(f(one, none)).toBe(true);
    expect(f(request({ ...one, type: 'request', relays: [...one.relays] }), none)).toBe(false);
    expect(f(request({ relays: [hop({ remoteId: { enterprise: 9, remoteId: '0103' } })] }), none)).toBe(false);
    expect(f(request(), none)).toBe(false);
  });

  it('numbers relays from the server: 0 is the outermost hop', () => {
    expect(val('relay[0].link_address', three)).toBe('2001:db8:ff::1');
    expect(val('relay[1].link_address', three)).toBe('2001:db8:10::1');
    expect(val('relay[2].peer_address', three)).toBe('fe80::c');
    expect(val('relay[2].hop_count', three)).toBe('0');
    expect(val('relay[0].hop_count', three)).toBe('2');
    expect(val('relay.count', three)).toBe('3');
    expect(val('relay.count', request())).toBe('0');
  });

  it('reads hop options', () => {
    expect(val('relay[2].remote_id', three)).toBe('0102');
    expect(val('relay[2].remote_id_enterprise', three)).toBe('3561');
    expect(val('relay[1].remote_id_enterprise', three)).toBe('4491');
    expect(val('relay[2].interface_id', three)).toBe('657468302f31');
    expect(val('relay[0].interface_id', three)).toBe('7370696e65');
    expect(val('relay[2].subscriber_id', three)).toBe('7375622d3432');
    expect(val('relay[2].client_linklayer', three)).toBe('02000000beef');
    expect(val('relay[2].client_linklayer_type', three)).toBe('1');
    expect(val('relay[1].option[65001]', three)).toBe('beef');
    expect(val('relay[2].option[37]', three)).toBe('00000de90102');
  });

  it('gives absent for hops and options that are not there', () => {
    expect(val('relay[3].link_address', three)).toBeUndefined();
    expect(val('relay[0].remote_id', three)).toBeUndefined();
    expect(val('relay[1].option[18]', three)).toBeUndefined();
    expect(val('relay[0].remote_id', request())).toBeUndefined();
    expect(is('exists(relay[2].remote_id)', three)).toBe(true);
    expect(is('exists(relay[0].remote_id)', three)).toBe(false);
    expect(is('exists(relay[3].option[18])', three)).toBe(false);
    expect(is('exists(relay[1].option[65001])', three)).toBe(true);
  });

  it('makes every comparison with an absent value false, != included', () => {
    expect(is('relay[0].remote_id == 0x0102', three)).toBe(false);
    expect(is('relay[0].remote_id != 0x0102', three)).toBe(false);
    expect(is('not (relay[0].remote_id == 0x0102)', three)).toBe(true);
    expect(is('relay[5].hop_count < 1', three)).toBe(false);
    expect(is('relay[5].hop_count >= 0', three)).toBe(false);
    expect(is('relay[0].remote_id in [0x0102, 0x0103]', three)).toBe(false);
    expect(is('relay[0].remote_id == relay[9].remote_id', three)).toBe(false);
    expect(is('starts_with(relay[0].remote_id, 0x01)', three)).toBe(false);
    expect(is('subnet == 7', request())).toBe(false);
  });

  it('reads message and request fields', () => {
    expect(val('msg.type', three)).toBe('solicit');
    expect(val('msg.xid', three)).toBe(String(0xabcdef));
    expect(val('duid', three)).toBe('000300010a0b0c0d0e0f');
    expect(val('hwaddr', three)).toBe('02000000beef');
    expect(val('hwaddr', request())).toBeUndefined();
    expect(val('iface', request({ iface: 'eth1' }))).toBe('eth1');
    expect(val('iface', three)).toBeUndefined();
    expect(val('source', three)).toBe('2001:db8:ff::1');
    expect(val('subnet', three)).toBe('7');
    expect(val('elapsed', three)).toBe('12');
    expect(val('vendor_class_enterprise', three)).toBe('4491');
    expect(val('vendor_class_enterprise', request())).toBeUndefined();
    expect(val('msg.option[16]', three)).toBe('0000118b0006646f63736973');
    expect(is('exists(msg.option[16]) and not exists(msg.option[14])', three)).toBe(true);
  });

  it('sees a decoded option whose body it cannot rebuild as present but valueless', () => {
    const q = request({ options: [{ code: 3, name: 'ia-na', value: { iaid: 1, t1: 0, t2: 0, options: [] } }] });
    expect(is('exists(msg.option[3])', q)).toBe(true);
    expect(is('exists(len(msg.option[3]))', q)).toBe(false);
  });

  it('compares addresses in canonical form', () => {
    expect(is(`relay[0].link_address == '2001:DB8:FF:0::1'`, three)).toBe(true);
    expect(is(`source in ['2001:db8::1', '2001:0db8:00ff::1']`, three)).toBe(true);
    expect(is(`relay[1].peer_address != 'fe80::b'`, three)).toBe(false);
  });

  it('evaluates operators', () => {
    expect(is('msg.xid > 100 and msg.xid <= 11259375 and elapsed < 13 and elapsed >= 12', three)).toBe(true);
    expect(is('relay.count == 3 or marked("x")', three)).toBe(true);
    expect(is('relay.count == 2 or marked("x")', three)).toBe(false);
    expect(is('relay.count == 2 or marked("x")', three, new Set(['x']))).toBe(true);
    expect(is('not not true', three)).toBe(true);
    expect(is('false or false or true', three)).toBe(true);
    expect(is('true and true and false', three)).toBe(false);
    expect(is(`msg.type in ['request', 'renew', 'rebind', 'solicit', 'confirm', 'release', 'decline', 'information-request', 'leasequery']`, three)).toBe(true);
    expect(is(`msg.type in ['request', 'renew', 'rebind', 'confirm', 'release', 'decline', 'information-request', 'leasequery', 'reply']`, three)).toBe(false);
    expect(is('(subnet == 7) == (elapsed == 12)', three)).toBe(true);
  });

  it('evaluates functions on bytes and strings', () => {
    expect(val('substring(relay[2].client_linklayer, 4, 2)', three)).toBe('beef');
    expect(val('substring(relay[2].client_linklayer, 5, 9)', three)).toBe('ef');
    expect(val('substring(relay[2].client_linklayer, 10, 1)', three)).toBe('');
    expect(val(`substring('fulmar', 1, 3)`, three)).toBe('ulm');
    expect(val('len(relay[2].interface_id)', three)).toBe('6');
    expect(val(`len('héllo')`, three)).toBe('5');
    expect(val('hex(relay[2].remote_id)', three)).toBe('0102');
    expect(val(`lower('ETH0')`, three)).toBe('eth0');
    expect(val(`lower(iface)`, request({ iface: 'Eth0' }))).toBe('eth0');
    expect(val('concat(relay[2].remote_id, relay[2].subscriber_id)', three)).toBe('01027375622d3432');
    expect(val(`concat(iface, '-x')`, three)).toBeUndefined();
    expect(is('starts_with(relay[2].interface_id, 0x657468)', three)).toBe(true);
    expect(is(`starts_with(lower('ABC'), 'ab')`, three)).toBe(true);
    expect(is(`starts_with(lower('ABC'), 'b')`, three)).toBe(false);
    expect(is('hex(relay[2].remote_id) == "0102"', three)).toBe(true);
  });

  it('renders flex-id values: hex, decimal, text', () => {
    expect(val('concat(relay[2].remote_id, 0xff)', three)).toBe('0102ff');
    expect(val('relay[2].remote_id_enterprise', three)).toBe('3561');
    expect(val(`'literal'`, three)).toBe('literal');
    expect(val('0xABCD', three)).toBe('abcd');
    expect(val('42', three)).toBe('42');
  });

  it('reads a chain the codec decoded', () => {
    const codec = standardCodec();
    const wire = codec.encode6({ type: 'relay-forw', hopCount: 1, linkAddress: '2001:db8:99::1', peerAddress: 'fe80::99', options: [{ code: 9, name: 'relay-msg', value: relayedSolicit() }] });
    const q = fromMessage(codec.decode6(wire) as Message6);
    expect(q.relays.length).toBe(2);
    expect(is(`relay[1].remote_id == 0x0102030405 and relay[1].remote_id_enterprise == 3561 and msg.type == 'solicit'`, q)).toBe(true);
    expect(is(`relay[0].link_address == '2001:db8:99::1' and relay[1].link_address == '2001:db8:1::1'`, q)).toBe(true);
    expect(val('relay[1].interface_id', q)).toBe('657468302f31');
    expect(val('msg.option[8]', q)).toBe('0000');
    expect(val('vendor_class_enterprise', q)).toBe('4491');
    expect(is('exists(msg.option[14]) and msg.option[14] == 0x00', q)).toBe(false);
    expect(val('len(msg.option[14])', q)).toBe('0');
  });
});
