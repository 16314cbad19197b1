import type { ClientServerMessage6, Message6, Option, RelayMessage6 } from '../protocol/index.js';
import { findOption } from '../protocol/index.js';

/**
 * Relay chains (RFC 8415 §9, §19). A request is peeled to the client's
 * message, keeping each Relay-forw outermost first; the reply is wrapped
 * back hop by hop, each Relay-repl echoing its hop's addresses and its
 * Interface-ID option (§19.3, §21.18).
 */

export interface Unwrapped {
  relays: RelayMessage6[];
  msg: ClientServerMessage6;
}

/** undefined when a Relay-forw has no relay-msg or the inner message is not a client message. */
export function unwrap(m: Message6): Unwrapped | undefined {
  const relays: RelayMessage6[] = [];
  let cur: Message6 = m;
  // The codec bounds nesting at 32, so this loop is bounded too.
  while (cur.type === 'relay-forw') {
    const r = cur as RelayMessage6;
    relays.push(r);
    const inner = findOption(r.options, 9);
    if (!inner || inner.value === undefined) return undefined;
    cur = inner.value as Message6;
  }
  if (cur.type === 'relay-repl' || cur.type === 'dhcpv4-query' || cur.type === 'dhcpv4-response') return undefined;
  return { relays, msg: cur as ClientServerMessage6 };
}

export function wrap(relays: readonly RelayMessage6[], reply: ClientServerMessage6): Message6 {
  let out: Message6 = reply;
  for (let i = relays.length - 1; i >= 0; i--) {
    const r = relays[i]!;
    const options: Option[] = [];
    const ifaceId = findOption(r.options, 18);
    if (ifaceId) options.push(ifaceId);
    options.push({ code: 9, name: 'relay-msg', value: out });
    out = { type: 'relay-repl', hopCount: r.hopCount, linkAddress: r.linkAddress, peerAddress: r.peerAddress, options };
  }
  return out;
}
