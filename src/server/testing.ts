import { DecodeError, type ClientServerMessage6, type Duid, type Message6, type Option } from '../protocol/index.js';
import { loadConfig } from '../config/validate.js';
import { MemoryLeaseStore6 } from '../store/memory/store6.js';
import { buildModel } from './model.js';
import { Dhcp6Server } from './server.js';
import type { Inbound6 } from './types.js';

/** A server on a memory store with a test clock, and helpers to talk to it. */

export const SERVER_DUID: Duid = { type: 'LL', hwtype: 1, lladdr: '02000000beef', hex: '0003000102000000beef' };
export const CLIENT_DUID: Duid = { type: 'LL', hwtype: 1, lladdr: '020000000001', hex: '00030001020000000001' };

export function testConfig(extra: Record<string, unknown> = {}): unknown {
  return {
    'data-directory': '/tmp',
    dhcp6: {
      interfaces: ['eth0'],
      'lease-database': { type: 'memory' },
      'renew-timer': 1000,
      'rebind-timer': 2000,
      'preferred-lifetime': 3000,
      'valid-lifetime': 4000,
      'option-data': [{ name: 'dns-servers', value: ['2001:db8::53'] }],
      subnets: [
        {
          id: 1,
          subnet: '2001:db8:1::/64',
          interface: 'eth0',
          pools: [{ pool: '2001:db8:1::100-2001:db8:1::1ff' }],
          'pd-pools': [{ prefix: '2001:db8:8000::', 'prefix-len': 48, 'delegated-len': 56 }],
        },
        { id: 2, subnet: '2001:db8:2::/64', relay: { 'ip-addresses': ['2001:db8:2::1'] }, pools: [{ pool: '2001:db8:2::/120' }] },
      ],
      ...extra,
    },
  };
}

export function testServer(raw: unknown = testConfig()) {
  const r = loadConfig(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const clock = { now: 1_800_000_000 };
  const store = new MemoryLeaseStore6();
  let seed = 42;
  const random = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const server = new Dhcp6Server({ model: buildModel(r.config, r.codec), store, serverDuid: SERVER_DUID, now: () => clock.now, random });
  const codec = r.codec;
  let xid = 0x100;

  async function send(msg: Message6, via: Partial<Inbound6> = {}): Promise<Message6 | undefined> {
    const out = await server.handle({ data: codec.encode6(msg), source: 'fe80::1', sourcePort: 546, iface: 'eth0', unicast: false, ...via });
    if (!out) return undefined;
    const m = codec.decode6(out.data);
    if (m instanceof DecodeError) throw m;
    return m;
  }

  function client(type: string, options: Option[], duid: Duid = CLIENT_DUID): ClientServerMessage6 {
    return { type, xid: xid++, options: [{ code: 1, name: 'clientid', value: duid }, { code: 8, name: 'elapsed-time', value: 0 }, ...options] };
  }

  return { server, store, clock, codec, send, client };
}

export const serverId: Option = { code: 2, name: 'serverid', value: SERVER_DUID };
export const iaNa = (iaid: number, ...addresses: string[]): Option => ({
  code: 3,
  name: 'ia-na',
  value: { iaid, t1: 0, t2: 0, options: addresses.map((address) => ({ code: 5, name: 'iaaddr', value: { address, preferredLifetime: 0, validLifetime: 0, options: [] } })) },
});
export const iaPd = (iaid: number, ...prefixes: string[]): Option => ({
  code: 25,
  name: 'ia-pd',
  value: { iaid, t1: 0, t2: 0, options: prefixes.map((prefix) => ({ code: 26, name: 'iaprefix', value: { preferredLifetime: 0, validLifetime: 0, prefix, options: [] } })) },
});

/** The option of a message (or of a nested IA) by name. */
export function opt(m: { options: Option[] } | undefined, name: string): Option | undefined {
  return m?.options.find((o) => o.name === name);
}

export function iaAddresses(m: ClientServerMessage6 | undefined, name = 'ia-na'): string[] {
  const ia = opt(m, name)?.value as { options: Option[] } | undefined;
  return (ia?.options ?? []).filter((o) => o.name === 'iaaddr' || o.name === 'iaprefix').map((o) => (o.value as { address?: string; prefix?: string }).address ?? (o.value as { prefix: string }).prefix);
}

export function iaStatus(m: ClientServerMessage6 | undefined, name = 'ia-na'): string | undefined {
  const ia = opt(m, name)?.value as { options: Option[] } | undefined;
  return (opt(ia, 'status-code')?.value as { status: string } | undefined)?.status;
}
