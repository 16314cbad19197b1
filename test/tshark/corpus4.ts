import type { Message4 } from '../../src/protocol/index.js';
import { CLIENT_IP, RELAY_IP, SERVER_IP } from './build4.js';
import * as m from './messages4.js';
import * as r from './relayed4.js';
import * as f from './framing4.js';

/**
 * The DHCPv4 messages tshark dissects: together they use every option in
 * DHCP4_OPTIONS and AGENT_SUBOPTIONS and every message type (1..18), each
 * sent between the hosts that would send it.
 */

export type Host4 = 'new-client' | 'client' | 'server' | 'relay' | 'broadcast';

export interface Packet4 {
  name: string;
  from: Host4;
  to: Host4;
  message: Message4;
  /** The sender's UDP port when it is not the usual one (a relay using RFC 8357). */
  srcPort?: number;
}

export const ADDRESSES4: Record<Host4, string> = {
  'new-client': '0.0.0.0',
  client: CLIENT_IP,
  server: SERVER_IP,
  relay: RELAY_IP,
  broadcast: '255.255.255.255',
};

export const CORPUS4: readonly Packet4[] = [
  // dhclient and udhcpc pad their requests to BOOTP's 300 bytes
  { name: 'discover', from: 'new-client', to: 'broadcast', message: { ...m.discover, padding: 40 } },
  { name: 'offer', from: 'server', to: 'broadcast', message: m.offer },
  { name: 'request', from: 'new-client', to: 'broadcast', message: m.request },
  { name: 'ack with RFC 2132 host options', from: 'server', to: 'client', message: m.ack },
  { name: 'nak', from: 'server', to: 'broadcast', message: m.nak },
  { name: 'decline', from: 'new-client', to: 'broadcast', message: m.decline },
  { name: 'release', from: 'client', to: 'server', message: m.release },
  { name: 'inform', from: 'client', to: 'server', message: m.inform },
  { name: 'ack to inform, service options', from: 'server', to: 'client', message: m.informAck },
  { name: 'ack with CPE options', from: 'server', to: 'client', message: m.cpeAck },
  { name: 'PXE discover', from: 'new-client', to: 'broadcast', message: m.pxeDiscover },
  { name: 'PXE offer', from: 'server', to: 'broadcast', message: m.pxeOffer },
  { name: 'ack with reconfigure key', from: 'server', to: 'client', message: m.renewAck },
  { name: 'forcerenew', from: 'server', to: 'client', message: m.forcerenew },
  { name: 'relayed discover, access node suboptions', from: 'relay', to: 'server', message: r.relayedDiscover },
  { name: 'relayed offer', from: 'server', to: 'relay', message: r.relayedOffer },
  { name: 'relayed request, Wi-Fi suboptions', from: 'relay', to: 'server', message: r.wifiRequest, srcPort: 6767 },
  { name: 'leasequery', from: 'relay', to: 'server', message: r.leasequery },
  { name: 'leaseactive', from: 'server', to: 'relay', message: r.leaseActive },
  { name: 'leaseunassigned', from: 'server', to: 'relay', message: r.leaseUnassigned },
  { name: 'leaseunknown', from: 'server', to: 'relay', message: r.leaseUnknown },
  { name: 'bulk leasequery', from: 'relay', to: 'server', message: r.bulkLeasequery },
  { name: 'bulk leasequery reply', from: 'server', to: 'relay', message: r.bulkLeaseActive },
  { name: 'leasequerydone', from: 'server', to: 'relay', message: r.leasequeryDone },
  { name: 'active leasequery', from: 'relay', to: 'server', message: r.activeLeasequery },
  { name: 'leasequerystatus', from: 'server', to: 'relay', message: r.leasequeryStatus },
  { name: 'tls', from: 'relay', to: 'server', message: r.startTls },
  { name: 'BOOTP request', from: 'new-client', to: 'broadcast', message: f.bootpRequest },
  { name: 'BOOTP reply', from: 'server', to: 'broadcast', message: f.bootpReply },
  { name: 'ack overloading file and sname', from: 'server', to: 'client', message: f.overloadedAck },
  { name: 'ack with a long option', from: 'server', to: 'client', message: f.longOptionAck },
  { name: 'InfiniBand discover', from: 'new-client', to: 'broadcast', message: f.infinibandDiscover },
];
