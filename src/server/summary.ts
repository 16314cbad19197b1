import type { ClientServerMessage6, Message6, Option, RelayMessage6 } from '../protocol/index.js';
import type { RequestIds } from '../pipeline/types.js';
import type { DropReason, Inbound6, Transaction6 } from './types.js';

/** One transaction, for the log line, the event stream, metrics and the looking glass. */
export interface TransactionSummary {
  /** Unix milliseconds when serving began. */
  at: number;
  type: string;
  reply?: string;
  duid?: string;
  xid?: number;
  via: string;
  subnet?: number;
  /** Addresses and prefixes in the reply with a non-zero valid lifetime. */
  granted: string[];
  /** Status codes in the reply, top level and per IA. */
  status: string[];
  drop?: DropReason;
  micros: number;
  /** The request as received and the response as sent, relays included, in the codec's JSON form. */
  request?: Message6;
  response?: Message6;
  /** The same on the wire: a compact form to keep (the looking glass decodes it when asked). */
  requestData: Buffer;
  responseData?: Buffer;
  /** The pipeline's identifiers when it ran; else derive them from `relays` when needed (not on the packet path). */
  ids?: RequestIds;
  /** Relay hops of the request, outermost first. */
  relays?: readonly RelayMessage6[];
  hwaddr?: string;
  source: string;
  iface?: string;
}

/** What the log line, the event stream, metrics and the looking glass learn of one transaction. */
export function summarise(started: bigint, pkt: Inbound6, tx: Transaction6 | undefined, reply: ClientServerMessage6 | undefined, wrapped: Message6 | undefined, drop: DropReason | undefined, out?: Buffer): TransactionSummary {
  const granted: string[] = [];
  const status: string[] = [];
  const visit = (options: Option[], depth: number): void => {
    for (const o of options) {
      const v = o.value as { address?: string; prefix?: string; validLifetime?: number; status?: string; options?: Option[] } | undefined;
      if (!v || typeof v !== 'object') continue;
      if ((o.code === 5 || o.code === 26) && v.validLifetime) granted.push((v.address ?? v.prefix)!);
      if (o.code === 13 && v.status) status.push(v.status);
      if (depth < 2 && Array.isArray(v.options)) visit(v.options, depth + 1);
    }
  };
  if (reply) visit(reply.options, 0);
  const micros = Number(process.hrtime.bigint() - started) / 1000;
  return {
    at: Date.now() - Math.round(micros / 1000),
    type: tx?.type ?? 'unknown',
    reply: reply?.type as string | undefined,
    duid: tx?.duid || undefined,
    xid: tx?.msg.xid,
    via: tx?.relays.length ? `relay ${tx.relays[tx.relays.length - 1]!.linkAddress}` : (pkt.iface ?? pkt.source),
    subnet: tx?.subnet?.id,
    granted,
    status,
    drop,
    micros,
    request: tx?.request,
    response: wrapped,
    requestData: pkt.data,
    responseData: out,
    ids: tx?.ctx?.request.ids,
    relays: tx?.relays,
    hwaddr: tx?.hwaddr,
    source: pkt.source,
    iface: pkt.iface,
  };
}
