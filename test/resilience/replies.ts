import { Codec, DecodeError, type Duid, type Message6, type Option } from '../../src/protocol/index.js';
import { readCapture } from '../../src/pcap/read.js';
import { udpDatagram } from '../../src/pcap/udp.js';
import type { LeaseType6 } from '../../src/store/types.js';

/** One address or prefix a Reply told a client it holds. */
export interface Grant {
  duid: string;
  type: LeaseType6;
  /** Address, or prefix/len: the form the lease store uses. */
  resource: string;
  /** Capture time, ms since the epoch. */
  at: number;
}

export interface CapturedReplies {
  replies: number;
  grants: Grant[];
  /** Server-to-client datagrams that did not decode: our own encoder's output, so there should be none. */
  undecodable: number;
}

/**
 * Every grant in the Replies (server port 547 → client port 546) of a
 * capture: each IAADDR / IAPREFIX with a non-zero valid lifetime in an
 * IA_NA / IA_PD, paired with the Reply's Client Identifier. Advertises
 * promise nothing (RFC 8415 §18.3.1), so only Replies count.
 */
export function grantsInCapture(pcap: Uint8Array): CapturedReplies {
  const codec = new Codec();
  const out: CapturedReplies = { replies: 0, grants: [], undecodable: 0 };
  // tcpdump stopped by a signal may leave half a record at the end: ignore it.
  for (const pkt of readCapture(pcap, { onProblem: () => {} })) {
    const udp = udpDatagram(pkt);
    if (!udp || udp.srcPort !== 547 || udp.dstPort !== 546) continue;
    const m = codec.decode6(udp.payload);
    if (m instanceof DecodeError) {
      out.undecodable++;
      continue;
    }
    if (m.type !== 'reply') continue;
    out.replies++;
    out.grants.push(...grantsIn(m, Number((pkt.timestampNs ?? 0n) / 1_000_000n)));
  }
  return out;
}

function grantsIn(m: Message6, at: number): Grant[] {
  const duid = (m.options.find((o) => o.code === 1)?.value as Duid | undefined)?.hex;
  if (!duid) return [];
  const grants: Grant[] = [];
  for (const ia of m.options) {
    const type: LeaseType6 | undefined = ia.code === 3 ? 'na' : ia.code === 25 ? 'pd' : undefined;
    if (!type) continue;
    for (const o of (ia.value as { options?: Option[] } | undefined)?.options ?? []) {
      const v = o.value as { address?: string; prefix?: string; validLifetime?: number } | undefined;
      const resource = o.code === 5 ? v?.address : o.code === 26 ? v?.prefix : undefined;
      if (resource && v?.validLifetime) grants.push({ duid, type, resource, at });
    }
  }
  return grants;
}
