import { describe, expect, it } from 'vitest';
import { Codec, DecodeError, type Message6 } from '../../protocol/index.js';
import { relayedReply } from '../../protocol/testing/samples.js';
import { packetText } from './text.js';
import { request4 } from './testing/fixtures.js';

const codec = new Codec();
const none = new Uint8Array(0);
const from = { index: 7, protocol: 'dhcp6', time: '2024-05-01T10:00:00.123Z', src: '2001:db8::1', dst: 'fe80::1', srcPort: 547, dstPort: 547 } as const;

/** Encode, decode, print: what `fulmar decode` shows for this message. */
function text6(m: Message6): string {
  const b = codec.encode6(m);
  return packetText(from, codec.decode6(b) as Message6, b);
}

describe('packetText', () => {
  it('prints a relayed Reply with the relay chain nested and DUIDs typed', () => {
    expect(text6(relayedReply()).split('\n')).toEqual([
      '#7 2024-05-01T10:00:00.123Z [2001:db8::1]:547 → [fe80::1]:547 dhcp6 relay-repl › reply xid 0x1a2b3c',
      '  relay-repl hop 0 link 2001:db8:1::1 peer fe80::20c:29ff:fe12:3456',
      '    interface-id (18): 657468302f31 "eth0/1"',
      '    relay-msg (9)',
      '      reply xid 0x1a2b3c',
      '        clientid (1): 000100012db8a580000c29123456 (LLT hwtype 1 time 2024-04-22T04:35:12Z lladdr 00:0c:29:12:34:56)',
      '        serverid (2): 0003000102000000beef (LL hwtype 1 lladdr 02:00:00:00:be:ef)',
      '        ia-na (3): iaid 1 t1 1800 t2 2880',
      '          iaaddr (5): address 2001:db8:1::1234 preferredLifetime 3600 validLifetime 7200',
      '        ia-pd (25): iaid 2 t1 1800 t2 2880',
      '          iaprefix (26): preferredLifetime 3600 validLifetime 7200 prefix 2001:db8:8000:100::/56',
      '        rapid-commit (14)',
      '        dns-servers (23): 2001:db8::53, 2001:db8::54',
      '        domain-search (24): example.com.',
      '        solmax-rt (82): 3600',
    ]);
  });

  it('names status codes and requested options, and shows unknown and malformed options as hex', () => {
    const m: Message6 = {
      type: 'advertise',
      xid: 1,
      options: [
        { code: 13, value: { status: 'NoAddrsAvail', message: 'none left' } },
        { code: 6, value: [23, 9999] },
        { code: 2, value: { hex: '0002000000090a0b' } },
        { code: 2, value: { hex: '0004' + '00112233445566778899aabbccddeeff' } },
        { code: 4242, raw: '68690a' },
        { code: 23, raw: 'aabbcc' },
      ],
    };
    expect(text6(m).split('\n').slice(1)).toEqual([
      '  advertise xid 0x000001',
      '    status-code (13): NoAddrsAvail (2) "none left"',
      '    oro (6): dns-servers (23), 9999',
      '    serverid (2): 0002000000090a0b (EN enterprise 9 id 0a0b)',
      '    serverid (2): 000400112233445566778899aabbccddeeff (UUID 00112233-4455-6677-8899-aabbccddeeff)',
      '    option 4242: 68690a',
      '    dns-servers (23): aabbcc (malformed: length 3 is not a multiple of 16 at offset 72)',
    ]);
  });

  it('prints DHCPv4 header fields that are set, and relay agent suboptions nested', () => {
    expect(packetText({ index: 2, protocol: 'dhcp4', src: '192.0.2.1', dst: '192.0.2.2', srcPort: 67, dstPort: 67 }, request4(), none).split('\n')).toEqual([
      '#2 192.0.2.1:67 → 192.0.2.2:67 dhcp4 request xid 0x12345678',
      '  request xid 0x12345678 BOOTREQUEST hops 1 secs 3 broadcast',
      '    giaddr 192.0.2.1 chaddr 00:00:5e:00:53:01',
      '    dhcp-message-type (53): request (3)',
      '    dhcp-client-identifier (61): type 255 iaid 1 duid 000300010a0b0c0d0e0f (LL hwtype 1 lladdr 0a:0b:0c:0d:0e:0f)',
      '    dhcp-requested-address (50): 192.0.2.10',
      '    dhcp-parameter-request-list (55): subnet-mask (1), routers (3), domain-name-servers (6), domain-name (15)',
      '    dhcp-agent-options (82)',
      '      circuit-id (1): 65746830 "eth0"',
      '      remote-id (2): aabbcc',
    ]);
  });

  it('prints a decode error with the bytes', () => {
    const bytes = Buffer.from('01123456000100ff00', 'hex');
    const err = codec.decode6(bytes) as DecodeError;
    expect(packetText({ index: 3, protocol: 'dhcp6' }, err, bytes)).toBe(
      '#3 dhcp6 malformed: option 1 length 255 runs past its container (1 left) at offset 4\n  bytes 01123456000100ff00',
    );
  });
});
