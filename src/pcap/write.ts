import { parseIpv4Into, parseIpv6Into } from '../protocol/address.js';

/**
 * A pure pcap writer: the classic libpcap format (microsecond timestamps,
 * big-endian here so a hex dump reads naturally) and helpers that wrap a UDP
 * payload in IPv6 or IPv4 and Ethernet, with lengths and checksums right so
 * decoders that validate them stay quiet.
 */

export const LINKTYPE_ETHERNET = 1;
/** Raw IP: each record starts with an IPv4 or IPv6 header. */
export const LINKTYPE_RAW = 101;

const PCAP_MAGIC = 0xa1b2c3d4;
const SNAPLEN = 65535;
const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const IPPROTO_UDP = 17;
const UDP_HEADER = 8;

export interface PcapRecord {
  /** Frame bytes, starting at the link layer the file's link type names. */
  data: Uint8Array;
  /** Capture time in milliseconds since the epoch. */
  timeMs: number;
}

/** A whole pcap file: the 24-byte global header, then one 16-byte header + frame per record. */
export function pcapFile(linkType: number, records: readonly PcapRecord[]): Buffer {
  let size = 24;
  for (const r of records) size += 16 + r.data.length;
  const out = Buffer.alloc(size);
  out.writeUInt32BE(PCAP_MAGIC, 0);
  out.writeUInt16BE(2, 4); // version 2.4
  out.writeUInt16BE(4, 6);
  // thiszone and sigfigs stay 0
  out.writeUInt32BE(SNAPLEN, 16);
  out.writeUInt32BE(linkType, 20);
  let at = 24;
  for (const r of records) {
    const ms = Math.floor(r.timeMs);
    out.writeUInt32BE(Math.floor(ms / 1000), at);
    out.writeUInt32BE((ms % 1000) * 1000, at + 4);
    out.writeUInt32BE(r.data.length, at + 8); // captured length
    out.writeUInt32BE(r.data.length, at + 12); // original length: never truncated
    out.set(r.data, at + 16);
    at += 16 + r.data.length;
  }
  return out;
}

/** One UDP datagram: addresses (both IPv6 or both IPv4), ports, payload. */
export interface Datagram {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  payload: Uint8Array;
}

function address(text: string, family: 4 | 6): Uint8Array {
  const b = new Uint8Array(family === 6 ? 16 : 4);
  const ok = family === 6 ? parseIpv6Into(text, b) : parseIpv4Into(text, b);
  if (!ok) throw new Error(`not an IPv${family} address: "${text}"`);
  return b;
}

/** RFC 1071 one's-complement sum of `b`, folded to 16 bits, starting from `sum`. */
function onesSum(b: Uint8Array, sum = 0): number {
  for (let i = 0; i + 1 < b.length; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  if (b.length & 1) sum += b[b.length - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

/**
 * UDP header + payload with its checksum over the pseudo-header
 * (RFC 8200 §8.1 for IPv6, RFC 768 for IPv4).
 */
function udp(src: Uint8Array, dst: Uint8Array, d: Datagram): Buffer {
  const len = UDP_HEADER + d.payload.length;
  if (len > 0xffff) throw new Error(`UDP datagram of ${len} bytes is too long`);
  const seg = Buffer.alloc(len);
  seg.writeUInt16BE(d.srcPort, 0);
  seg.writeUInt16BE(d.dstPort, 2);
  seg.writeUInt16BE(len, 4);
  seg.set(d.payload, UDP_HEADER);
  const pseudo = Buffer.alloc(src.length === 16 ? 40 : 12);
  pseudo.set(src, 0);
  pseudo.set(dst, src.length);
  if (src.length === 16) {
    pseudo.writeUInt32BE(len, 32);
    pseudo[39] = IPPROTO_UDP;
  } else {
    pseudo[9] = IPPROTO_UDP;
    pseudo.writeUInt16BE(len, 10);
  }
  const sum = ~onesSum(seg, onesSum(pseudo)) & 0xffff;
  seg.writeUInt16BE(sum === 0 ? 0xffff : sum, 6); // 0 would mean "no checksum" (RFC 768)
  return seg;
}

/** An IPv6 packet (RFC 8200 §3) carrying the datagram. */
export function udp6Packet(d: Datagram, hopLimit = 64): Buffer {
  const src = address(d.src, 6);
  const dst = address(d.dst, 6);
  const seg = udp(src, dst, d);
  const out = Buffer.alloc(40 + seg.length);
  out.writeUInt32BE(0x60000000, 0); // version 6, traffic class 0, flow label 0
  out.writeUInt16BE(seg.length, 4);
  out[6] = IPPROTO_UDP;
  out[7] = hopLimit;
  out.set(src, 8);
  out.set(dst, 24);
  out.set(seg, 40);
  return out;
}

/** An IPv4 packet (RFC 791) carrying the datagram, header checksum filled in. */
export function udp4Packet(d: Datagram, ttl = 64): Buffer {
  const src = address(d.src, 4);
  const dst = address(d.dst, 4);
  const seg = udp(src, dst, d);
  const out = Buffer.alloc(20 + seg.length);
  out[0] = 0x45; // version 4, 5-word header
  out.writeUInt16BE(out.length, 2);
  out[8] = ttl;
  out[9] = IPPROTO_UDP;
  out.set(src, 12);
  out.set(dst, 16);
  out.writeUInt16BE(~onesSum(out.subarray(0, 20)) & 0xffff, 10);
  out.set(seg, 20);
  return out;
}

/** MACs from the documentation range 00-00-5E-00-53-xx (RFC 7042 §2.1.2). */
export const DOC_MAC_A = '00005e005301';
export const DOC_MAC_B = '00005e005302';

/** An Ethernet II frame around an IPv4 or IPv6 packet (the version nibble picks the EtherType). */
export function ethernetFrame(packet: Uint8Array, srcMac = DOC_MAC_A, dstMac = DOC_MAC_B): Buffer {
  const mac = (h: string) => {
    if (!/^[0-9a-f]{12}$/i.test(h)) throw new Error(`not a MAC address (12 hex digits): "${h}"`);
    return Buffer.from(h, 'hex');
  };
  const out = Buffer.alloc(14 + packet.length);
  out.set(mac(dstMac), 0);
  out.set(mac(srcMac), 6);
  out.writeUInt16BE(packet[0]! >> 4 === 6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4, 12);
  out.set(packet, 14);
  return out;
}
