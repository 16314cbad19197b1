import { describe, expect, it } from 'vitest';
import { LINKTYPE_ETHERNET, LINKTYPE_RAW, ethernetFrame, pcapFile, udp4Packet, udp6Packet } from './write.js';

/** RFC 1071: the ones' complement sum over data that includes a correct checksum is 0xffff. */
function onesSum(...parts: Uint8Array[]): number {
  let sum = 0;
  for (const b of parts) for (let i = 0; i < b.length; i += 2) sum += (b[i]! << 8) | (b[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

const v6 = { src: '2001:db8::1', dst: '2001:db8::2', srcPort: 546, dstPort: 547 };

describe('pcap file', () => {
  it('writes the classic global header and one record header per frame', () => {
    const f = pcapFile(LINKTYPE_RAW, [{ timeMs: 1_700_000_000_123, data: Buffer.from('abcd', 'hex') }]);
    expect(f.subarray(0, 24).toString('hex')).toBe('a1b2c3d4' + '00020004' + '00000000' + '00000000' + '0000ffff' + '00000065');
    expect(f.readUInt32BE(24)).toBe(1_700_000_000); // seconds
    expect(f.readUInt32BE(28)).toBe(123_000); // microseconds
    expect([f.readUInt32BE(32), f.readUInt32BE(36)]).toEqual([2, 2]); // captured, original length
    expect(f.subarray(40).toString('hex')).toBe('abcd');
  });

  it('holds nothing but the header when there are no frames', () => {
    expect(pcapFile(LINKTYPE_ETHERNET, [])).toHaveLength(24);
  });
});

describe('IPv6/UDP', () => {
  it('fills in lengths, next header and the checksum tshark 4.0 accepts', () => {
    // Golden vector: tshark -o udp.check_checksum:TRUE reported this checksum "[correct]".
    const p = udp6Packet({ ...v6, payload: Buffer.from('14800000005700080101060000000001', 'hex') });
    expect(p.readUInt32BE(0)).toBe(0x60000000);
    expect(p.readUInt16BE(4)).toBe(8 + 16); // payload length: UDP header + data
    expect([p[6], p[7]]).toEqual([17, 64]);
    expect(p.subarray(8, 24).toString('hex')).toBe('20010db8000000000000000000000001');
    expect([p.readUInt16BE(40), p.readUInt16BE(42), p.readUInt16BE(44)]).toEqual([546, 547, 24]);
    expect(p.readUInt16BE(46)).toBe(0x8423);
  });

  it('sums to 0xffff over the pseudo-header (RFC 8200 §8.1) for odd-length payloads too', () => {
    const p = udp6Packet({ ...v6, payload: Buffer.from('0102030405', 'hex') });
    const pseudo = Buffer.alloc(40);
    p.copy(pseudo, 0, 8, 40); // source and destination
    pseudo.writeUInt32BE(p.length - 40, 32);
    pseudo[39] = 17;
    expect(onesSum(pseudo, p.subarray(40))).toBe(0xffff);
  });

  it('sends a computed checksum of 0 as 0xffff, since 0 means "none" (RFC 768)', () => {
    const first = udp6Packet({ ...v6, payload: Buffer.alloc(2) });
    // Putting the first checksum into the payload makes the sum come out to zero.
    const p = udp6Packet({ ...v6, payload: first.subarray(46, 48) });
    expect(p.readUInt16BE(46)).toBe(0xffff);
  });

  it('refuses text that is not an IPv6 address', () => {
    expect(() => udp6Packet({ ...v6, src: '192.0.2.1', payload: Buffer.alloc(0) })).toThrow(/not an IPv6 address/);
  });
});

describe('IPv4/UDP', () => {
  it('fills in lengths and both checksums tshark 4.0 accepts', () => {
    // Golden vector: tshark -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE said both are "[correct]".
    const p = udp4Packet({ src: '192.0.2.1', dst: '192.0.2.2', srcPort: 68, dstPort: 67, payload: Buffer.alloc(300) });
    expect(p[0]).toBe(0x45);
    expect(p.readUInt16BE(2)).toBe(328);
    expect([p[8], p[9]]).toEqual([64, 17]);
    expect(p.readUInt16BE(10)).toBe(0xf5a1);
    expect(onesSum(p.subarray(0, 20))).toBe(0xffff);
    expect(p.readUInt16BE(24)).toBe(308);
    expect(p.readUInt16BE(26)).toBe(0x78fb);
  });
});

describe('Ethernet', () => {
  it('picks the EtherType from the IP version and uses documentation MACs by default', () => {
    const six = ethernetFrame(udp6Packet({ ...v6, payload: Buffer.alloc(0) }));
    const four = ethernetFrame(udp4Packet({ src: '192.0.2.1', dst: '192.0.2.2', srcPort: 68, dstPort: 67, payload: Buffer.alloc(0) }));
    expect(six.subarray(0, 14).toString('hex')).toBe('00005e005302' + '00005e005301' + '86dd');
    expect(four.readUInt16BE(12)).toBe(0x0800);
  });
});
