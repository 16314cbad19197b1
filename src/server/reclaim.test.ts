import { describe, expect, it } from 'vitest';
import type { ClientServerMessage6 } from '../protocol/index.js';
import { iaAddresses, iaNa, serverId, testConfig, testServer, CLIENT_DUID } from './testing.js';
import { markLiveLeases, reclaimExpired } from './reclaim.js';
import { buildModel } from './model.js';
import { loadConfig } from '../config/validate.js';

const onePool = testConfig({ subnets: [{ id: 1, subnet: '2001:db8:1::/64', interface: 'eth0', pools: [{ pool: '2001:db8:1::100-2001:db8:1::100' }] }] });

describe('expired leases are reclaimed on a timer', () => {
  it('frees the address of an expired lease for the next client', async () => {
    const t = testServer(onePool);
    const other = { type: 'LL' as const, hwtype: 1, lladdr: '020000000002', hex: '00030001020000000002' };
    expect(iaAddresses((await t.send(t.client('request', [serverId, iaNa(1)]))) as ClientServerMessage6)).toEqual(['2001:db8:1::100']);
    expect(iaAddresses((await t.send(t.client('request', [serverId, iaNa(1)], other))) as ClientServerMessage6)).toEqual([]);
    t.clock.now += 4001;
    expect(await reclaimExpired(t.store, t.server.model, t.server.stats, t.clock.now)).toBe(1);
    expect(t.server.stats.get('subnet[1].reclaimed-leases')).toBe(1);
    expect((await t.store.get('na', '2001:db8:1::100'))?.state).toBe('reclaimed');
    expect(iaAddresses((await t.send(t.client('request', [serverId, iaNa(1)], other))) as ClientServerMessage6)).toEqual(['2001:db8:1::100']);
  });

  it('leaves a lease alone that is not yet expired', async () => {
    const t = testServer(onePool);
    await t.send(t.client('request', [serverId, iaNa(1)]));
    t.clock.now += 3999;
    expect(await reclaimExpired(t.store, t.server.model, t.server.stats, t.clock.now)).toBe(0);
  });

  it('marks live leases taken when a model is rebuilt (restart, reload)', async () => {
    const t = testServer(onePool);
    await t.send(t.client('request', [serverId, iaNa(1)]));
    const r = loadConfig(onePool);
    if (!r.ok) throw new Error('config');
    const fresh = buildModel(r.config, r.codec);
    expect(await markLiveLeases(t.store, fresh)).toBe(1);
    expect(fresh.subnets[0]!.pools[0]!.pool.slots.used).toBe(1);
    expect((await t.store.getByDuid(CLIENT_DUID.hex)).length).toBe(1);
  });
});
