import { ethernetFrame, udp4Packet } from '../../src/pcap/write.js';
import { ADDRESSES4, type Host4, type Packet4 } from './corpus4.js';

/**
 * Each corpus message as the Ethernet frame that carries it. Clients listen
 * on 68, servers and relays on 67 (RFC 2131 §4.1), so relay and server talk
 * 67 to 67; a broadcast goes to the port of the side that did not send it.
 */

const CLIENT_PORT = 68;
const SERVER_PORT = 67;
const BROADCAST_MAC = 'ffffffffffff';

const isClient = (h: Host4) => h === 'client' || h === 'new-client';
const portOf = (h: Host4) => (isClient(h) ? CLIENT_PORT : SERVER_PORT);

export function frame4(p: Packet4, payload: Uint8Array): Buffer {
  const dstPort = p.to === 'broadcast' ? (isClient(p.from) ? SERVER_PORT : CLIENT_PORT) : portOf(p.to);
  const packet = udp4Packet({ src: ADDRESSES4[p.from], dst: ADDRESSES4[p.to], srcPort: p.srcPort ?? portOf(p.from), dstPort, payload });
  return p.to === 'broadcast' ? ethernetFrame(packet, undefined, BROADCAST_MAC) : ethernetFrame(packet);
}
