import { formatIpv4, formatIpv6 } from '../protocol/index.js';
import type { CapturedPacket } from './types.js';
import { ipOffset } from './link.js';
import { locateUdpIn, type UdpLocation } from './ip.js';

export type { UdpLocation } from './ip.js';

export interface UdpDatagram {
  family: 4 | 6;
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  /** A view into the packet bytes. */
  payload: Uint8Array;
}

/**
 * Ports and payload bounds of the packet's UDP datagram, without formatting
 * addresses: cheap enough to filter every packet of a capture by port.
 */
export function locateUdp(pkt: CapturedPacket): UdpLocation | undefined {
  return locateUdpIn(pkt.data, ipOffset(pkt.data, pkt.linkType));
}

/** The packet's UDP datagram with its addresses in RFC 5952 / dotted-quad text, or undefined. */
export function udpDatagram(pkt: CapturedPacket, loc = locateUdp(pkt)): UdpDatagram | undefined {
  if (!loc) return undefined;
  const d = pkt.data;
  const ip = loc.ipOffset;
  return {
    family: loc.family,
    src: loc.family === 6 ? formatIpv6(d, ip + 8) : formatIpv4(d, ip + 12),
    dst: loc.family === 6 ? formatIpv6(d, ip + 24) : formatIpv4(d, ip + 16),
    srcPort: loc.srcPort,
    dstPort: loc.dstPort,
    payload: d.subarray(loc.payloadOffset, loc.payloadEnd),
  };
}
