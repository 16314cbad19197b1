import { parseIpv6Into, type Message4, type Message6, type Option } from '../../protocol/index.js';
import { prefixContains, type Prefix } from './args.js';
import { type4, typeChain6 } from './peek.js';
import { typeCode4, typeCode6, type Protocol, type TypeSet } from './types.js';
import { clientIdDuid, clientIdHex, field4, hardwareAddress, hexOf, option4, suboption } from './v4.js';
import { messagesOf, someOptionOf, type Visited } from './walk.js';

/**
 * `fulmar decode` filters. Each criterion matches if any of its values does,
 * in any message of the packet (relay hops, the relayed message, DHCPv4 in
 * DHCPv6); all given criteria must match. Values arrive canonical (args.ts).
 */
export interface FilterSpec {
  types?: TypeSet;
  /** DUID hex: DHCPv6 client or server id, or the DUID in a DHCPv4 client id (RFC 4361). */
  duids?: readonly string[];
  /** DHCPv4 client identifier (option 61) hex. */
  clientIds?: readonly string[];
  /** chaddr; DUID-LL/LLT link-layer address; client link-layer address (RFC 6939). */
  macs?: readonly string[];
  /** DHCPv6 remote-id (RFC 4649) remoteId; DHCPv4 relay agent remote-id (RFC 3046 sub 2). */
  remoteIds?: readonly string[];
  /** DHCPv6 interface-id; DHCPv4 relay agent circuit-id (RFC 3046 sub 1). */
  interfaceIds?: readonly string[];
  /** RFC 5952 IPv6 or dotted-quad IPv4: IAADDR; ciaddr, yiaddr, requested address. */
  addresses?: readonly string[];
  /** IAPREFIX prefixes equal to or inside one of these. */
  prefixes?: readonly Prefix[];
}

export interface Filter {
  /** False when no filter was given: everything matches. */
  readonly active: boolean;
  /** False only when the bytes show the packet cannot match, so decoding can be skipped. */
  mayMatch(protocol: Protocol, payload: Uint8Array): boolean;
  matches(protocol: Protocol, message: Message6 | Message4): boolean;
  /** A packet that does not decode can still match --type, by its type byte; any other criterion excludes it. */
  matchesUndecodable(protocol: Protocol, payload: Uint8Array): boolean;
}

interface Criterion {
  /** Byte strings of which a matching payload holds at least one; empty when the criterion cannot tell. */
  needles: Buffer[];
  /** What the bytes say (true, false, or undefined: cannot tell), for --type. */
  peek?: (protocol: Protocol, payload: Uint8Array) => boolean | undefined;
  test(v: Visited): boolean;
}

export function compileFilter(spec: FilterSpec): Filter {
  const criteria: Criterion[] = [];
  if (spec.types) criteria.push(typeCriterion(spec.types));
  if (spec.duids?.length) criteria.push(duidCriterion(new Set(spec.duids)));
  if (spec.clientIds?.length) criteria.push(clientIdCriterion(new Set(spec.clientIds)));
  if (spec.macs?.length) criteria.push(macCriterion(new Set(spec.macs)));
  if (spec.remoteIds?.length) criteria.push(remoteIdCriterion(new Set(spec.remoteIds)));
  if (spec.interfaceIds?.length) criteria.push(interfaceIdCriterion(new Set(spec.interfaceIds)));
  if (spec.addresses?.length) criteria.push(addressCriterion(new Set(spec.addresses)));
  if (spec.prefixes?.length) criteria.push(prefixCriterion(spec.prefixes));
  return {
    active: criteria.length > 0,
    mayMatch(protocol, payload) {
      const b = asBuffer(payload);
      return criteria.every((c) => c.peek?.(protocol, b) !== false && (c.needles.length === 0 || c.needles.some((n) => b.includes(n))));
    },
    matches(protocol, message) {
      const visited = messagesOf(protocol, message);
      return criteria.every((c) => visited.some((v) => c.test(v)));
    },
    matchesUndecodable(protocol, payload) {
      return criteria.every((c) => c.peek?.(protocol, payload) === true);
    },
  };
}

function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

function hexNeedles(values: Iterable<string>): Buffer[] {
  return [...values].map((h) => Buffer.from(h, 'hex'));
}

const DHCPV4_QUERY = 20;
const DHCPV4_RESPONSE = 21;

function typeCriterion(types: TypeSet): Criterion {
  return {
    needles: [],
    peek(protocol, payload) {
      if (protocol === 'dhcp4') {
        const t = type4(payload);
        return t === undefined ? undefined : types.v4.has(t);
      }
      const chain = typeChain6(payload);
      if (chain.some((t) => types.v6.has(t))) return true;
      // DHCPv4 carried in DHCPv6: its type is not peeked at, so decode to see.
      if (types.v4.size > 0 && chain.some((t) => t === DHCPV4_QUERY || t === DHCPV4_RESPONSE)) return undefined;
      return false;
    },
    test(v) {
      if (v.protocol === 'dhcp6') {
        const code = typeCode6(v.message.type);
        return code !== undefined && types.v6.has(code);
      }
      const o = option4(v.message, 53);
      const code = typeCode4(o?.value ?? (o?.raw ? parseInt(o.raw, 16) : undefined));
      return code !== undefined && types.v4.has(code);
    },
  };
}

