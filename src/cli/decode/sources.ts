import type { CapturedPacket } from '../../pcap/read.js';
import { locateUdp } from '../../pcap/udp.js';
import type { Candidate } from './packet.js';
import type { Protocol } from './types.js';

/** UDP ports that make a packet DHCPv6 or DHCPv4 when either end uses one. */
export interface Ports {
  v6: ReadonlySet<number>;
  v4: ReadonlySet<number>;
}

export const STANDARD_PORTS: Ports = { v6: new Set([546, 547]), v4: new Set([67, 68]) };

/** The DHCP packets of a capture, picked by family and port before anything is decoded. */
export function* captureCandidates(packets: Iterable<CapturedPacket>, ports: Ports): Generator<Candidate> {
  for (const packet of packets) {
    const udp = locateUdp(packet);
    if (!udp) continue;
    const set = udp.family === 6 ? ports.v6 : ports.v4;
    if (!set.has(udp.srcPort) && !set.has(udp.dstPort)) continue;
    yield {
      index: packet.index,
      protocol: udp.family === 6 ? 'dhcp6' : 'dhcp4',
      payload: packet.data.subarray(udp.payloadOffset, udp.payloadEnd),
      timestampNs: packet.timestampNs,
      packet,
      udp,
    };
  }
}

/** A line of hex → its bytes; whitespace and ':' are ignored. Blank and '#' lines give undefined. */
export function parseHexLine(line: string): Buffer | undefined | Error {
  const t = line.trim();
  if (t === '' || t.startsWith('#')) return undefined;
  const hex = t.replace(/[\s:]/g, '');
  if (!/^[0-9a-f]*$/i.test(hex)) return new Error(`not hex: ${JSON.stringify(t.length > 40 ? t.slice(0, 40) + '…' : t)}`);
  if (hex.length % 2) return new Error(`odd number of hex digits (${hex.length})`);
  return Buffer.from(hex, 'hex');
}

/** One message per line of hex, numbered by line; bad lines are reported and skipped. */
export async function* hexCandidates(
  lines: AsyncIterable<string> | Iterable<string>,
  protocol: Protocol,
  onBadLine: (line: number, reason: string) => void,
): AsyncGenerator<Candidate> {
  let n = 0;
  for await (const line of lines) {
    n++;
    const bytes = parseHexLine(line);
    if (bytes instanceof Error) onBadLine(n, bytes.message);
    else if (bytes) yield { index: n, protocol, payload: bytes };
  }
}
