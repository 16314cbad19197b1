import { isRelay, type Message6, type Option, type RelayMessage6 } from '../../protocol/index.js';
import type { PipelineRequest, RequestIds } from '../types.js';

/** Hand-built requests for tests, in the codec's JSON form. */

export interface HopSpec {
  linkAddress?: string;
  peerAddress?: string;
  hopCount?: number;
  interfaceId?: string;
  remoteId?: { enterprise: number; remoteId: string };
  subscriberId?: string;
  linklayer?: { linkType: number; address: string };
  options?: Option[];
}

export function hop(h: HopSpec): RelayMessage6 {
  const options: Option[] = [];
  if (h.interfaceId !== undefined) options.push({ code: 18, name: 'interface-id', value: h.interfaceId });
  if (h.remoteId) options.push({ code: 37, name: 'remote-id', value: h.remoteId });
  if (h.subscriberId !== undefined) options.push({ code: 38, name: 'subscriber-id', value: h.subscriberId });
  if (h.linklayer) options.push({ code: 79, name: 'client-linklayer-addr', value: h.linklayer });
  options.push(...(h.options ?? []));
  return { type: 'relay-forw', hopCount: h.hopCount ?? 0, linkAddress: h.linkAddress ?? '::', peerAddress: h.peerAddress ?? 'fe80::1', options };
}

export interface RequestSpec {
  type?: string;
  xid?: number;
  options?: Option[];
  relays?: RelayMessage6[];
  ids?: Partial<RequestIds>;
  iface?: string;
  source?: string;
  subnetId?: number;
  elapsedSeconds?: number;
}

export function request(r: RequestSpec = {}): PipelineRequest {
  const type = r.type ?? 'solicit';
  return {
    type,
    msg: { type, xid: r.xid ?? 0x123456, options: r.options ?? [] },
    relays: r.relays ?? [],
    ids: { duid: '000300010a0b0c0d0e0f', ...r.ids },
    iface: r.iface,
    source: r.source ?? 'fe80::1',
    subnetId: r.subnetId,
    elapsedSeconds: r.elapsedSeconds ?? 0,
  };
}

/** A decoded message (maybe relayed) as a request: relays outermost first, as the server builds it. */
export function fromMessage(m: Message6, rest: Omit<RequestSpec, 'type' | 'xid' | 'options' | 'relays'> = {}): PipelineRequest {
  const relays: RelayMessage6[] = [];
  let cur: Message6 = m;
  while (isRelay(cur)) {
    relays.push(cur);
    const inner = cur.options.find((o) => o.code === 9)?.value;
    if (inner === undefined) throw new Error('relay without relay-msg');
    cur = inner as Message6;
  }
  if (!('xid' in cur)) throw new Error('not a client/server message');
  return request({ ...rest, type: String(cur.type), xid: cur.xid, options: cur.options, relays });
}