const CLIENTID = 1;
const SERVERID = 2;
const DHCP4_CLIENT_ID = 61;

function duidCriterion(duids: ReadonlySet<string>): Criterion {
  return {
    needles: hexNeedles(duids),
    test(v) {
      if (v.protocol === 'dhcp6') return someOptionOf(v, (o) => (o.code === CLIENTID || o.code === SERVERID) && has(duids, hexOf(o)));
      return has(duids, clientIdDuid(option4(v.message, DHCP4_CLIENT_ID)));
    },
  };
}

function clientIdCriterion(ids: ReadonlySet<string>): Criterion {
  return {
    needles: hexNeedles(ids),
    test: (v) => v.protocol === 'dhcp4' && has(ids, clientIdHex(option4(v.message, DHCP4_CLIENT_ID))),
  };
}

const CLIENT_LINKLAYER_ADDR = 79;

function macCriterion(macs: ReadonlySet<string>): Criterion {
  return {
    needles: hexNeedles(macs),
    test(v) {
      if (v.protocol === 'dhcp4') return has(macs, hardwareAddress(v.message));
      return someOptionOf(v, (o) => {
        if (o.code === CLIENTID) return has(macs, (o.value as { lladdr?: string } | undefined)?.lladdr);
        if (o.code === CLIENT_LINKLAYER_ADDR) return has(macs, (o.value as { address?: string } | undefined)?.address);
        return false;
      });
    },
  };
}

const REMOTE_ID = 37;
const INTERFACE_ID = 18;
const AGENT_OPTIONS = 82;
const CIRCUIT_ID = 1;
const AGENT_REMOTE_ID = 2;

function remoteIdCriterion(ids: ReadonlySet<string>): Criterion {
  return {
    needles: hexNeedles(ids),
    test(v) {
      if (v.protocol === 'dhcp4') return has(ids, hexOf(suboption(option4(v.message, AGENT_OPTIONS), AGENT_REMOTE_ID)));
      return someOptionOf(v, (o) => o.code === REMOTE_ID && has(ids, (o.value as { remoteId?: string } | undefined)?.remoteId));
    },
  };
}

function interfaceIdCriterion(ids: ReadonlySet<string>): Criterion {
  return {
    needles: hexNeedles(ids),
    test(v) {
      if (v.protocol === 'dhcp4') return has(ids, hexOf(suboption(option4(v.message, AGENT_OPTIONS), CIRCUIT_ID)));
      return someOptionOf(v, (o) => o.code === INTERFACE_ID && has(ids, hexOf(o)));
    },
  };
}

const IAADDR = 5;
const IAPREFIX = 26;
const REQUESTED_ADDRESS = 50;

function addressCriterion(addresses: ReadonlySet<string>): Criterion {
  const needles = [...addresses].map((a) => {
    const b = new Uint8Array(16);
    return Buffer.from(parseIpv6Into(a, b) ? b : a.split('.').map(Number));
  });
  return {
    needles,
    test(v) {
      if (v.protocol === 'dhcp6') return someOptionOf(v, (o) => o.code === IAADDR && has(addresses, (o.value as { address?: string } | undefined)?.address));
      const m = v.message;
      return has(addresses, field4(m, 'ciaddr')) || has(addresses, field4(m, 'yiaddr')) || has(addresses, option4(m, REQUESTED_ADDRESS)?.value);
    },
  };
}

function prefixCriterion(prefixes: readonly Prefix[]): Criterion {
  const scratch = new Uint8Array(16);
  const inside = (o: Option): boolean => {
    const text = (o.value as { prefix?: unknown } | undefined)?.prefix;
    if (typeof text !== 'string') return false;
    const slash = text.lastIndexOf('/');
    if (!parseIpv6Into(text.slice(0, slash), scratch)) return false;
    const length = Number(text.slice(slash + 1));
    return prefixes.some((p) => prefixContains(p, scratch, length));
  };
  return {
    // Any prefix inside p starts with p's whole bytes; a /0../7 filter gives no needle.
    needles: prefixes.every((p) => p.length >= 8) ? prefixes.map((p) => Buffer.from(p.bytes.subarray(0, p.length >> 3))) : [],
    test: (v) => v.protocol === 'dhcp6' && someOptionOf(v, (o) => o.code === IAPREFIX && inside(o)),
  };
}

function has(set: ReadonlySet<string>, v: unknown): boolean {
  return typeof v === 'string' && set.has(v);
}
