import type { CapturedPacket } from '../../pcap/read.js';
import { udpDatagram, type UdpLocation } from '../../pcap/udp.js';
import type { Protocol } from './types.js';
import { isoTime } from './values.js';

/** One DHCP payload to decode: from a capture (with its frame) or from a line of hex. */
export interface Candidate {
  /** Frame number in the capture, or line number of the hex input. */
  index: number;
  protocol: Protocol;
  payload: Uint8Array;
  timestampNs?: bigint;
  packet?: CapturedPacket;
  udp?: UdpLocation;
}

/** Where a printed packet came from; addresses are formatted only for packets that get printed. */
export interface PacketHeader {
  index: number;
  protocol: Protocol;
  time?: string;
  src?: string;
  dst?: string;
  srcPort?: number;
  dstPort?: number;
}

export function headerOf(c: Candidate): PacketHeader {
  const h: PacketHeader = { index: c.index, protocol: c.protocol };
  if (c.timestampNs !== undefined) h.time = isoTime(c.timestampNs);
  const d = c.packet && udpDatagram(c.packet, c.udp);
  if (d) Object.assign(h, { src: d.src, dst: d.dst, srcPort: d.srcPort, dstPort: d.dstPort });
  return h;
}
