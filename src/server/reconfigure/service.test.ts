import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecodeError, standardCodec, type ClientServerMessage6, type Duid, type Message6, type Option, type RelayMessage6 } from '../../protocol/index.js';
import { MemoryLeaseStore6 } from '../../store/memory/store6.js';
import { lease6 } from '../../store/testing/leases.js';
import { unwrap } from '../relay.js';
import type { Outbound6 } from '../types.js';
import { replayOf, verifyReconfigure } from './auth.js';
import { MemoryReconfigureKeyStore, type ReconfigureKeyStore } from './keys.js';
import { REC_MAX_RC, REC_TIMEOUT } from './retransmit.js';
import { ReconfigureService, type ReconfigureDeps } from './service.js';
import { ReconfigureQueryError } from './targets.js';

const codec = standardCodec();
const SERVER_DUID: Duid = { type: 'LL', hwtype: 1, lladdr: '02000000beef', hex: '0003000102000000beef' };
const DUID = '00030001020000000001';
const DUID2 = '00030001020000000002';
const ACCEPT: Option = { code: 20, name: 'reconf-accept' };
const DIRECT = { source: 'fe80::1', port: 546, iface: 'eth0', relays: [] };
const NOW = 1_800_000_000_000;

function msg(type: string, duid = DUID, ...options: Option[]): ClientServerMessage6 {
  return { type, xid: 0x1234, options: [{ code: 1, name: 'clientid', value: { type: 3, hex: duid } }, ...options] };
}

function setup(over: Partial<ReconfigureDeps> = {}) {
  const keys = new MemoryReconfigureKeyStore();
  const leases = new MemoryLeaseStore6();
  const sent: Outbound6[] = [];
  const clock = { now: NOW };
  const svc = new ReconfigureService({
    keys,
    leases,
    serverDuid: SERVER_DUID,
    codec,
    now: () => clock.now,
    send: async (o) => {
      sent.push(o);
    },
    retransmit: false,
    ...over,
  });
  return { svc, keys, leases, sent, clock };
}

function authOf(options: Option[]): { protocol: number; algorithm: number; rdm: number; replayDetection: string; info: string } {
  return options.find((o) => o.code === 11)!.value as never;
}

function decode(b: Buffer): Message6 {
  const m = codec.decode6(b);
  if (m instanceof DecodeError) throw m;
  return m;
}

/** The Reconfigure inside a datagram, and its bytes (to verify: relays carry it re-encoded). */
function inner(o: Outbound6): { m: ClientServerMessage6; bytes: Buffer } {
  let m = decode(o.data);
  for (let depth = 0; m.type === 'relay-repl' && depth < 32; depth++) m = (m as RelayMessage6).options.find((x) => x.code === 9)!.value as Message6;
  const c = m as ClientServerMessage6;
  return { m: c, bytes: codec.encode6(c) };
}

