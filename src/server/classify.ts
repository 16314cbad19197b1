import { findOption, type ClientServerMessage6, type Duid, type Option } from '../protocol/index.js';
import { ipv6ToBigInt, prefixContains } from '../protocol/net6.js';
import type { ServerModel, SubnetModel } from './model.js';
import type { DropReason, Transaction6 } from './types.js';

/** Thrown while serving to end a transaction without a reply; caught and counted by reason. */
export class Drop {
  constructor(readonly reason: DropReason) {}
}

/** RFC 8415 §16: which messages a server must silently discard. */
export function validate(type: string, clientId: Option | undefined, serverId: Option | undefined, ours: string, msg: ClientServerMessage6): void {
  const idMatches = serverId !== undefined && (serverId.value as Duid).hex === ours;
  switch (type) {
    case 'solicit': // §16.2
    case 'confirm': // §16.5
    case 'rebind': // §16.7
      if (!clientId) throw new Drop('missing-client-id');
      if (serverId) throw new Drop('unexpected-server-id');
      return;
    case 'request': // §16.4
    case 'renew': // §16.6
    case 'release': // §16.9
    case 'decline': // §16.8
      if (!serverId) throw new Drop('missing-server-id');
      if (!idMatches) throw new Drop('server-id-mismatch');
      if (!clientId) throw new Drop('missing-client-id');
      return;
    case 'information-request': // §16.12
      if (serverId && !idMatches) throw new Drop('server-id-mismatch');
      if (msg.options.some((o) => o.code === 3 || o.code === 4 || o.code === 25)) throw new Drop('ia-in-information-request');
      return;
  }
}

/** The client's link-layer address: from the innermost relay (RFC 6939) or its DUID-LL/LLT. */
export function hwaddrOf(duid: Duid | undefined, relays: readonly { options: Option[] }[]): string | undefined {
  const inner = relays[relays.length - 1];
  const ll = inner && findOption(inner.options, 79);
  if (ll?.value) return (ll.value as { address: string }).address;
  if (duid && (duid.type === 'LL' || duid.type === 'LLT')) return duid.lladdr;
  return undefined;
}

/**
 * RFC 8415 §13.1: the link a client is on is the innermost relay's
 * link-address when relayed (a configured relay address first, as in Kea),
 * else the interface the message arrived on.
 */
export function selectSubnet(model: ServerModel, tx: Transaction6): SubnetModel | undefined {
  const inner = tx.relays[tx.relays.length - 1];
  if (inner) {
    const link = inner.linkAddress;
    const byRelay = model.subnets.find((s) => s.relayAddresses.has(link));
    if (byRelay) return byRelay;
    const v = ipv6ToBigInt(link);
    // A link-local or unspecified link-address names no subnet: fall back to the interface the
    // message arrived on, as Kea does (perfdhcp -A 1 relays this way).
    const global = v !== undefined && v !== 0n && v >> 118n !== 0x3fan;
    if (global) return model.subnets.find((s) => prefixContains(s.prefix, v));
  }
  return model.subnets.find((s) => s.iface !== undefined && s.iface === tx.inbound.iface);
}
