import type { Message4, Message6, Option } from '../../protocol/index.js';
import type { Protocol } from './types.js';

/** One message of a packet: a relay hop, the relayed message, or a DHCPv4 message carried in DHCPv6. */
export type Visited = { protocol: 'dhcp6'; message: Message6 } | { protocol: 'dhcp4'; message: Message4 };

const RELAY_MSG = 9;
const DHCPV4_MSG = 87;
/** DHCPv6 options that carry whole messages: messagesOf follows them, eachOption does not. */
export const MESSAGE_CARRIERS_6: ReadonlySet<number> = new Set([RELAY_MSG, DHCPV4_MSG]);
const NONE: ReadonlySet<number> = new Set();
/** More than the codec's relay depth limit, so this bound never cuts a message the codec accepted. */
const MAX_MESSAGES = 64;

/** The messages of a packet, outermost first: each relay hop, the relayed message, and any DHCPv4-over-DHCPv6 message (RFC 7341). */
export function messagesOf(protocol: Protocol, message: Message6 | Message4): Visited[] {
  const out: Visited[] = [];
  let cur: Visited | undefined = protocol === 'dhcp6' ? { protocol, message: message as Message6 } : { protocol, message: message as Message4 };
  while (cur && out.length < MAX_MESSAGES) {
    out.push(cur);
    if (cur.protocol === 'dhcp4') break;
    cur = undefined;
    for (const o of out[out.length - 1]!.message.options) {
      if (o.value === undefined) continue;
      if (o.code === RELAY_MSG) cur = { protocol: 'dhcp6', message: o.value as Message6 };
      else if (o.code === DHCPV4_MSG) cur = { protocol: 'dhcp4', message: o.value as Message4 };
      if (cur) break;
    }
  }
  return out;
}

/** The options nested in an option's value: an options field, or a record or vendor value holding `options`. */
function nested(value: unknown): Option[] | undefined {
  if (Array.isArray(value)) return value.length > 0 && isOption(value[0]) ? (value as Option[]) : undefined;
  if (typeof value === 'object' && value !== null) {
    const inner = (value as { options?: unknown }).options;
    if (Array.isArray(inner)) return inner as Option[];
  }
  return undefined;
}

function isOption(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as Option).code === 'number';
}

/**
 * Whether `pred` holds for any option in `options` or nested inside them
 * (IA_NA → IAADDR → status code, client-data, vendor options...): depth
 * first, stopping at the first hit, with an explicit stack instead of recursion.
 */
export function someOption(options: readonly Option[], pred: (o: Option) => boolean, noDescend: ReadonlySet<number> = NONE): boolean {
  const stack: (readonly Option[])[] = [options];
  while (stack.length > 0) {
    for (const o of stack.pop()!) {
      if (pred(o)) return true;
      const inner = noDescend.has(o.code) ? undefined : nested(o.value);
      if (inner) stack.push(inner);
    }
  }
  return false;
}

/** someOption over one message, leaving message carriers to messagesOf. */
export function someOptionOf(v: Visited, pred: (o: Option) => boolean): boolean {
  return someOption(v.message.options, pred, v.protocol === 'dhcp6' ? MESSAGE_CARRIERS_6 : NONE);
}
