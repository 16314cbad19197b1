import { findOption, type Message6, type Option, type RelayMessage6 } from '../../src/protocol/index.js';
import { ipv6ToBigInt } from '../../src/protocol/net6.js';

/**
 * What an access relay (a DSLAM or OLT port, say) adds to a client's message
 * and takes off the server's answer. Pure: the sockets live in relay.ts.
 */

export interface LineConfig {
  /** The relay's interface towards this line's CPE. */
  iface: string;
  /** The relay's global address on that link: the Relay-forw link-address (RFC 8415 §19.1.1). */
  linkAddress: string;
  /** Interface-ID option content, hex (RFC 8415 §21.18). */
  interfaceId: string;
  /** Remote-ID option (RFC 4649 §3): enterprise number and the line's id, hex. */
  remoteId: { enterprise: number; id: string };
  /** Subscriber-ID option content, hex (RFC 4580 §2). */
  subscriberId: string;
  /** The CPE's MAC, hex, for when its link-local address is not EUI-64 based. */
  mac?: string;
}

/** RFC 6939 §4 link-layer type: ARP hardware type 1, Ethernet. */
const ETHERNET = 1;

/**
 * The MAC inside a modified EUI-64 interface id (RFC 4291 appendix A): the
 * u/l bit flipped back, ff:fe taken out. A real relay reads the frame's
 * source; a UDP socket cannot, and Linux forms link-locals this way by default.
 */
export function macFromLinkLocal(address: string): string | undefined {
  const v = ipv6ToBigInt(address.split('%')[0]!);
  if (v === undefined || v >> 118n !== 0x3fan) return undefined;
  const iid = (v & ((1n << 64n) - 1n)).toString(16).padStart(16, '0');
  if (iid.slice(6, 10) !== 'fffe') return undefined;
  const first = (parseInt(iid.slice(0, 2), 16) ^ 0x02).toString(16).padStart(2, '0');
  return first + iid.slice(2, 6) + iid.slice(10);
}

/**
 * RFC 8415 §19.1.1: a Relay-forw for a message straight from a client:
 * hop-count 0, link-address on the client's link, peer-address the client's
 * source; then the line's options and the client's message in a Relay
 * Message option. The client link-layer address (RFC 6939 §4) is added only
 * here, at the first hop, as that RFC allows.
 */
export function relayForward(line: LineConfig, peer: string, msg: Message6): RelayMessage6 {
  const options: Option[] = [
    { code: 18, name: 'interface-id', value: line.interfaceId },
    { code: 37, name: 'remote-id', value: { enterprise: line.remoteId.enterprise, remoteId: line.remoteId.id } },
    { code: 38, name: 'subscriber-id', value: line.subscriberId },
  ];
  const mac = line.mac ?? macFromLinkLocal(peer);
  if (mac) options.push({ code: 79, name: 'client-linklayer-addr', value: { linkType: ETHERNET, address: mac } });
  options.push({ code: 9, name: 'relay-msg', value: msg });
  return { type: 'relay-forw', hopCount: 0, linkAddress: line.linkAddress, peerAddress: peer.split('%')[0]!, options };
}

export interface ToClient {
  /** The line the Interface-ID names. */
  line: LineConfig;
  /** Where the inner message goes: the Relay-repl's peer-address, port 546. */
  peer: string;
  msg: Message6;
}

/**
 * RFC 8415 §19.2: from a Relay-repl, the message for the client and the link
 * to send it on, found by the Interface-ID the server echoed (§21.18). A reply
 * for a line we do not have, or without a relay-msg, is dropped.
 */
export function relayReply(lines: readonly LineConfig[], m: Message6): ToClient | undefined {
  if (m.type !== 'relay-repl') return undefined;
  const r = m as RelayMessage6;
  const ifaceId = findOption(r.options, 18)?.value;
  const line = lines.find((l) => l.interfaceId === ifaceId);
  const inner = findOption(r.options, 9)?.value as Message6 | undefined;
  if (!line || !inner) return undefined;
  return { line, peer: r.peerAddress, msg: inner };
}
