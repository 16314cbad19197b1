/**
 * Packets a DHCPv6 server must drop, each with the reason Fulmar must count
 * it under (DESIGN invariant 5): broken framing, option bodies that do not
 * fit their definitions, relay chains past the 32-level bound, random bytes,
 * and well-formed messages RFC 8415 §16 says to discard.
 */
import { Codec, DecodeError } from '../../src/protocol/index.js';
import type { DropReason } from '../../src/server/types.js';
import * as w from './wire.js';

export type Family = 'truncated' | 'overrun-length' | 'wrong-length' | 'deep-relay' | 'garbage' | 'rfc8415-invalid';

export interface BadPacket {
  family: Family;
  what: string;
  expect: DropReason;
  bytes: Buffer;
}

/** Every family, shuffled (seeded) so any prefix of a cyclic send holds a mix. */
export function badPackets(serverDuid: Buffer, seed: number): BadPacket[] {
  const random = mulberry32(seed);
  const all = [...truncated(), ...overrunLengths(), ...wrongLengths(), ...deepRelays(), ...garbage(random, 150), ...rfc8415Invalid(serverDuid)];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

/** Drops by reason that sending packets[0..sent) cyclically must produce. */
export function expectedDrops(packets: readonly BadPacket[], sent: number): Record<string, number> {
  return tally(Array.from({ length: sent }, (_, i) => packets[i % packets.length]!.expect));
}

export function sentByFamily(packets: readonly BadPacket[], sent: number): Record<string, number> {
  return tally(Array.from({ length: sent }, (_, i) => packets[i % packets.length]!.family));
}

export function tally(keys: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = (out[k] ?? 0) + 1;
  return out;
}

/** A Solicit for IA_NA + IA_PD, and where its top-level options start. */
function solicit(client: number): { bytes: Buffer; optionStarts: number[] } {
  const options = [w.clientId(client), w.elapsedTime(), w.oro(23, 24), w.iaNa(1), w.iaPd(2, w.iaPrefix(56, '::'))];
  const optionStarts: number[] = [];
  let at = 4;
  for (const o of options) {
    optionStarts.push(at);
    at += o.length;
  }
  return { bytes: w.message(w.SOLICIT, 0x100, ...options), optionStarts };
}

/** Cut anywhere but between options (a cut there leaves a shorter, valid message). */
function truncated(): BadPacket[] {
  const { bytes, optionStarts } = solicit(1);
  const boundaries = new Set(optionStarts);
  const out: BadPacket[] = [];
  for (let cut = 0; cut < bytes.length; cut++) {
    if (!boundaries.has(cut)) out.push({ family: 'truncated', what: `Solicit cut at ${cut} of ${bytes.length}`, expect: 'parse-failed', bytes: bytes.subarray(0, cut) });
  }
  return out;
}

/** A top-level option whose length runs past the end of the message. */
function overrunLengths(): BadPacket[] {
  const { bytes, optionStarts } = solicit(2);
  return optionStarts.flatMap((start) =>
    [bytes.length - start - 4 + 1, 0xffff].map((length) => {
      const b = Buffer.from(bytes);
      b.writeUInt16BE(length, start + 2);
      return { family: 'overrun-length' as const, what: `option at ${start} claims ${length} bytes`, expect: 'parse-failed' as const, bytes: b };
    }),
  );
}

/** The option list tiles, but a body does not fit its option's definition. */
function wrongLengths(): BadPacket[] {
  const solicitWith = (what: string, bad: Buffer, client: number): BadPacket => ({
    family: 'wrong-length',
    what,
    expect: 'malformed-option',
    bytes: w.message(w.SOLICIT, 0x200 + client, w.clientId(client), bad),
  });
  const addr = w.iaAddr('2001:db8:1::1234');
  return [
    solicitWith('elapsed-time of 1 byte', w.tlv(8, Buffer.from([0])), 10),
    solicitWith('elapsed-time of 3 bytes', w.tlv(8, Buffer.from([0, 0, 0])), 11),
    solicitWith('IA_NA of 4 bytes', w.tlv(3, w.u32s(1)), 12),
    solicitWith('ORO of 3 bytes', w.tlv(6, Buffer.from([0, 23, 0])), 13),
    solicitWith('IAADDR of 10 bytes in an IA_NA', w.iaNa(1, w.tlv(5, Buffer.alloc(10))), 14),
    solicitWith('IAADDR longer than its IA_NA', w.iaNa(1, w.tlv(5, addr.subarray(4), 64)), 15),
    solicitWith('IAPREFIX of 20 bytes in an IA_PD', w.iaPd(2, w.tlv(26, Buffer.alloc(20))), 16),
    { family: 'wrong-length', what: 'client-id of 1 byte', expect: 'malformed-option', bytes: w.message(w.SOLICIT, 0x2ff, w.tlv(1, Buffer.from([0]))) },
  ];
}

/**
 * 33 to 35 Relay-forw headers are past the bound; 32 are fine (their Advertise
 * is then refused). 35 still fit a 1500-byte MTU unfragmented.
 */
function deepRelays(): BadPacket[] {
  const wrapped = (inner: Buffer, depth: number): Buffer => {
    let b = inner;
    for (let hop = 0; hop < depth; hop++) b = w.relayForw(b, hop);
    return b;
  };
  const inner = solicit(3).bytes;
  const out: BadPacket[] = [33, 34, 35].map((depth) => ({ family: 'deep-relay', what: `${depth} relay headers`, expect: 'parse-failed', bytes: wrapped(inner, depth) }));
  out.push({ family: 'deep-relay', what: '32 relay headers around an Advertise', expect: 'not-for-server', bytes: wrapped(w.message(w.ADVERTISE, 0x300, w.clientId(3)), 32) });
  return out;
}

/** Message types a client never sends to a server (nor a relay: 12). */
const CLIENT_TYPES = new Set([1, 3, 4, 5, 6, 8, 9, 11, 12]);

/**
 * Random bytes under a type a server must not serve. The codec decides only
 * whether they parse (it is the server's own decoder, proven total
 * elsewhere); the server must then count them as parse-failed or not-for-server.
 */
function garbage(random: () => number, count: number): BadPacket[] {
  const codec = new Codec();
  const out: BadPacket[] = [];
  while (out.length < count) {
    const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256)));
    if (CLIENT_TYPES.has(bytes[0]!)) continue;
    const expect = codec.decode6(bytes) instanceof DecodeError ? 'parse-failed' : 'not-for-server';
    out.push({ family: 'garbage', what: `${bytes.length} random bytes, type ${bytes[0]}`, expect, bytes });
  }
  return out;
}