describe('RFC 8415 §20.4.2 reconfigure key in the Reply', () => {
  it('a Request with Reconfigure Accept gets the key (type 1) and Reconfigure Accept; the key is made once and reused', async () => {
    const { svc, keys } = setup();
    const first = await svc.replyOptions(msg('request', DUID, ACCEPT), DUID, 'reply');
    expect(first.map((o) => o.code)).toEqual([11, 20]);
    const a = authOf(first);
    expect(a).toMatchObject({ protocol: 3, algorithm: 1, rdm: 0 });
    expect(a.info).toMatch(/^01[0-9a-f]{32}$/);
    const key = (await keys.get(DUID))!;
    expect(a.info.slice(2)).toBe(key.toString('hex'));
    // Later exchanges, Renew and Rebind included, send the same key with a larger replay value.
    const renew = authOf(await svc.replyOptions(msg('renew', DUID, ACCEPT), DUID, 'reply'));
    const again = authOf(await svc.replyOptions(msg('request', DUID, ACCEPT), DUID, 'reply'));
    expect(renew.info).toBe(a.info);
    expect(again.info).toBe(a.info);
    expect(BigInt('0x' + renew.replayDetection)).toBeGreaterThan(BigInt('0x' + a.replayDetection));
    expect(BigInt('0x' + again.replayDetection)).toBeGreaterThan(BigInt('0x' + renew.replayDetection));
    expect(svc.stats.keysCreated).toBe(1);
  });

  it('§20.4.2 makes keys in Solicit/Reply (Rapid Commit) and Information-request/Reply too, one per client', async () => {
    const { svc, keys } = setup();
    expect(await svc.replyOptions(msg('solicit', DUID, ACCEPT, { code: 14, name: 'rapid-commit' }), DUID, 'reply')).toHaveLength(2);
    expect(await svc.replyOptions(msg('information-request', DUID2, ACCEPT), DUID2, 'reply')).toHaveLength(2);
    expect(keys.size).toBe(2);
    expect((await keys.get(DUID))!.equals((await keys.get(DUID2))!)).toBe(false);
  });

  it('§21.20 nothing without Reconfigure Accept; nothing in an Advertise; nothing for Release, Decline or Confirm', async () => {
    const { svc, keys } = setup();
    expect(await svc.replyOptions(msg('request'), DUID, 'reply')).toEqual([]);
    expect(await svc.replyOptions(msg('solicit', DUID, ACCEPT), DUID, 'advertise')).toEqual([]);
    for (const t of ['release', 'decline', 'confirm']) expect(await svc.replyOptions(msg(t, DUID, ACCEPT), DUID, 'reply')).toEqual([]);
    expect(keys.size).toBe(0);
  });

  it('a Renew or Rebind makes no key (§20.4.2 names other exchanges), but carries one made before', async () => {
    const { svc, keys } = setup();
    expect(await svc.replyOptions(msg('renew', DUID, ACCEPT), DUID, 'reply')).toEqual([]);
    expect(await svc.replyOptions(msg('rebind', DUID, ACCEPT), DUID, 'reply')).toEqual([]);
    expect(keys.size).toBe(0);
    await svc.replyOptions(msg('request', DUID, ACCEPT), DUID, 'reply');
    expect(await svc.replyOptions(msg('rebind', DUID, ACCEPT), DUID, 'reply')).toHaveLength(2);
  });

  it('two exchanges of one client at once agree on one key', async () => {
    const puts: string[] = [];
    const mem = new MemoryReconfigureKeyStore();
    const keys: ReconfigureKeyStore = { get: (d) => mem.get(d), put: async (d, k) => (puts.push(d), mem.put(d, k)) };
    const { svc } = setup({ keys });
    const [a, b] = await Promise.all([svc.replyOptions(msg('request', DUID, ACCEPT), DUID, 'reply'), svc.replyOptions(msg('request', DUID, ACCEPT), DUID, 'reply')]);
    expect(authOf(a).info).toBe(authOf(b).info);
    expect(puts).toEqual([DUID]);
  });

  it('a failing key store costs the key, not the Reply', async () => {
    const keys: ReconfigureKeyStore = { get: async () => undefined, put: async () => Promise.reject(new Error('disk full')) };
    const { svc } = setup({ keys });
    expect(await svc.replyOptions(msg('request', DUID, ACCEPT), DUID, 'reply')).toEqual([]);
    expect(svc.stats.keyErrors).toBe(1);
  });
});

