import { describe, expect, it } from 'vitest';
import { sampleLease, startTestApi, type TestApi } from '../testing.js';
import { commandContract } from '../testing-contract.js';
import { leaseCommands } from './leases.js';

const DUID = '00:03:00:01:0a:0b:0c:0d:0e:0f';
const KEA_LEASE = {
  'ip-address': '2001:db8:1::10',
  'prefix-len': 128,
  type: 'IA_NA',
  duid: DUID,
  iaid: 7,
  'subnet-id': 1,
  'valid-lft': 3600,
  'preferred-lft': 1800,
  cltt: 1_700_000_000,
  state: 0,
  hostname: '',
  'fqdn-fwd': false,
  'fqdn-rev': false,
};
const PD = sampleLease({ type: 'pd', address: '2001:db8:f00::/56', subnetId: 2, iaid: 9 });

async function withLeases(t: TestApi): Promise<void> {
  await t.target.leases.commit([
    { op: 'insert', lease: sampleLease() },
    { op: 'insert', lease: sampleLease({ address: '2001:db8:2::20', subnetId: 2, duid: '000300010a0b0c0d0e10' }) },
    { op: 'insert', lease: PD },
  ]);
}

const leases = (r: { body: { arguments?: unknown } }) => (r.body.arguments as { leases: { 'ip-address': string }[] }).leases.map((l) => l['ip-address']);

commandContract('leases', leaseCommands, {
  'lease6-add': {
    args: { 'ip-address': '2001:DB8:1::0:5', duid: DUID, iaid: 1, 'valid-lft': 600, cltt: 1000, 'hw-address': '02:00:00:00:00:01', 'user-context': { a: 1 } },
    ok: async (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'Lease for address 2001:db8:1::5, subnet-id 1 added.' });
      expect(await t.target.leases.get('na', '2001:db8:1::5')).toEqual({
        type: 'na',
        address: '2001:db8:1::5',
        duid: '000300010a0b0c0d0e0f',
        iaid: 1,
        subnetId: 1,
        preferredLifetime: 600,
        validLifetime: 600,
        cltt: 1000,
        expiresAt: 1600,
        state: 'assigned',
        hwaddr: '020000000001',
        userContext: { a: 1 },
      });
    },
    bad: { args: { 'ip-address': '2001:db8:1::5', duid: DUID, iaid: 1, 'subnet-id': 7 }, text: 'arguments.subnet-id: no subnet 7 is configured' },
  },
  'lease6-get': {
    setup: withLeases,
    args: { 'ip-address': '2001:db8:1::10' },
    ok: (r) => expect(r.body).toEqual({ result: 0, text: 'IPv6 lease found.', arguments: KEA_LEASE }),
    bad: { args: { 'ip-address': '2001:db8::g' }, text: 'arguments.ip-address: not an IPv6 address' },
  },
  'lease6-get-all': {
    setup: withLeases,
    args: { subnets: [2] },
    ok: (r) => {
      expect(r.body.text).toBe('2 IPv6 lease(s) found.');
      expect(leases(r)).toEqual(['2001:db8:2::20', '2001:db8:f00::']);
    },
    bad: { args: { subnets: [1, 5] }, text: 'arguments.subnets[1]: no subnet 5 is configured' },
  },
  'lease6-get-page': {
    setup: withLeases,
    args: { from: 'start', limit: 2 },
    ok: (r) => {
      expect(r.body.text).toBe('2 IPv6 lease(s) found.');
      expect((r.body.arguments as { count: number }).count).toBe(2);
      expect(leases(r)).toEqual(['2001:db8:1::10', '2001:db8:2::20']);
    },
    bad: { args: { from: 'start', limit: 0 }, text: 'arguments.limit: must be at least 1' },
  },
  'lease6-get-by-duid': {
    setup: withLeases,
    args: { duid: DUID },
    ok: (r) => expect(leases(r)).toEqual(['2001:db8:1::10', '2001:db8:f00::']),
    bad: { args: { duid: '00:01' }, text: 'arguments.duid: not a DUID (3 to 130 bytes of hex, aa:bb:cc or aabbcc)' },
  },
  'lease6-update': {
    setup: withLeases,
    args: { 'ip-address': '2001:db8:1::10', duid: DUID, iaid: 7, 'valid-lft': 7200, cltt: 1_700_000_000, hostname: 'cpe.example.' },
    ok: async (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'IPv6 lease updated.' });
      const l = await t.target.leases.get('na', '2001:db8:1::10');
      expect(l).toMatchObject({ validLifetime: 7200, hostname: 'cpe.example.', expiresAt: 1_700_007_200 });
    },
    bad: { args: { 'ip-address': '2001:db8:1::10', duid: DUID, iaid: 7, 'valid-lft': 60, 'preferred-lft': 120 }, text: 'arguments.preferred-lft: 120 is longer than valid-lft 60' },
  },
  'lease6-del': {
    setup: withLeases,
    args: { 'ip-address': '2001:db8:f00::', type: 'IA_PD' },
    ok: async (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'IPv6 lease deleted.' });
      expect(await t.target.leases.get('pd', PD.address)).toBeUndefined();
    },
    bad: { args: { type: 'IA_PD' }, text: 'arguments: give ip-address, or identifier-type, identifier, iaid and subnet-id' },
  },
  'lease6-wipe': {
    setup: withLeases,
    args: { 'subnet-id': 2 },
    ok: async (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'Deleted 2 IPv6 lease(s) from subnet(s) 2' });
      expect((await t.target.leases.page(undefined, 10)).map((l) => l.address)).toEqual(['2001:db8:1::10']);
    },
    bad: { args: { 'subnet-id': 'all' }, text: 'arguments.subnet-id: must be a number' },
  },
});

