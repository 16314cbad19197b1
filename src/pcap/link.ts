/**
 * Link layers: where the IP header starts in a captured frame, for the link
 * types DHCP captures come in (tcpdump.org/linktypes.html). -1: not IP.
 */

export const LINKTYPE_NULL = 0;
export const LINKTYPE_ETHERNET = 1;
/** DLT_RAW as most systems number it in the file header. */
export const LINKTYPE_RAW_ALT = 12;
export const LINKTYPE_RAW = 101;
export const LINKTYPE_LOOP = 108;
export const LINKTYPE_LINUX_SLL = 113;
export const LINKTYPE_IPV4 = 228;
export const LINKTYPE_IPV6 = 229;
export const LINKTYPE_LINUX_SLL2 = 276;

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
/** 802.1Q, 802.1ad (QinQ) and the pre-standard QinQ tag. */
const VLAN_TAGS = new Set([0x8100, 0x88a8, 0x9100]);
const MAX_VLAN_TAGS = 8;
/** AF_INET, and AF_INET6 as Linux, the BSDs and macOS number it. */
const ADDRESS_FAMILIES = new Set([2, 10, 24, 28, 30]);

function u16(d: Uint8Array, at: number): number {
  return (d[at]! << 8) | d[at + 1]!;
}

/**
 * An EtherType at `typeAt` with its payload at `payloadAt`, after any VLAN
 * tags (each a 2-byte TCI, then the next EtherType).
 */
function afterEthertype(d: Uint8Array, typeAt: number, payloadAt: number): number {
  for (let tags = 0; payloadAt <= d.length; tags++) {
    const type = u16(d, typeAt);
    if (type === ETHERTYPE_IPV4 || type === ETHERTYPE_IPV6) return payloadAt;
    if (!VLAN_TAGS.has(type) || tags === MAX_VLAN_TAGS || payloadAt + 4 > d.length) return -1;
    typeAt = payloadAt + 2;
    payloadAt += 4;
  }
  return -1;
}

/** BSD loopback: a 4-byte address family, in host order (NULL) or network order (LOOP); take either. */
function afterFamily(d: Uint8Array): number {
  if (d.length < 4) return -1;
  const be = ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0;
  const le = ((d[3]! << 24) | (d[2]! << 16) | (d[1]! << 8) | d[0]!) >>> 0;
  return ADDRESS_FAMILIES.has(be) || ADDRESS_FAMILIES.has(le) ? 4 : -1;
}

/** Offset of the IPv4 or IPv6 header in `data` captured on `linkType`, or -1. */
export function ipOffset(data: Uint8Array, linkType: number): number {
  switch (linkType) {
    case LINKTYPE_ETHERNET:
      return data.length >= 14 ? afterEthertype(data, 12, 14) : -1;
    case LINKTYPE_LINUX_SLL:
      return data.length >= 16 ? afterEthertype(data, 14, 16) : -1;
    case LINKTYPE_LINUX_SLL2:
      return data.length >= 20 ? afterEthertype(data, 0, 20) : -1;
    case LINKTYPE_RAW:
    case LINKTYPE_RAW_ALT:
    case LINKTYPE_IPV4:
    case LINKTYPE_IPV6:
      return 0;
    case LINKTYPE_NULL:
    case LINKTYPE_LOOP:
      return afterFamily(data);
    default:
      return -1;
  }
}