describe('RFC 8415 §18.3.11 sending Reconfigure', () => {
  async function withKey(s: ReturnType<typeof setup>, duid = DUID, path: Parameters<ReconfigureService['rememberPath']>[1] = DIRECT) {
    const req = msg('request', duid, ACCEPT);
    await s.svc.replyOptions(req, duid, 'reply');
    s.svc.rememberPath(duid, path, req);
    return (await s.keys.get(duid))!;
  }

  it('to a direct client: its link-local address, port 546, its interface; server id, client id, reconf-msg, HMAC; xid 0', async () => {
    const s = setup();
    const key = await withKey(s);
    expect(await s.svc.reconfigure({ duid: DUID })).toEqual({ sent: 1, skipped: 0, unreachable: 0, failed: 0 });
    expect(s.sent).toHaveLength(1);
    const o = s.sent[0]!;
    expect({ destination: o.destination, port: o.port, iface: o.iface }).toEqual({ destination: 'fe80::1', port: 546, iface: 'eth0' });
    const m = decode(o.data) as ClientServerMessage6;
    expect(m.type).toBe('reconfigure');
    expect(m.xid).toBe(0);
    expect(m.options.map((x) => x.name)).toEqual(['serverid', 'clientid', 'reconf-msg', 'auth']);
    expect((m.options[0]!.value as { hex: string }).hex).toBe(SERVER_DUID.hex);
    expect((m.options[1]!.value as { hex: string }).hex).toBe(DUID);
    expect(m.options[2]!.value).toBe('renew');
    expect(authOf(m.options).info.slice(0, 2)).toBe('02');
    expect(verifyReconfigure(o.data, key)).toBe(true);
    expect(verifyReconfigure(o.data, Buffer.alloc(16))).toBe(false);
  });

  it('asks for an Information-request when told to (§21.19), with a new replay value each time', async () => {
    const s = setup();
    await withKey(s);
    await s.svc.reconfigure({ duid: '00:03:00:01:02:00:00:00:00:01', message: 'information-request' });
    await s.svc.reconfigure({ duid: DUID });
    const [a, b] = s.sent.map((o) => decode(o.data) as ClientServerMessage6);
    expect(a!.options[2]!.value).toBe('information-request');
    expect(replayOf(s.sent[1]!.data)!).toBeGreaterThan(replayOf(s.sent[0]!.data)!);
    expect(b!.options[2]!.value).toBe('renew');
  });

  it('skips clients without a key or that stopped sending Reconfigure Accept; counts those it cannot reach', async () => {
    const s = setup();
    await withKey(s);
    // The client's latest Renew dropped Reconfigure Accept (§21.20: it no longer accepts).
    s.svc.rememberPath(DUID, DIRECT, msg('renew', DUID));
    expect(await s.svc.reconfigure({ duid: DUID })).toMatchObject({ sent: 0, skipped: 1 });
    // Confirm cannot carry the option: it changes nothing.
    s.svc.rememberPath(DUID, DIRECT, msg('renew', DUID, ACCEPT));
    s.svc.rememberPath(DUID, DIRECT, msg('confirm', DUID));
    expect(await s.svc.reconfigure({ duid: DUID })).toMatchObject({ sent: 1, skipped: 0 });
    expect(await s.svc.reconfigure({ duid: DUID2 })).toMatchObject({ sent: 0, skipped: 1 });
    // A key from before a restart, no path yet.
    await s.keys.put(DUID2, Buffer.alloc(16, 7));
    expect(await s.svc.reconfigure({ duid: DUID2 })).toEqual({ sent: 0, skipped: 0, unreachable: 1, failed: 0 });
  });

  it('finds the client by address or by prefix through its live lease', async () => {
    const s = setup();
    await withKey(s);
    await s.leases.commit([
      { op: 'insert', lease: lease6({ duid: DUID, address: '2001:db8:1::100', cltt: NOW / 1000 }) },
      { op: 'insert', lease: lease6({ duid: DUID, type: 'pd', address: '2001:db8:8000:100::/56', cltt: NOW / 1000 }) },
      { op: 'insert', lease: lease6({ duid: DUID, address: '2001:db8:1::101', cltt: NOW / 1000 - 10_000 }) },
    ]);
    expect(await s.svc.reconfigure({ address: '2001:DB8:1:0::100' })).toMatchObject({ sent: 1 });
    expect(await s.svc.reconfigure({ prefix: '2001:db8:8000:100::/56' })).toMatchObject({ sent: 1 });
    expect(await s.svc.reconfigure({ address: '2001:db8:1::101' })).toMatchObject({ sent: 0, skipped: 0 }); // expired
    expect(await s.svc.reconfigure({ address: '2001:db8:1::999' })).toMatchObject({ sent: 0, skipped: 0 });
    expect(s.sent).toHaveLength(2);
  });

  it('a subnet-wide run: each live client of the subnet once, skipped counted, paced at `rate` per second', async () => {
    const waits: number[] = [];
    const s = setup({
      sleep: async (ms) => {
        waits.push(ms);
        s.clock.now += ms;
      },
    });
    const changes = [];
    for (let i = 0; i < 2500; i++) {
      const duid = '0003000103' + i.toString(16).padStart(10, '0');
      if (i % 2 === 0) await withKey(s, duid, { ...DIRECT, source: `fe80::${(i + 1).toString(16)}` });
      changes.push({ op: 'insert' as const, lease: lease6({ duid, address: `2001:db8:1::${(0x1000 + i).toString(16)}`, cltt: NOW / 1000 }) });
      if (i < 10) changes.push({ op: 'insert' as const, lease: lease6({ duid, type: 'pd', address: `2001:db8:8000:${(i + 1).toString(16)}00::/56`, cltt: NOW / 1000 }) });
    }
    changes.push({ op: 'insert' as const, lease: lease6({ duid: DUID, address: '2001:db8:2::5', subnetId: 2, cltt: NOW / 1000 }) });
    await withKey(s);
    await s.leases.commit(changes);
    const r = await s.svc.reconfigure({ subnetId: 1, rate: 500 });
    expect(r).toEqual({ sent: 1250, skipped: 1250, unreachable: 0, failed: 0 });
    expect(new Set(s.sent.map((o) => o.destination)).size).toBe(1250);
    // 1250 messages at 500/s: the last leaves ~2.5 s after the first, and every gap is 2 ms.
    expect(s.clock.now - NOW).toBeCloseTo(1249 * 2, 0);
    expect(waits.every((w) => Math.abs(w - 2) < 1e-6)).toBe(true);
  });

  it('to a relayed client: Relay-reply through each relay of its last transaction, echoing Interface-ID (§19.3)', async () => {
    const s = setup();
    const request = msg('request', DUID, ACCEPT);
    const forw: Message6 = {
      type: 'relay-forw',
      hopCount: 1,
      linkAddress: '::',
      peerAddress: '2001:db8:2::1',
      options: [
        { code: 18, name: 'interface-id', value: 'aabb' },
        {
          code: 9,
          name: 'relay-msg',
          value: { type: 'relay-forw', hopCount: 0, linkAddress: '2001:db8:3::1', peerAddress: 'fe80::99', options: [{ code: 18, name: 'interface-id', value: '0102' }, { code: 37, name: 'remote-id', value: { enterprise: 9, remoteId: '01' } }, { code: 9, name: 'relay-msg', value: request }] },
        },
      ],
    };
    const u = unwrap(decode(codec.encode6(forw)))!;
    await s.svc.replyOptions(u.msg, DUID, 'reply');
    s.svc.rememberPath(DUID, { source: '2001:db8:2::1', port: 547, relays: u.relays }, u.msg);
    expect(await s.svc.reconfigure({ duid: DUID })).toMatchObject({ sent: 1 });
    const o = s.sent[0]!;
    expect({ destination: o.destination, port: o.port, iface: o.iface }).toEqual({ destination: '2001:db8:2::1', port: 547, iface: undefined });
    const outer = decode(o.data) as RelayMessage6;
    expect(outer).toMatchObject({ type: 'relay-repl', hopCount: 1, peerAddress: '2001:db8:2::1' });
    expect(outer.options.map((x) => x.name)).toEqual(['interface-id', 'relay-msg']);
    const second = outer.options[1]!.value as RelayMessage6;
    expect(second).toMatchObject({ type: 'relay-repl', hopCount: 0, linkAddress: '2001:db8:3::1', peerAddress: 'fe80::99' });
    expect(second.options.map((x) => x.name)).toEqual(['interface-id', 'relay-msg']); // remote-id is not echoed
    expect(second.options[0]!.value).toBe('0102');
    const { m, bytes } = inner(o);
    expect(m.type).toBe('reconfigure');
    // The signature holds on the bytes the last relay will hand the client.
    expect(verifyReconfigure(bytes, (await s.keys.get(DUID))!)).toBe(true);
    expect(o.data.includes(bytes)).toBe(true);
  });

  it('refuses queries that name no client, or several ways at once', async () => {
    const { svc } = setup();
    await expect(svc.reconfigure({})).rejects.toBeInstanceOf(ReconfigureQueryError);
    await expect(svc.reconfigure({ duid: DUID, subnetId: 1 })).rejects.toBeInstanceOf(ReconfigureQueryError);
    await expect(svc.reconfigure({ duid: 'xyz' })).rejects.toBeInstanceOf(ReconfigureQueryError);
    await expect(svc.reconfigure({ prefix: '2001:db8::1/56' })).rejects.toBeInstanceOf(ReconfigureQueryError);
  });

  it('counts a send that fails', async () => {
    const s = setup({ send: async () => Promise.reject(new Error('EHOSTUNREACH')) });
    await withKey(s);
    expect(await s.svc.reconfigure({ duid: DUID })).toEqual({ sent: 0, skipped: 0, unreachable: 0, failed: 1 });
  });
});