/** Well-formed messages RFC 8415 says a server discards (§16; §18.3.3 for Confirm; §9 for relays). */
function rfc8415Invalid(ours: Buffer): BadPacket[] {
  const theirs = w.duidLl(0xdead);
  const c = (n: number) => w.clientId(100 + n);
  const bad = (what: string, expect: DropReason, bytes: Buffer): BadPacket => ({ family: 'rfc8415-invalid', what, expect, bytes });
  return [
    bad('§16.2 Solicit with a Server Identifier', 'unexpected-server-id', w.message(w.SOLICIT, 1, c(1), w.serverId(ours), w.iaNa(1))),
    bad('§16.2 Solicit without a Client Identifier', 'missing-client-id', w.message(w.SOLICIT, 2, w.iaNa(1))),
    bad('§16.4 Request without a Server Identifier', 'missing-server-id', w.message(w.REQUEST, 3, c(3), w.iaNa(1))),
    bad("§16.4 Request for another server", 'server-id-mismatch', w.message(w.REQUEST, 4, c(4), w.serverId(theirs), w.iaNa(1))),
    bad('§16.4 Request without a Client Identifier', 'missing-client-id', w.message(w.REQUEST, 5, w.serverId(ours), w.iaNa(1))),
    bad('§16.5 Confirm with a Server Identifier', 'unexpected-server-id', w.message(w.CONFIRM, 6, c(6), w.serverId(ours), w.iaNa(1, w.iaAddr('2001:db8:1::1234')))),
    bad('§16.6 Renew for another server', 'server-id-mismatch', w.message(w.RENEW, 7, c(7), w.serverId(theirs), w.iaNa(1))),
    bad('§16.7 Rebind with a Server Identifier', 'unexpected-server-id', w.message(w.REBIND, 8, c(8), w.serverId(ours), w.iaNa(1))),
    bad('§16.9 Release without a Server Identifier', 'missing-server-id', w.message(w.RELEASE, 9, c(9), w.iaNa(1))),
    bad('§16.12 Information-request for another server', 'server-id-mismatch', w.message(w.INFORMATION_REQUEST, 10, c(10), w.serverId(theirs))),
    bad('§16.12 Information-request with an IA_NA', 'ia-in-information-request', w.message(w.INFORMATION_REQUEST, 11, c(11), w.iaNa(1))),
    bad('§16.3 Advertise sent to a server', 'not-for-server', w.message(w.ADVERTISE, 12, c(12), w.serverId(theirs))),
    bad('§16.10 Reply sent to a server', 'not-for-server', w.message(w.REPLY, 13, c(13), w.serverId(theirs))),
    bad('§16.11 Reconfigure sent to a server', 'not-for-server', w.message(w.RECONFIGURE, 14, c(14), w.serverId(theirs))),
    bad('§9 Relay-repl sent to a server', 'not-for-server', w.relayForw(w.message(w.REPLY, 15, c(15)), 0, w.RELAY_REPL)),
    bad('§9 Relay-forw without a Relay Message', 'no-relay-message', Buffer.concat([w.relayForw(Buffer.alloc(0)).subarray(0, 34), w.tlv(18, Buffer.from('eth0'))])),
    bad('§18.3.3 Confirm with no addresses', 'nothing-to-confirm', w.message(w.CONFIRM, 17, c(17), w.iaNa(1))),
  ];
}

/** A small seeded PRNG (mulberry32): the same packets on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
