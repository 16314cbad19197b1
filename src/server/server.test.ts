import { describe, expect, it } from 'vitest';
import type { ClientServerMessage6, Message6, Option } from '../protocol/index.js';
import { CLIENT_DUID, SERVER_DUID, iaAddresses, iaNa, iaPd, iaStatus, opt, serverId, testConfig, testServer } from './testing.js';

const rapid: Option = { code: 14, name: 'rapid-commit' };
const oro = (...codes: number[]): Option => ({ code: 6, name: 'oro', value: codes });
const cs = (m: Message6 | undefined) => m as ClientServerMessage6 | undefined;

describe('RFC 8415 §16 message validation: silent drops', () => {
  it('§16.2 drops a Solicit without Client Identifier or with a Server Identifier', async () => {
    const t = testServer();
    expect(await t.send({ type: 'solicit', xid: 1, options: [iaNa(1)] })).toBeUndefined();
    expect(await t.send(t.client('solicit', [serverId, iaNa(1)]))).toBeUndefined();
    expect(t.server.stats.get('pkt6-drop-missing-client-id')).toBe(1);
    expect(t.server.stats.get('pkt6-drop-unexpected-server-id')).toBe(1);
    expect(t.server.stats.get('pkt6-receive-drop')).toBe(2);
  });

  it('§16.4 drops a Request without our Server Identifier', async () => {
    const t = testServer();
    expect(await t.send(t.client('request', [iaNa(1)]))).toBeUndefined();
    const other = { code: 2, name: 'serverid', value: { ...SERVER_DUID, hex: '0003000102000000dead', lladdr: '02000000dead' } };
    expect(await t.send(t.client('request', [other, iaNa(1)]))).toBeUndefined();
    expect(t.server.stats.get('pkt6-drop-server-id-mismatch')).toBe(1);
  });

  it('§16.3 drops messages only servers send, and counts undecodable packets', async () => {
    const t = testServer();
    expect(await t.send({ type: 'advertise', xid: 1, options: [] })).toBeUndefined();
    expect(await t.server.handle({ data: Buffer.from('01abcd0001ffff', 'hex'), source: 'fe80::1', sourcePort: 546, iface: 'eth0', unicast: false })).toBeUndefined();
    expect(t.server.stats.get('pkt6-drop-not-for-server')).toBe(1);
    expect(t.server.stats.get('pkt6-parse-failed')).toBe(1);
  });

  it('§16.12 drops an Information-request that carries an IA', async () => {
    const t = testServer();
    expect(await t.send(t.client('information-request', [iaNa(1)]))).toBeUndefined();
    expect(t.server.stats.get('pkt6-drop-ia-in-information-request')).toBe(1);
  });
});

describe('RFC 8415 §18.3.1 Solicit', () => {
  it('advertises an address and a prefix without committing them', async () => {
    const t = testServer();
    const adv = cs(await t.send(t.client('solicit', [iaNa(1), iaPd(2, '::/56'), oro(23)])));
    expect(adv?.type).toBe('advertise');
    expect(iaAddresses(adv)[0]).toMatch(/^2001:db8:1::1[0-9a-f]{2}$/);
    expect(iaAddresses(adv, 'ia-pd')[0]).toMatch(/^2001:db8:80(00|00:[0-9a-f]{1,2}00)::\/56$|^2001:db8:8000:[0-9a-f]{1,4}::\/56$/);
    expect(opt(adv, 'serverid')?.value).toEqual(SERVER_DUID);
    expect(opt(adv, 'clientid')?.value).toEqual(CLIENT_DUID);
    expect(opt(adv, 'dns-servers')?.value).toEqual(['2001:db8::53']);
    expect(await t.store.getByDuid(CLIENT_DUID.hex)).toEqual([]);
  });

  it('§21.14 answers with a committed Reply when both sides want Rapid Commit', async () => {
    const t = testServer(testConfig({ 'rapid-commit': true }));
    const reply = cs(await t.send(t.client('solicit', [iaNa(1), rapid])));
    expect(reply?.type).toBe('reply');
    expect(opt(reply, 'rapid-commit')).toBeDefined();
    const leases = await t.store.getByDuid(CLIENT_DUID.hex);
    expect(leases.map((l) => l.address)).toEqual(iaAddresses(reply));
  });

  it('ignores Rapid Commit when the server is not configured for it', async () => {
    const t = testServer();
    expect(cs(await t.send(t.client('solicit', [iaNa(1), rapid])))?.type).toBe('advertise');
  });

  it('only sends options the client asked for in its ORO (§18.3)', async () => {
    const t = testServer();
    expect(opt(cs(await t.send(t.client('solicit', [iaNa(1)]))), 'dns-servers')).toBeUndefined();
  });

  it('drops a Solicit from a link with no subnet', async () => {
    const t = testServer();
    expect(await t.send(t.client('solicit', [iaNa(1)]), { iface: 'eth9' })).toBeUndefined();
    expect(t.server.stats.get('pkt6-drop-no-subnet')).toBe(1);
  });
});