describe('lease commands: details', () => {
  it('finds a lease by identifier, and says when there is none (result 3)', async () => {
    const t = await startTestApi();
    await withLeases(t);
    const q = { 'identifier-type': 'duid', identifier: DUID, iaid: 7, 'subnet-id': 1 };
    expect((await t.call('lease6-get', q)).body.arguments).toEqual(KEA_LEASE);
    expect((await t.call('lease6-get', { ...q, iaid: 8 })).body).toEqual({ result: 3, text: 'Lease not found.' });
    expect((await t.call('lease6-get', { identifier: DUID })).body.text).toBe(
      'arguments.identifier-type: required when ip-address is not given; arguments.iaid: required when ip-address is not given; arguments.subnet-id: required when ip-address is not given',
    );
    expect((await t.call('lease6-del', { 'ip-address': '2001:db8:1::99' })).body).toEqual({ result: 3, text: 'IPv6 lease not found.' });
    await t.close();
  });

  it('pages through every lease with from = the last ip-address, prefixes included', async () => {
    const t = await startTestApi();
    await withLeases(t);
    const seen: string[] = [];
    for (let from = 'start'; ; ) {
      const r = await t.call('lease6-get-page', { from, limit: 1 });
      if (r.body.result === 3) break;
      const got = leases(r);
      seen.push(...got);
      from = got[got.length - 1]!;
    }
    expect(seen).toEqual(['2001:db8:1::10', '2001:db8:2::20', '2001:db8:f00::']);
    await t.close();
  });

  it('adds a prefix lease, refusing host bits and a missing prefix-len', async () => {
    const t = await startTestApi();
    const pd = { 'ip-address': '2001:db8:f00::', type: 'IA_PD', duid: DUID, iaid: 3, 'subnet-id': 2 };
    expect((await t.call('lease6-add', pd)).body.text).toBe('arguments.prefix-len: required for IA_PD');
    expect((await t.call('lease6-add', { ...pd, 'prefix-len': 36 })).body.text).toBe('arguments.ip-address: 2001:db8:f00:: has bits set past /36');
    expect((await t.call('lease6-add', { ...pd, 'prefix-len': 56 })).body.text).toBe('Lease for prefix 2001:db8:f00::/56, subnet-id 2 added.');
    expect((await t.call('lease6-get', { 'ip-address': '2001:db8:f00::', type: 'IA_PD' })).body.arguments).toMatchObject({ 'prefix-len': 56, type: 'IA_PD' });
    await t.close();
  });

  it('refuses a second live lease on an address, naming the holder', async () => {
    const t = await startTestApi();
    await withLeases(t);
    const r = await t.call('lease6-add', { 'ip-address': '2001:db8:1::10', duid: '00:01:02:03', iaid: 1 });
    expect(r.body).toEqual({ result: 1, text: '2001:db8:1::10 is leased to duid 000300010a0b0c0d0e0f iaid 7' });
    await t.close();
  });

  it('needs a subnet for an address outside every subnet, and force-create adds on update', async () => {
    const t = await startTestApi();
    const l = { 'ip-address': '2001:db8:9::1', duid: DUID, iaid: 1 };
    expect((await t.call('lease6-add', l)).body.text).toBe('arguments.subnet-id: not given, and no configured subnet contains 2001:db8:9::1');
    expect((await t.call('lease6-update', { ...l, 'subnet-id': 1 })).body).toEqual({ result: 3, text: 'IPv6 lease not found.' });
    expect((await t.call('lease6-update', { ...l, 'subnet-id': 1, 'force-create': true })).body.result).toBe(0);
    await t.close();
  });
});
