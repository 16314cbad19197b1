/**
 * IPv4 (RFC 791) and IPv6 (RFC 8200) headers down to a UDP header (RFC 768).
 * Only what a DHCP capture needs: no reassembly, so fragments after the first
 * are skipped; a first fragment yields the bytes it has.
 */

export interface UdpLocation {
  family: 4 | 6;
  /** Where the IP header, and in it the addresses, start. */
  ipOffset: number;
  srcPort: number;
  dstPort: number;
  payloadOffset: number;
  /** Bounded by the UDP length, the IP length and the captured bytes. */
  payloadEnd: number;
}

const UDP = 17;
const HOP_BY_HOP = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const AUTH = 51;
const DEST_OPTIONS = 60;
const MAX_EXTENSION_HEADERS = 16;

function u16(d: Uint8Array, at: number): number {
  return (d[at]! << 8) | d[at + 1]!;
}

/** The UDP datagram in the IP packet at `off`, or undefined if there is none to read. */
export function locateUdpIn(d: Uint8Array, off: number): UdpLocation | undefined {
  if (off < 0 || off >= d.length) return undefined;
  const version = d[off]! >> 4;
  if (version === 4) return ipv4(d, off);
  if (version === 6) return ipv6(d, off);
  return undefined;
}

function ipv4(d: Uint8Array, off: number): UdpLocation | undefined {
  if (d.length - off < 20) return undefined;
  const headerLen = (d[off]! & 0x0f) * 4;
  const totalLen = u16(d, off + 2);
  if (headerLen < 20 || d[off + 9] !== UDP || (u16(d, off + 6) & 0x1fff) !== 0) return undefined;
  // A total length of 0 shows up with segmentation offload; trust the captured bytes then.
  if (totalLen !== 0 && totalLen < headerLen) return undefined;
  const end = totalLen === 0 ? d.length : Math.min(off + totalLen, d.length);
  return udp(d, 4, off, off + headerLen, end);
}

function ipv6(d: Uint8Array, off: number): UdpLocation | undefined {
  if (d.length - off < 40) return undefined;
  const payloadLen = u16(d, off + 4);
  // A payload length of 0 means a jumbogram (RFC 2675): the captured bytes bound it.
  const end = payloadLen === 0 ? d.length : Math.min(off + 40 + payloadLen, d.length);
  let next = d[off + 6]!;
  let p = off + 40;
  for (let i = 0; i < MAX_EXTENSION_HEADERS; i++) {
    if (next === UDP) return udp(d, 6, off, p, end);
    if (p + 8 > end) return undefined;
    if (next === HOP_BY_HOP || next === ROUTING || next === DEST_OPTIONS) {
      next = d[p]!;
      p += (d[p + 1]! + 1) * 8;
    } else if (next === FRAGMENT) {
      if (u16(d, p + 2) >> 3 !== 0) return undefined; // not the first fragment: no UDP header here
      next = d[p]!;
      p += 8;
    } else if (next === AUTH) {
      next = d[p]!;
      p += (d[p + 1]! + 2) * 4;
    } else return undefined;
  }
  return undefined;
}

function udp(d: Uint8Array, family: 4 | 6, ipOffset: number, p: number, end: number): UdpLocation | undefined {
  if (p + 8 > end) return undefined;
  const len = u16(d, p + 4);
  if (len !== 0 && len < 8) return undefined;
  return {
    family,
    ipOffset,
    srcPort: u16(d, p),
    dstPort: u16(d, p + 2),
    payloadOffset: p + 8,
    // A UDP length of 0 is legal only in a jumbogram (RFC 2675 §4).
    payloadEnd: len === 0 ? end : Math.min(p + len, end),
  };
}