describe('RFC 8415 §18.3.2 Request', () => {
  it('commits the advertised address before the Reply and gives T1/T2 and lifetimes from config', async () => {
    const t = testServer();
    const adv = cs(await t.send(t.client('solicit', [iaNa(1)])));
    const offered = iaAddresses(adv)[0]!;
    const reply = cs(await t.send(t.client('request', [serverId, iaNa(1, offered)])));
    expect(reply?.type).toBe('reply');
    expect(iaAddresses(reply)).toEqual([offered]);
    const ia = opt(reply, 'ia-na')!.value as { t1: number; t2: number; options: Option[] };
    expect([ia.t1, ia.t2]).toEqual([1000, 2000]);
    expect(ia.options[0]!.value).toMatchObject({ preferredLifetime: 3000, validLifetime: 4000 });
    const [lease] = await t.store.getByDuid(CLIENT_DUID.hex);
    expect(lease).toMatchObject({ type: 'na', address: offered, iaid: 1, subnetId: 1, state: 'assigned', expiresAt: t.clock.now + 4000, hwaddr: '020000000001' });
  });

  it('gives the same lease again to the same IA', async () => {
    const t = testServer();
    const first = iaAddresses(cs(await t.send(t.client('request', [serverId, iaNa(7)]))));
    const again = iaAddresses(cs(await t.send(t.client('request', [serverId, iaNa(7)]))));
    expect(again).toEqual(first);
    expect(await t.store.getByDuid(CLIENT_DUID.hex)).toHaveLength(1);
  });

  it('serves several IAs in one message (RFC 7550 behaviour): what can be given, status for the rest', async () => {
    const t = testServer(
      testConfig({
        subnets: [{ id: 1, subnet: '2001:db8:1::/64', interface: 'eth0', pools: [{ pool: '2001:db8:1::100-2001:db8:1::100' }] }],
      }),
    );
    const reply = cs(await t.send(t.client('request', [serverId, iaNa(1), iaNa(2), iaPd(3)])));
    const ias = reply!.options.filter((o) => o.name === 'ia-na' || o.name === 'ia-pd');
    expect(ias).toHaveLength(3);
    expect(iaAddresses({ ...reply!, options: [ias[0]!] })).toEqual(['2001:db8:1::100']);
    expect(iaStatus({ ...reply!, options: [ias[1]!] })).toBe('NoAddrsAvail');
    expect(iaStatus(reply, 'ia-pd')).toBe('NoPrefixAvail');
  });

  it('never gives one address to two clients', async () => {
    const t = testServer(
      testConfig({ subnets: [{ id: 1, subnet: '2001:db8:1::/64', interface: 'eth0', pools: [{ pool: '2001:db8:1::100-2001:db8:1::10f' }] }] }),
    );
    const seen = new Set<string>();
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const duid = { type: 'LL' as const, hwtype: 1, lladdr: `0200000001${i.toString(16).padStart(2, '0')}`, hex: `000300010200000001${i.toString(16).padStart(2, '0')}` };
        return t.send(t.client('request', [serverId, iaNa(1)], duid));
      }),
    );
    let granted = 0;
    for (const r of replies) {
      for (const a of iaAddresses(cs(r))) {
        expect(seen.has(a)).toBe(false);
        seen.add(a);
        granted++;
      }
    }
    expect(granted).toBe(16);
  });
});

describe('RFC 8415 §18.3.4 Renew and §18.3.5 Rebind', () => {
  it('extends the lease and moves its expiry', async () => {
    const t = testServer();
    const addr = iaAddresses(cs(await t.send(t.client('request', [serverId, iaNa(1), iaPd(2)]))))[0]!;
    t.clock.now += 1000;
    const reply = cs(await t.send(t.client('renew', [serverId, iaNa(1, addr), iaPd(2)])));
    expect(iaAddresses(reply)).toEqual([addr]);
    const leases = await t.store.getByDuid(CLIENT_DUID.hex);
    expect(leases.every((l) => l.expiresAt === t.clock.now + 4000)).toBe(true);
    t.clock.now += 1000;
    const rebound = cs(await t.send(t.client('rebind', [iaNa(1, addr)])));
    expect(iaAddresses(rebound)).toEqual([addr]);
  });

  it('gives lifetimes 0 to an address the client lists that is not its own', async () => {
    const t = testServer();
    const addr = iaAddresses(cs(await t.send(t.client('request', [serverId, iaNa(1)]))))[0]!;
    const reply = cs(await t.send(t.client('renew', [serverId, iaNa(1, addr, '2001:db8:1::ffff')])));
    const ia = opt(reply, 'ia-na')!.value as { options: Option[] };
    const stale = ia.options.find((o) => (o.value as { address: string }).address === '2001:db8:1::ffff')!;
    expect(stale.value).toMatchObject({ preferredLifetime: 0, validLifetime: 0 });
  });

  it('creates a binding for an IA the server has none for', async () => {
    const t = testServer();
    const reply = cs(await t.send(t.client('rebind', [iaNa(4)])));
    expect(iaAddresses(reply)).toHaveLength(1);
    expect(await t.store.getByDuid(CLIENT_DUID.hex)).toHaveLength(1);
  });
});

