/**
 * DHCPv6 wire bytes built by hand (RFC 8415 §8, §9, §21), so a test can put
 * a wrong length exactly where it wants one, which the codec's encoder
 * (rightly) never would.
 */
import { parseIpv6Into } from '../../src/protocol/index.js';

export const SOLICIT = 1;
export const ADVERTISE = 2;
export const REQUEST = 3;
export const CONFIRM = 4;
export const RENEW = 5;
export const REBIND = 6;
export const REPLY = 7;
export const RELEASE = 8;
export const RECONFIGURE = 10;
export const INFORMATION_REQUEST = 11;
export const RELAY_FORW = 12;
export const RELAY_REPL = 13;

/** Option code + length + body; `length` overrides the true length. */
export function tlv(code: number, body: Uint8Array, length = body.length): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(code, 0);
  head.writeUInt16BE(length, 2);
  return Buffer.concat([head, body]);
}

export function u32s(...values: number[]): Buffer {
  const b = Buffer.alloc(4 * values.length);
  values.forEach((v, i) => b.writeUInt32BE(v, 4 * i));
  return b;
}

export function ipv6(text: string): Buffer {
  const b = Buffer.alloc(16);
  if (!parseIpv6Into(text, b)) throw new Error(`not an IPv6 address: ${text}`);
  return b;
}

/** Type + 3-byte transaction id + options. */
export function message(type: number, xid: number, ...options: Buffer[]): Buffer {
  const head = Buffer.from([type, (xid >> 16) & 0xff, (xid >> 8) & 0xff, xid & 0xff]);
  return Buffer.concat([head, ...options]);
}

/** One Relay-forw header around `inner` (§9), link-address in the served subnet. */
export function relayForw(inner: Buffer, hopCount = 0, type = RELAY_FORW): Buffer {
  const head = Buffer.concat([Buffer.from([type, hopCount]), ipv6('2001:db8:1::1'), ipv6('fe80::2')]);
  return Buffer.concat([head, tlv(9, inner)]);
}

/** DUID-LL (§11.4) over a locally administered MAC numbered n. */
export function duidLl(n: number): Buffer {
  return Buffer.from([0, 3, 0, 1, 0x02, 0xfe, (n >> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);
}

export const clientId = (n: number): Buffer => tlv(1, duidLl(n));
export const serverId = (duid: Buffer): Buffer => tlv(2, duid);
export const elapsedTime = (): Buffer => tlv(8, Buffer.from([0, 0]));
export const oro = (...codes: number[]): Buffer => tlv(6, Buffer.from(codes.flatMap((c) => [c >> 8, c & 0xff])));
export const iaNa = (iaid: number, ...options: Buffer[]): Buffer => tlv(3, Buffer.concat([u32s(iaid, 0, 0), ...options]));
export const iaPd = (iaid: number, ...options: Buffer[]): Buffer => tlv(25, Buffer.concat([u32s(iaid, 0, 0), ...options]));
export const iaAddr = (address: string): Buffer => tlv(5, Buffer.concat([ipv6(address), u32s(0, 0)]));
export const iaPrefix = (length: number, prefix: string): Buffer => tlv(26, Buffer.concat([u32s(0, 0), Buffer.from([length]), ipv6(prefix)]));