describe('RFC 8415 §18.3.11 retransmission (REC_TIMEOUT 2 s, doubling, REC_MAX_RC 8)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function started(random = () => 0.5) {
    vi.useFakeTimers();
    const s = setup({ retransmit: true, random });
    const req = msg('request', DUID, ACCEPT);
    await s.svc.replyOptions(req, DUID, 'reply');
    s.svc.rememberPath(DUID, DIRECT, req);
    await s.svc.reconfigure({ duid: DUID });
    return s;
  }

  it('resends at 2, 4, 8 ... s with a fresh replay value, and stops after 8 transmissions', async () => {
    const s = await started(); // random 0.5: no jitter
    await vi.advanceTimersByTimeAsync(REC_TIMEOUT - 1);
    expect(s.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2 * REC_TIMEOUT);
    expect(s.sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1_000_000);
    expect(s.sent).toHaveLength(REC_MAX_RC);
    expect(s.svc.stats).toMatchObject({ sent: 1, retransmitted: REC_MAX_RC - 1, gaveUp: 1 });
    expect(s.svc.pending).toBe(0);
    const replays = s.sent.map((o) => replayOf(o.data)!);
    expect(replays.every((r, i) => i === 0 || r > replays[i - 1]!)).toBe(true);
    const key = (await s.keys.get(DUID))!;
    expect(s.sent.every((o) => verifyReconfigure(o.data, key))).toBe(true);
  });

  it('the first timeout is randomised by ±10 % (§15)', async () => {
    const s = await started(() => 0); // RAND = -0.1
    await vi.advanceTimersByTimeAsync(REC_TIMEOUT * 0.9);
    expect(s.sent).toHaveLength(2);
  });

  it('the Renew it asked for ends it; another message type does not', async () => {
    const s = await started();
    s.svc.rememberPath(DUID, DIRECT, msg('information-request', DUID, ACCEPT));
    expect(s.svc.pending).toBe(1);
    s.svc.rememberPath(DUID, DIRECT, msg('renew', DUID, ACCEPT));
    expect(s.svc.pending).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000_000);
    expect(s.sent).toHaveLength(1);
    expect(s.svc.stats.answered).toBe(1);
  });

  it('close() stops every retransmission', async () => {
    const s = await started();
    s.svc.close();
    await vi.advanceTimersByTimeAsync(1_000_000);
    expect(s.sent).toHaveLength(1);
  });
});
