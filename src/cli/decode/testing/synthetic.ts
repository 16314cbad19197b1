import { Codec, type Message6 } from '../../../protocol/index.js';
import { relayedReply, relayedSolicit } from '../../../protocol/testing/samples.js';
import { ethernetFrame, pcapFile, udp6Packet, LINKTYPE_ETHERNET } from '../../../pcap/write.js';

/**
 * A synthetic DHCPv6 capture for tests and benchmarks: relayed Solicit /
 * Reply pairs over Ethernet, each pair from its own client (DUID-LLT whose
 * link-layer address counts up from 00:0c:00:00:00:00).
 */
export function syntheticCapture(packets: number, startMs = Date.UTC(2024, 4, 1)): Buffer {
  const codec = new Codec();
  const records = [];
  for (let i = 0; i < packets; i++) {
    const client = Math.floor(i / 2);
    const reply = i % 2 === 1;
    const m = withClient(reply ? relayedReply() : relayedSolicit(), clientMac(client), client & 0xffffff);
    const udp = reply
      ? { src: '2001:db8::547', dst: '2001:db8:1::1', srcPort: 547, dstPort: 547 }
      : { src: '2001:db8:1::1', dst: '2001:db8::547', srcPort: 547, dstPort: 547 };
    records.push({ data: ethernetFrame(udp6Packet({ ...udp, payload: codec.encode6(m) })), timeMs: startMs + i });
  }
  return pcapFile(LINKTYPE_ETHERNET, records);
}

export function clientMac(client: number): string {
  return `000c${client.toString(16).padStart(8, '0')}`;
}

/** The DUID-LLT hex of a synthetic client, as --duid takes it. */
export function clientDuid(client: number): string {
  return `000100012db8a580${clientMac(client)}`;
}

/** Put the client's DUID and xid into the relayed message. */
function withClient(m: Message6, mac: string, xid: number): Message6 {
  const inner = m.options.find((o) => o.code === 9)!.value as { xid: number; options: { code: number; value?: unknown }[] };
  inner.xid = xid;
  const clientId = inner.options.find((o) => o.code === 1)!;
  clientId.value = { hex: `000100012db8a580${mac}` };
  return m;
}