describe('RFC 8415 §18.3.7 Release and §18.3.8 Decline', () => {
  it('releases, frees the address, and says NoBinding for an IA it does not know', async () => {
    const t = testServer();
    const addr = iaAddresses(cs(await t.send(t.client('request', [serverId, iaNa(1)]))))[0]!;
    const reply = cs(await t.send(t.client('release', [serverId, iaNa(1, addr), iaNa(9, '2001:db8:1::150')])));
    expect((opt(reply, 'status-code')?.value as { status: string }).status).toBe('Success');
    expect(iaStatus(reply)).toBe('NoBinding');
    const [lease] = await t.store.getByDuid(CLIENT_DUID.hex);
    expect(lease?.state).toBe('reclaimed');
  });

  it('quarantines a declined address for the probation period', async () => {
    const t = testServer();
    const addr = iaAddresses(cs(await t.send(t.client('request', [serverId, iaNa(1)]))))[0]!;
    await t.send(t.client('decline', [serverId, iaNa(1, addr)]));
    const lease = await t.store.get('na', addr);
    expect(lease).toMatchObject({ state: 'declined', expiresAt: t.clock.now + 86400 });
    expect(t.server.stats.get('subnet[1].declined-addresses')).toBe(1);
  });
});

describe('RFC 8415 §18.3.3 Confirm', () => {
  it('says Success for on-link addresses, NotOnLink otherwise, and nothing without addresses', async () => {
    const t = testServer();
    const ok = cs(await t.send(t.client('confirm', [iaNa(1, '2001:db8:1::123')])));
    expect((opt(ok, 'status-code')?.value as { status: string }).status).toBe('Success');
    const moved = cs(await t.send(t.client('confirm', [iaNa(1, '2001:db8:99::1')])));
    expect((opt(moved, 'status-code')?.value as { status: string }).status).toBe('NotOnLink');
    expect(await t.send(t.client('confirm', [iaNa(1)]))).toBeUndefined();
  });
});

describe('RFC 8415 §18.3.6 Information-request', () => {
  it('answers with configuration only', async () => {
    const t = testServer();
    const reply = cs(await t.send(t.client('information-request', [oro(23)])));
    expect(reply?.type).toBe('reply');
    expect(opt(reply, 'dns-servers')?.value).toEqual(['2001:db8::53']);
    expect(reply!.options.some((o) => o.name === 'ia-na')).toBe(false);
  });
});

describe('RFC 8415 §18.4 unicast', () => {
  it('answers a unicast Request with UseMulticast', async () => {
    const t = testServer();
    const reply = cs(await t.send(t.client('request', [serverId, iaNa(1)]), { unicast: true, source: '2001:db8:1::77' }));
    expect((opt(reply, 'status-code')?.value as { status: string }).status).toBe('UseMulticast');
    expect(reply!.options.map((o) => o.name)).toEqual(['serverid', 'clientid', 'status-code']);
    expect(await t.store.getByDuid(CLIENT_DUID.hex)).toEqual([]);
  });
});

describe('RFC 8415 §19 relays', () => {
  const relayed = (inner: Message6, link = '2001:db8:2::1', hops = 1): Message6 => {
    let m = inner;
    for (let i = hops - 1; i >= 0; i--) {
      m = {
        type: 'relay-forw',
        hopCount: i,
        linkAddress: i === hops - 1 ? link : '::',
        peerAddress: `fe80::${i + 10}`,
        options: [{ code: 18, name: 'interface-id', value: `0${i}` }, { code: 9, name: 'relay-msg', value: m }],
      };
    }
    return m;
  };

  it('selects the subnet by the innermost link-address and echoes every Interface-ID', async () => {
    const t = testServer();
    const out = await t.send(relayed(t.client('solicit', [iaNa(1)]), '2001:db8:2::1', 3), { source: '2001:db8:ffff::1', sourcePort: 547, iface: undefined });
    let m = out!;
    for (let i = 0; i < 3; i++) {
      expect(m.type).toBe('relay-repl');
      expect(opt(m as { options: Option[] }, 'interface-id')?.value).toBe(`0${i}`);
      m = opt(m as { options: Option[] }, 'relay-msg')!.value as Message6;
    }
    expect(m.type).toBe('advertise');
    expect(iaAddresses(cs(m))[0]).toMatch(/^2001:db8:2::/);
  });

  it('selects by a link-address inside a subnet when no relay address matches', async () => {
    const t = testServer();
    const out = await t.send(relayed(t.client('solicit', [iaNa(1)]), '2001:db8:1::9'), { source: '2001:db8:ffff::1', sourcePort: 547 });
    const inner = opt(out as { options: Option[] }, 'relay-msg')!.value as ClientServerMessage6;
    expect(iaAddresses(inner)[0]).toMatch(/^2001:db8:1::1/);
  });
});

