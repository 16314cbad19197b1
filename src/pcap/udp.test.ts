import { describe, expect, it } from 'vitest';
import { ethernetFrame, udp4Packet, udp6Packet } from './write.js';
import { locateUdp, udpDatagram } from './udp.js';
import type { CapturedPacket } from './types.js';
import { loopback, sll, sll2, vlan, withExtensions6, withOptions4 } from './testing/frames.js';

const payload = Uint8Array.of(1, 0xaa, 0xbb, 0xcc);
const v6 = udp6Packet({ src: 'fe80::1', dst: 'ff02::1:2', srcPort: 546, dstPort: 547, payload });
const v4 = udp4Packet({ src: '192.0.2.1', dst: '255.255.255.255', srcPort: 68, dstPort: 67, payload });
const want6 = { family: 6, src: 'fe80::1', dst: 'ff02::1:2', srcPort: 546, dstPort: 547, payload: [...payload] };
const want4 = { family: 4, src: '192.0.2.1', dst: '255.255.255.255', srcPort: 68, dstPort: 67, payload: [...payload] };

function packet(linkType: number, data: Uint8Array): CapturedPacket {
  return { index: 1, timestampNs: 0n, linkType, data, originalLength: data.length };
}

function datagram(linkType: number, data: Uint8Array) {
  const d = udpDatagram(packet(linkType, data));
  return d && { ...d, payload: [...d.payload] };
}

describe('udpDatagram: link types', () => {
  it.each([
    ['Ethernet', 1, ethernetFrame(v6), ethernetFrame(v4)],
    ['802.1Q VLAN', 1, vlan(ethernetFrame(v6), 0x8100), vlan(ethernetFrame(v4), 0x8100)],
    ['QinQ', 1, vlan(ethernetFrame(v6), 0x88a8, 0x8100), vlan(ethernetFrame(v4), 0x9100, 0x8100)],
    ['Linux SLL', 113, sll(v6), sll(v4)],
    ['Linux SLL2', 276, sll2(v6), sll2(v4)],
    ['raw IP (101)', 101, v6, v4],
    ['raw IP (12)', 12, v6, v4],
    ['BSD null, little-endian', 0, loopback(v6, 30, true), loopback(v4, 2, true)],
    ['BSD loop, big-endian', 108, loopback(v6, 24, false), loopback(v4, 2, false)],
  ])('%s', (_, linkType, frame6, frame4) => {
    expect(datagram(linkType, frame6)).toEqual(want6);
    expect(datagram(linkType, frame4)).toEqual(want4);
  });

  it('IPv4-only and IPv6-only raw link types', () => {
    expect(datagram(228, v4)).toEqual(want4);
    expect(datagram(229, v6)).toEqual(want6);
  });

  it('skips what is not IP or not a known link type', () => {
    const arp = Buffer.from(ethernetFrame(v4));
    arp.writeUInt16BE(0x0806, 12);
    expect(datagram(1, arp)).toBeUndefined();
    expect(datagram(147, v6)).toBeUndefined();
    expect(datagram(0, loopback(v6, 7, true))).toBeUndefined();
    expect(datagram(1, ethernetFrame(v6).subarray(0, 13))).toBeUndefined();
    expect(datagram(1, vlan(ethernetFrame(v6), 0x8100).subarray(0, 16))).toBeUndefined();
  });
});

describe('udpDatagram: IPv6 headers', () => {
  const hopByHop: [number, Uint8Array] = [0, Uint8Array.of(1, 4, 0, 0, 0, 0)]; // PadN
  const routing: [number, Uint8Array] = [43, new Uint8Array(22)];
  const destOpts: [number, Uint8Array] = [60, Uint8Array.of(1, 4, 0, 0, 0, 0)];
  const firstFragment: [number, Uint8Array] = [44, Uint8Array.of(0, 1, 0, 0, 0, 7)]; // offset 0, more fragments
  const laterFragment: [number, Uint8Array] = [44, Uint8Array.of(0, 0xb8, 0, 0, 0, 7)]; // offset 23 units

  it('walks hop-by-hop, routing and destination options headers', () => {
    expect(datagram(101, withExtensions6(v6, hopByHop, routing, destOpts))).toEqual(want6);
  });

  it('walks an authentication header (4-byte units)', () => {
    expect(datagram(101, withExtensions6(v6, [51, new Uint8Array(18)]))).toEqual(want6);
  });

  it('reads a first fragment and skips later ones', () => {
    expect(datagram(101, withExtensions6(v6, firstFragment))).toEqual(want6);
    expect(datagram(101, withExtensions6(v6, laterFragment))).toBeUndefined();
  });

  it('skips non-UDP and an extension header running past the packet', () => {
    const tcp = Buffer.from(v6);
    tcp[6] = 6;
    expect(datagram(101, tcp)).toBeUndefined();
    const long = withExtensions6(v6, hopByHop);
    long[41] = 200; // header length far past the end
    expect(datagram(101, long)).toBeUndefined();
  });

  it('bounds the payload by the IP and UDP lengths, not the frame (Ethernet padding)', () => {
    const padded = Buffer.concat([ethernetFrame(v6), Buffer.alloc(10, 0xee)]);
    expect(datagram(1, padded)).toEqual(want6);
  });

  it('returns what was captured of a datagram cut at the snap length', () => {
    expect(datagram(101, v6.subarray(0, v6.length - 2))?.payload).toEqual([1, 0xaa]);
  });
});

describe('udpDatagram: IPv4 headers', () => {
  it('honours the header length (options)', () => {
    expect(datagram(101, withOptions4(v4, 2))).toEqual(want4);
  });

  it('reads a first fragment and skips later ones', () => {
    const first = Buffer.from(v4);
    first.writeUInt16BE(0x2000, 6); // more fragments, offset 0
    expect(datagram(101, first)).toEqual(want4);
    const later = Buffer.from(v4);
    later.writeUInt16BE(0x0010, 6);
    expect(datagram(101, later)).toBeUndefined();
  });

  it('skips a header length under 20 bytes and a UDP length under 8', () => {
    const badIhl = Buffer.from(v4);
    badIhl[0] = 0x44;
    expect(datagram(101, badIhl)).toBeUndefined();
    const badUdp = Buffer.from(v4);
    badUdp.writeUInt16BE(5, 24);
    expect(datagram(101, badUdp)).toBeUndefined();
  });
});

describe('locateUdp', () => {
  it('gives ports and payload bounds without formatting addresses', () => {
    expect(locateUdp(packet(1, ethernetFrame(v6)))).toEqual({ family: 6, ipOffset: 14, srcPort: 546, dstPort: 547, payloadOffset: 62, payloadEnd: 66 });
  });
});
