import type { Message4, Option } from '../../protocol/index.js';

/**
 * Reading the DHCPv4 JSON form by option code and field name: lookups the
 * filters and the printer share, tolerant of raw (undecodable) options.
 */

export function field4(m: Message4, name: string): unknown {
  return (m as unknown as Record<string, unknown>)[name];
}

export function option4(m: Message4, code: number): Option | undefined {
  return m.options.find((o) => o.code === code);
}

/** Binary bytes of an option as lower-case hex: its raw bytes or its hex string value. */
export function hexOf(o: Option | undefined): string | undefined {
  if (!o) return undefined;
  if (o.raw !== undefined) return o.raw.toLowerCase();
  const v = o.value;
  if (typeof v === 'string' && /^(?:[0-9a-f]{2})*$/i.test(v)) return v.toLowerCase();
  if (typeof v === 'object' && v !== null && typeof (v as { hex?: unknown }).hex === 'string') return (v as { hex: string }).hex.toLowerCase();
  return undefined;
}

/** Option 61 decodes as hex, or as {type: 255, iaid, duid} for RFC 4361 §6.1 ids. */
interface NodeSpecific {
  type: 255;
  iaid: number;
  duid: { hex: string };
}

function nodeSpecific(o: Option | undefined): NodeSpecific | undefined {
  const v = o?.value as Partial<NodeSpecific> | undefined;
  return typeof v === 'object' && v !== null && v.type === 255 && typeof v.duid?.hex === 'string' ? (v as NodeSpecific) : undefined;
}

/** The whole client identifier (type byte included) as hex. */
export function clientIdHex(o: Option | undefined): string | undefined {
  const ns = nodeSpecific(o);
  return ns ? `ff${(ns.iaid >>> 0).toString(16).padStart(8, '0')}${ns.duid.hex}` : hexOf(o);
}

/** RFC 4361 §6.1: type 255, a 4-byte IAID, then the DUID. */
const IAID_END = 10;

/** The DUID inside an RFC 4361 client identifier, as hex. */
export function clientIdDuid(o: Option | undefined): string | undefined {
  const ns = nodeSpecific(o);
  if (ns) return ns.duid.hex;
  const h = hexOf(o);
  return h?.startsWith('ff') && h.length > IAID_END ? h.slice(IAID_END) : undefined;
}

/** A suboption of an option whose value is a suboption list, e.g. option 82. */
export function suboption(o: Option | undefined, code: number): Option | undefined {
  return Array.isArray(o?.value) ? (o.value as Option[]).find((s) => s?.code === code) : undefined;
}

/** chaddr's significant bytes (the first hlen of them) as hex. */
export function hardwareAddress(m: Message4): string | undefined {
  const chaddr = field4(m, 'chaddr');
  if (typeof chaddr !== 'string') return undefined;
  const hlen = field4(m, 'hlen');
  return typeof hlen === 'number' && hlen > 0 && hlen * 2 <= chaddr.length ? chaddr.slice(0, hlen * 2) : chaddr;
}
