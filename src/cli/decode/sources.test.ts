import { describe, expect, it } from 'vitest';
import { readCapture } from '../../pcap/read.js';
import { ethernetFrame, pcapFile, udp4Packet, udp6Packet } from '../../pcap/write.js';
import { captureCandidates, hexCandidates, parseHexLine, STANDARD_PORTS } from './sources.js';

const payload = Uint8Array.of(1, 2, 3, 4);
const frame = (family: 4 | 6, srcPort: number, dstPort: number) =>
  ethernetFrame(
    family === 6
      ? udp6Packet({ src: 'fe80::1', dst: 'ff02::1:2', srcPort, dstPort, payload })
      : udp4Packet({ src: '0.0.0.0', dst: '255.255.255.255', srcPort, dstPort, payload }),
  );

describe('captureCandidates', () => {
  it('picks DHCPv6 by port 546/547 over IPv6 and DHCPv4 by port 67/68 over IPv4, keeping frame numbers', () => {
    const file = pcapFile(1, [
      { data: frame(6, 546, 547), timeMs: 0 },
      { data: frame(6, 53, 5353), timeMs: 0 },
      { data: frame(4, 68, 67), timeMs: 0 },
      { data: frame(4, 546, 547), timeMs: 0 },
      { data: frame(6, 67, 68), timeMs: 0 },
      { data: frame(6, 547, 9999), timeMs: 0 },
    ]);
    const picked = [...captureCandidates(readCapture(file), STANDARD_PORTS)].map((c) => [c.index, c.protocol, [...c.payload]]);
    expect(picked).toEqual([
      [1, 'dhcp6', [1, 2, 3, 4]],
      [3, 'dhcp4', [1, 2, 3, 4]],
      [6, 'dhcp6', [1, 2, 3, 4]],
    ]);
    const extra = { v6: new Set([...STANDARD_PORTS.v6, 5353]), v4: STANDARD_PORTS.v4 };
    expect([...captureCandidates(readCapture(file), extra)].map((c) => c.index)).toEqual([1, 2, 3, 6]);
  });
});

describe('hex input', () => {
  it('ignores whitespace, colons, blank lines and # comments', () => {
    expect(parseHexLine(' 01:12 34\t56 ')).toEqual(Buffer.from('01123456', 'hex'));
    expect(parseHexLine('')).toBeUndefined();
    expect(parseHexLine('# a comment')).toBeUndefined();
    expect((parseHexLine('0g') as Error).message).toBe('not hex: "0g"');
    expect((parseHexLine('012') as Error).message).toBe('odd number of hex digits (3)');
  });

  it('numbers messages by line and reports bad lines', async () => {
    const bad: string[] = [];
    const got = [];
    for await (const c of hexCandidates(['0101', '', 'xx', '0202'], 'dhcp4', (n, r) => bad.push(`${n}: ${r}`))) got.push([c.index, c.protocol, [...c.payload]]);
    expect(got).toEqual([
      [1, 'dhcp4', [1, 1]],
      [4, 'dhcp4', [2, 2]],
    ]);
    expect(bad).toEqual(['3: not hex: "xx"']);
  });
});
