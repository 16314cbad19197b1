import { describe, expect, it } from 'vitest';
import { DecodeError, standardCodec, type ClientServerMessage6, type Message6, type RelayMessage6 } from '../../src/protocol/index.js';
import { wrap } from '../../src/server/relay.js';
import { lineConfig, linePrefix, remoteIdText } from './lines.js';
import { macFromLinkLocal, relayForward, relayReply } from './relay-messages.js';

// The test relay's message handling, without sockets: what it puts on the
// wire towards the server and what it takes back.

const codec = standardCodec();
const LINE = lineConfig(5042);
const SOLICIT: ClientServerMessage6 = { type: 'solicit', xid: 0x123456, options: [{ code: 1, name: 'clientid', value: { type: 3, hex: '00030001020000aa5042' } }] };

describe('test relay messages', () => {
  it('RFC 4291 appendix A: reads the MAC back out of an EUI-64 link-local, and only there', () => {
    expect(macFromLinkLocal('fe80::ff:fe00:13b2')).toBe('0200000013b2');
    expect(macFromLinkLocal('fe80::211:22ff:fe33:4455%l5042')).toBe('001122334455');
    expect(macFromLinkLocal('fe80::1')).toBeUndefined();
    expect(macFromLinkLocal('2001:db8::ff:fe00:13b2')).toBeUndefined();
  });

  it('RFC 8415 §9 and §19.1.1: a Relay-forw, hop-count 0, link-address on the line, peer-address the client', () => {
    const bytes = codec.encode6(relayForward(LINE, 'fe80::ff:fe00:13b2%l5042', SOLICIT));
    expect(bytes[0]).toBe(12);
    expect(bytes[1]).toBe(0);
    expect(bytes.subarray(2, 18).toString('hex')).toBe('20010db8000213b20000000000000001');
    expect(bytes.subarray(18, 34).toString('hex')).toBe('fe80000000000000000000fffe0013b2');
  });

  it('carries interface-id (§21.18), remote-id (RFC 4649 §3), subscriber-id (RFC 4580 §2), client link-layer address (RFC 6939 §4), then the message', () => {
    const m = codec.decode6(codec.encode6(relayForward(LINE, 'fe80::ff:fe00:13b2', SOLICIT)));
    if (m instanceof DecodeError) throw m;
    const r = m as RelayMessage6;
    expect(r.options.map((o) => o.code)).toEqual([18, 37, 38, 79, 9]);
    expect(r.options[0]!.value).toBe(Buffer.from('dsl-5042').toString('hex'));
    expect(r.options[1]!.value).toEqual({ enterprise: 9, remoteId: remoteIdText(5042).split(':')[1] });
    expect(r.options[2]!.value).toBe(Buffer.from('sub5042@isp.example').toString('hex'));
    // Link-layer type 1 is Ethernet (the ARP hardware type, RFC 6939 §4).
    expect(r.options[3]!.value).toEqual({ linkType: 1, address: '0200000013b2' });
    expect((r.options[4]!.value as ClientServerMessage6).xid).toBe(SOLICIT.xid);
  });

  it('a configured MAC wins; without one and without EUI-64, no link-layer option rather than a guess', () => {
    const configured = relayForward({ ...LINE, mac: '001122334455' }, 'fe80::1', SOLICIT);
    expect(configured.options.find((o) => o.code === 79)?.value).toEqual({ linkType: 1, address: '001122334455' });
    expect(relayForward(LINE, 'fe80::1', SOLICIT).options.map((o) => o.code)).toEqual([18, 37, 38, 9]);
  });

  it('RFC 8415 §19.2: the server\'s Relay-repl goes to peer-address on the line its Interface-ID names', () => {
    const other = lineConfig(5043);
    const forw = relayForward(LINE, 'fe80::ff:fe00:13b2', SOLICIT);
    const advertise: ClientServerMessage6 = { type: 'advertise', xid: SOLICIT.xid, options: [] };
    const repl = codec.decode6(codec.encode6(wrap([forw], advertise) as Message6));
    if (repl instanceof DecodeError) throw repl;
    const to = relayReply([other, LINE], repl)!;
    expect([to.line.iface, to.peer, (to.msg as ClientServerMessage6).type]).toEqual(['l5042', 'fe80::ff:fe00:13b2', 'advertise']);
    // Not ours: another line's id, or a Relay-forw.
    expect(relayReply([other], repl)).toBeUndefined();
    expect(relayReply([LINE], forw)).toBeUndefined();
  });

  it('line 5042 has its own /56 of 2001:db8:1000::/40', () => {
    expect(linePrefix(0)).toBe('2001:db8:1000::/56');
    expect(linePrefix(5042)).toBe('2001:db8:1013:b200::/56');
    expect(linePrefix(9999)).toBe('2001:db8:1027:f00::/56');
  });
});
