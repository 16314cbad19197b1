/**
 * Frame builders for tests, on top of write.ts: link-layer headers the writer
 * does not make, and surgery on IP headers (extension headers, options, fragments).
 */

/** Linux cooked capture v1 (LINKTYPE_LINUX_SLL): 16 bytes, EtherType last. */
export function sll(ip: Uint8Array, ethertype = ip[0]! >> 4 === 6 ? 0x86dd : 0x0800): Buffer {
  const h = Buffer.alloc(16);
  h.writeUInt16BE(0, 0); // packet type: to us
  h.writeUInt16BE(1, 2); // ARPHRD_ETHER
  h.writeUInt16BE(6, 4);
  h.writeUInt16BE(ethertype, 14);
  return Buffer.concat([h, ip]);
}

/** Linux cooked capture v2 (LINKTYPE_LINUX_SLL2): 20 bytes, EtherType first. */
export function sll2(ip: Uint8Array, ethertype = ip[0]! >> 4 === 6 ? 0x86dd : 0x0800): Buffer {
  const h = Buffer.alloc(20);
  h.writeUInt16BE(ethertype, 0);
  h.writeUInt32BE(2, 4); // interface index
  h.writeUInt16BE(1, 8); // ARPHRD_ETHER
  h[11] = 6;
  return Buffer.concat([h, ip]);
}

/** BSD loopback: the address family as a 4-byte word in the given byte order. */
export function loopback(ip: Uint8Array, family: number, littleEndian: boolean): Buffer {
  const h = Buffer.alloc(4);
  if (littleEndian) h.writeUInt32LE(family, 0);
  else h.writeUInt32BE(family, 0);
  return Buffer.concat([h, ip]);
}

/** Insert VLAN tags (TPID, TCI pairs) after the MAC addresses of an Ethernet frame. */
export function vlan(frame: Uint8Array, ...tpids: number[]): Buffer {
  const tags = Buffer.alloc(4 * tpids.length);
  tpids.forEach((t, i) => {
    tags.writeUInt16BE(t, 4 * i);
    tags.writeUInt16BE(100 + i, 4 * i + 2);
  });
  return Buffer.concat([frame.subarray(0, 12), tags, frame.subarray(12)]);
}

/**
 * Put IPv6 extension headers between the fixed header and the UDP header.
 * Each is [type, body]: the body is a multiple of 8 bytes minus 2 (a fragment
 * header's length byte is reserved; AH counts 4-byte words, minus 2).
 */
export function withExtensions6(pkt: Uint8Array, ...headers: [number, Uint8Array][]): Buffer {
  const parts: Buffer[] = [];
  let next = pkt[6]!;
  for (let i = headers.length - 1; i >= 0; i--) {
    const [type, body] = headers[i]!;
    const h = Buffer.alloc(2 + body.length);
    h[0] = next;
    h[1] = type === 44 ? 0 : type === 51 ? (h.length >> 2) - 2 : (h.length >> 3) - 1;
    h.set(body, 2);
    parts.unshift(h);
    next = type;
  }
  const fixed = Buffer.from(pkt.subarray(0, 40));
  fixed[6] = next;
  const ext = Buffer.concat(parts);
  fixed.writeUInt16BE(fixed.readUInt16BE(4) + ext.length, 4);
  return Buffer.concat([fixed, ext, pkt.subarray(40)]);
}

/** Add `words` 4-byte words of IPv4 options (NOPs), raising the IHL. */
export function withOptions4(pkt: Uint8Array, words: number): Buffer {
  const head = Buffer.from(pkt.subarray(0, 20));
  head[0] = 0x40 | (5 + words);
  head.writeUInt16BE(head.readUInt16BE(2) + 4 * words, 2);
  return Buffer.concat([head, Buffer.alloc(4 * words, 1), pkt.subarray(20)]);
}
