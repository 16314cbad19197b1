import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import type { Codec } from '../codec.js';
import type { Option } from '../options.js';
import { EncodeError, within } from '../errors.js';
import { formatIpv6, parseIpv6Range } from '../address.js';
import { MESSAGE_CODES, MESSAGE_TYPES } from './types.js';

/**
 * DHCPv6 messages in JSON form. RFC 8415 §8: client/server messages are
 * type + 3-byte transaction-id + options (leasequery, RFC 7653 and RFC 8156
 * messages share that layout). §9: relay messages are type + hop-count +
 * link-address + peer-address + options. RFC 7341 §6: DHCPv4-query/response
 * carry 3 bytes of flags where others carry the transaction-id.
 */
export interface ClientServerMessage6 {
  type: string | number;
  xid: number;
  options: Option[];
}

export interface RelayMessage6 {
  type: 'relay-forw' | 'relay-repl';
  hopCount: number;
  linkAddress: string;
  peerAddress: string;
  options: Option[];
}

export interface Dhcp4o6Message {
  type: 'dhcpv4-query' | 'dhcpv4-response';
  flags: number;
  options: Option[];
}

export type Message6 = ClientServerMessage6 | RelayMessage6 | Dhcp4o6Message;

export function isRelay(m: Message6): m is RelayMessage6 {
  return m.type === 'relay-forw' || m.type === 'relay-repl';
}

const RELAY_FORW = 12;
const RELAY_REPL = 13;
const V4_QUERY = 20;
const V4_RESPONSE = 21;

export function readMessage6(r: Reader, codec: Codec): Message6 {
  const code = r.u8('message type');
  const type = MESSAGE_TYPES[code] ?? code;
  if (code === RELAY_FORW || code === RELAY_REPL) {
    const hopCount = r.u8('hop-count');
    const linkAddress = formatIpv6(r.buf, r.skip(16, 'link-address'));
    const peerAddress = formatIpv6(r.buf, r.skip(16, 'peer-address'));
    const options = codec.readOptions(r, 'dhcp6');
    return { type: type as 'relay-forw' | 'relay-repl', hopCount, linkAddress, peerAddress, options };
  }
  const id = r.u24(code === V4_QUERY || code === V4_RESPONSE ? 'flags' : 'transaction-id');
  const options = codec.readOptions(r, 'dhcp6');
  if (code === V4_QUERY || code === V4_RESPONSE) return { type: type as 'dhcpv4-query', flags: id, options };
  return { type, xid: id, options };
}

function typeCode(t: unknown, path: string): number {
  if (typeof t === 'number' && Number.isInteger(t) && t >= 0 && t <= 255) return t;
  if (typeof t === 'string') {
    const c = MESSAGE_CODES.get(t);
    if (c !== undefined) return c;
  }
  throw new EncodeError(`${path}.type`, `unknown DHCPv6 message type ${JSON.stringify(t)}`);
}

function u24(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffff) {
    throw new EncodeError(path, `expected an integer 0..16777215, got ${JSON.stringify(v)}`);
  }
  return v;
}

function writeAddress(w: Writer, v: unknown, path: string): void {
  w.reserve(16);
  if (typeof v !== 'string' || !parseIpv6Range(v, 0, v.length, w.buf, w.pos)) throw new EncodeError(path, `not an IPv6 address: ${JSON.stringify(v)}`);
  w.pos += 16;
}

export function writeMessage6(w: Writer, m: Message6, codec: Codec, path: string): void {
  if (typeof m !== 'object' || m === null) throw new EncodeError(path, 'expected a DHCPv6 message object');
  const code = typeCode(m.type, path);
  w.u8(code);
  if (code === RELAY_FORW || code === RELAY_REPL) {
    const rm = m as RelayMessage6;
    const hop = rm.hopCount;
    if (typeof hop !== 'number' || !Number.isInteger(hop) || hop < 0 || hop > 255) throw new EncodeError(`${path}.hopCount`, 'expected an integer 0..255');
    w.u8(hop);
    writeAddress(w, rm.linkAddress, `${path}.linkAddress`);
    writeAddress(w, rm.peerAddress, `${path}.peerAddress`);
  } else if (code === V4_QUERY || code === V4_RESPONSE) {
    w.u24(u24((m as Dhcp4o6Message).flags, `${path}.flags`));
  } else {
    w.u24(u24((m as ClientServerMessage6).xid, `${path}.xid`));
  }
  try {
    codec.writeOptions(w, m.options, 'dhcp6', '');
  } catch (e) {
    within(e, `${path}.options`);
  }
}