describe('options from config, most specific wins (global < subnet < pool < reservation)', () => {
  const levels = testConfig({
    'option-data': [
      { name: 'dns-servers', value: ['2001:db8::53'] },
      { name: 'domain-search', value: ['global.example.'] },
      { name: 'sntp-servers', value: ['2001:db8::123'] },
      { name: 'information-refresh-time', value: 3600 },
    ],
    subnets: [
      {
        id: 1,
        subnet: '2001:db8:1::/64',
        interface: 'eth0',
        'option-data': [{ name: 'domain-search', value: ['subnet.example.'] }],
        pools: [{ pool: '2001:db8:1::100-2001:db8:1::1ff', 'option-data': [{ name: 'dns-servers', value: ['2001:db8:1::53'] }] }],
        reservations: [{ duid: '00:03:00:01:02:00:00:00:00:09', 'ip-addresses': ['2001:db8:1::99'], 'option-data': [{ name: 'sntp-servers', value: ['2001:db8:1::123'] }] }],
      },
    ],
  });

  it('merges the levels for a dynamic lease', async () => {
    const t = testServer(levels);
    const reply = cs(await t.send(t.client('request', [serverId, iaNa(1), oro(23, 24, 31, 32)])));
    expect(opt(reply, 'dns-servers')?.value).toEqual(['2001:db8:1::53']);
    expect(opt(reply, 'domain-search')?.value).toEqual(['subnet.example.']);
    expect(opt(reply, 'sntp-servers')?.value).toEqual(['2001:db8::123']);
    // RFC 8415 §21.23: information-refresh-time only answers an Information-request.
    expect(opt(reply, 'information-refresh-time')).toBeUndefined();
  });

  it('gives a reserved client its address and its own options', async () => {
    const t = testServer(levels);
    const duid = { type: 'LL' as const, hwtype: 1, lladdr: '020000000009', hex: '00030001020000000009' };
    const reply = cs(await t.send(t.client('request', [serverId, iaNa(1), oro(23, 24, 31)], duid)));
    expect(iaAddresses(reply)).toEqual(['2001:db8:1::99']);
    expect(opt(reply, 'sntp-servers')?.value).toEqual(['2001:db8:1::123']);
    expect(opt(reply, 'domain-search')?.value).toEqual(['subnet.example.']);
  });

  it('sends information-refresh-time in the Reply to Information-request (§21.23)', async () => {
    const t = testServer(levels);
    const reply = cs(await t.send(t.client('information-request', [oro(32)])));
    expect(opt(reply, 'information-refresh-time')?.value).toBe(3600);
  });
});

describe("Kea's per-subnet lease gauges", () => {
  it('follow leases through assign, decline, release and reclaim', async () => {
    const t = testServer();
    const g = (n: string) => t.server.stats.get(`subnet[1].${n}`);
    const a = iaAddresses(cs(await t.send(t.client('request', [serverId, iaNa(1), iaPd(2)]))))[0]!;
    expect([g('assigned-nas'), g('assigned-pds')]).toEqual([1, 1]);
    await t.send(t.client('decline', [serverId, iaNa(1, a)]));
    expect([g('assigned-nas'), g('declined-addresses')]).toEqual([0, 1]);
    const p = (await t.store.getByDuid(CLIENT_DUID.hex)).find((l) => l.type === 'pd')!.address;
    await t.send(t.client('release', [serverId, iaPd(2, p)]));
    expect(g('assigned-pds')).toBe(0);
  });
});

describe('RFC 8415 §18.3.4: Renew with no binding', () => {
  it('grants anew and returns the addresses the client still lists with lifetimes 0', async () => {
    const t = testServer();
    const reply = cs(await t.send(t.client('renew', [serverId, iaNa(5, '2001:db8:1::77')])));
    const ia = opt(reply, 'ia-na')!.value as { options: Option[] };
    const old = ia.options.find((o) => (o.value as { address: string }).address === '2001:db8:1::77')!;
    expect(old.value).toMatchObject({ preferredLifetime: 0, validLifetime: 0 });
    expect(ia.options.filter((o) => (o.value as { validLifetime: number }).validLifetime > 0)).toHaveLength(1);
  });
});
