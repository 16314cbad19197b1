/**
 * What every LeaseStore6 must do, as one vitest suite run against each
 * implementation (memory/store6.test.ts, sqlite/store6.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LeaseConflictError, LeaseInvalidError, LeaseStaleError, StoreClosedError } from '../errors.js';
import { DUID_A, DUID_B, lease6, nthAddress } from './leases.js';
import type { Lease6, LeaseChange6, LeaseStore6 } from '../types.js';

export interface StoreFactory6 {
  open(): Promise<LeaseStore6> | LeaseStore6;
  /** Remove what open() left behind (files). */
  cleanup?(): void;
}

const insert = (lease: Lease6): LeaseChange6 => ({ op: 'insert', lease });
const update = (lease: Lease6, expect?: Lease6): LeaseChange6 => ({ op: 'update', lease, expect });

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.unreachable('the commit should have been refused'),
    (e: unknown) => e,
  );
}

export function describeLeaseStore6(name: string, factory: StoreFactory6): void {
  describe(`LeaseStore6 contract: ${name}`, () => {
    let store: LeaseStore6;
    beforeEach(async () => {
      store = await factory.open();
    });
    afterEach(async () => {
      await store.close();
      factory.cleanup?.();
    });

    describe('reading what was committed', () => {
      it('gets a lease by type and address, with every optional field', async () => {
        const l = lease6({ hwaddr: '000c29123456', hostname: 'cpe-1', userContext: { circuit: 'x', n: [1, { deep: true }] } });
        await store.commit([insert(l)]);
        expect(await store.get('na', l.address)).toStrictEqual(l);
        expect(await store.get('ta', l.address)).toBeUndefined();
        expect(await store.get('na', '2001:db8::2')).toBeUndefined();
      });

      it('stores a copy: changing the caller objects afterwards changes nothing', async () => {
        const l = lease6({ userContext: { a: 1 } });
        const done = store.commit([insert(l)]);
        l.iaid = 99;
        l.userContext!.a = 2;
        await done;
        const got = (await store.get('na', '2001:db8::1'))!;
        expect(got).toMatchObject({ iaid: 1, userContext: { a: 1 } });
        got.iaid = 7;
        expect((await store.get('na', '2001:db8::1'))!.iaid).toBe(1);
      });

      it('finds every lease of one IA, and of one client', async () => {
        await store.commit([
          insert(lease6({ address: '2001:db8::3' })),
          insert(lease6({ address: '2001:db8::2' })),
          insert(lease6({ address: '2001:db8::4', iaid: 2 })),
          insert(lease6({ type: 'pd', address: '2001:db8:100::/56' })),
          insert(lease6({ address: '2001:db8::5', duid: DUID_B })),
        ]);
        const ia = await store.getByClient(DUID_A, 1, 'na');
        expect(ia.map((l) => l.address)).toEqual(['2001:db8::2', '2001:db8::3']);
        expect((await store.getByClient(DUID_A, 1, 'pd')).map((l) => l.address)).toEqual(['2001:db8:100::/56']);
        expect(await store.getByClient(DUID_B, 1, 'ta')).toEqual([]);
        expect((await store.getByDuid(DUID_A)).map((l) => l.address)).toEqual(['2001:db8:100::/56', '2001:db8::2', '2001:db8::3', '2001:db8::4']);
      });
    });

    describe('one owner per address', () => {
      it('refuses a second live lease on an address, naming it and its holder, and rolls the batch back', async () => {
        await store.commit([insert(lease6())]);
        const e = await rejection(store.commit([insert(lease6({ address: '2001:db8::9', duid: DUID_B })), insert(lease6({ duid: DUID_B }))]));
        expect(e).toBeInstanceOf(LeaseConflictError);
        expect(e).toMatchObject({ code: 'LEASE_CONFLICT', address: '2001:db8::1', holder: { duid: DUID_A, iaid: 1 } });
        expect(await store.get('na', '2001:db8::9')).toBeUndefined();
        expect((await store.get('na', '2001:db8::1'))!.duid).toBe(DUID_A);
      });

      it('refuses an insert over a live lease of the same IA or another type: insert means new', async () => {
        await store.commit([insert(lease6())]);
        expect(await rejection(store.commit([insert(lease6())]))).toBeInstanceOf(LeaseConflictError);
        expect(await rejection(store.commit([insert(lease6({ type: 'ta', duid: DUID_B }))]))).toBeInstanceOf(LeaseConflictError);
      });

      it('treats a declined lease as live and a reclaimed one as free', async () => {
        await store.commit([insert(lease6({ state: 'declined' })), insert(lease6({ address: '2001:db8::2', state: 'reclaimed' }))]);
        expect(await rejection(store.commit([insert(lease6({ duid: DUID_B }))]))).toBeInstanceOf(LeaseConflictError);
        const taken = lease6({ address: '2001:db8::2', duid: DUID_B, iaid: 5 });
        await store.commit([insert(taken)]);
        expect(await store.get('na', '2001:db8::2')).toStrictEqual(taken);
      });

      it('refuses an update that takes a live lease from its owner, allows one that reuses a reclaimed lease', async () => {
        const a = lease6();
        await store.commit([insert(a)]);
        expect(await rejection(store.commit([update({ ...a, duid: DUID_B })]))).toBeInstanceOf(LeaseConflictError);
        expect(await rejection(store.commit([update({ ...a, iaid: 2 })]))).toBeInstanceOf(LeaseConflictError);
        await store.commit([update({ ...a, state: 'reclaimed' })]);
        await store.commit([update({ ...a, duid: DUID_B })]);
        expect((await store.get('na', a.address))!.duid).toBe(DUID_B);
      });

      it('keeps addresses and prefixes apart', async () => {
        await store.commit([insert(lease6({ address: '2001:db8::' })), insert(lease6({ type: 'pd', address: '2001:db8::/64', duid: DUID_B }))]);
        expect((await store.page(undefined, 10)).length).toBe(2);
      });
    });

    describe('updates and deletes', () => {
      it('renews a lease in place', async () => {
        const a = lease6();
        await store.commit([insert(a)]);
        const renewed = lease6({ cltt: a.cltt + 100, hostname: 'h' });
        await store.commit([update(renewed, a)]);
        expect(await store.get('na', a.address)).toStrictEqual(renewed);
        await store.commit([update(lease6({ cltt: a.cltt + 200 }))]);
        expect((await store.get('na', a.address))!.hostname).toBeUndefined();
      });

      it('refuses an update of a lease that is missing, of another type, or changed since it was read', async () => {
        const a = lease6();
        expect(await rejection(store.commit([update(a)]))).toBeInstanceOf(LeaseStaleError);
        await store.commit([insert(a)]);
        expect(await rejection(store.commit([update({ ...a, type: 'ta' })]))).toBeInstanceOf(LeaseStaleError);
        const renewed = lease6({ cltt: a.cltt + 100 });
        await store.commit([update(renewed, a)]);
        // The reclaim timer read `a` before the renewal: its reclaim must not undo the renewal.
        const e = await rejection(store.commit([update({ ...a, state: 'reclaimed' }, a)]));
        expect(e).toMatchObject({ code: 'LEASE_STALE', address: a.address });
        expect(await store.get('na', a.address)).toStrictEqual(renewed);
      });

      it('deletes; a missing lease is fine unless the caller expected it', async () => {
        const a = lease6();
        await store.commit([insert(a), { op: 'delete', type: 'na', address: '2001:db8::7' }]);
        expect(await rejection(store.commit([{ op: 'delete', type: 'na', address: a.address, expect: { ...a, cltt: 1 } }]))).toBeInstanceOf(LeaseStaleError);
        await store.commit([{ op: 'delete', type: 'ta', address: a.address }]);
        expect(await store.get('na', a.address)).toBeDefined();
        await store.commit([{ op: 'delete', type: 'na', address: a.address, expect: a }]);
        expect(await store.get('na', a.address)).toBeUndefined();
        expect(await rejection(store.commit([{ op: 'delete', type: 'na', address: a.address, expect: a }]))).toBeInstanceOf(LeaseStaleError);
      });

      it('applies a batch in order, so later changes see earlier ones', async () => {
        const a = lease6();
        await store.commit([insert(a), update({ ...a, state: 'reclaimed' }), insert({ ...a, duid: DUID_B })]);
        expect((await store.get('na', a.address))!.duid).toBe(DUID_B);
      });

      it('takes an empty batch', async () => {
        await store.commit([]);
      });

      it('refuses invalid leases before anything is applied', async () => {
        const e = await rejection(store.commit([insert(lease6({ address: '2001:db8::2' })), insert(lease6({ address: '2001:DB8::1' }))]));
        expect(e).toBeInstanceOf(LeaseInvalidError);
        expect(await store.page(undefined, 10)).toEqual([]);
      });
    });

    describe('queries for the timer, statistics and the API', () => {
      it('lists live expired leases soonest first, up to a limit', async () => {
        await store.commit([
          insert(lease6({ address: '2001:db8::1', cltt: 300, validLifetime: 100 })),
          insert(lease6({ address: '2001:db8::2', cltt: 100, validLifetime: 100 })),
          insert(lease6({ address: '2001:db8::3', cltt: 200, validLifetime: 100, state: 'declined' })),
          insert(lease6({ address: '2001:db8::4', cltt: 0, validLifetime: 100, state: 'reclaimed' })),
          insert(lease6({ address: '2001:db8::5', cltt: 900, validLifetime: 100 })),
        ]);
        const expired = await store.listExpired(400, 10);
        expect(expired.map((l) => l.address)).toEqual(['2001:db8::2', '2001:db8::3']);
        expect((await store.listExpired(1000, 2)).map((l) => l.address)).toEqual(['2001:db8::2', '2001:db8::3']);
      });

      it('counts per subnet, type and state', async () => {
        await store.commit([
          insert(lease6({ address: '2001:db8::1' })),
          insert(lease6({ address: '2001:db8::2' })),
          insert(lease6({ address: '2001:db8::3', state: 'declined' })),
          insert(lease6({ type: 'pd', address: '2001:db8:1::/56', subnetId: 2 })),
        ]);
        const counts = await store.countByState();
        expect(counts.sort((a, b) => a.subnetId - b.subnetId || a.state.localeCompare(b.state))).toEqual([
          { subnetId: 1, type: 'na', state: 'assigned', count: 2 },
          { subnetId: 1, type: 'na', state: 'declined', count: 1 },
          { subnetId: 2, type: 'pd', state: 'assigned', count: 1 },
        ]);
      });

      it('pages through every lease exactly once', async () => {
        const all = Array.from({ length: 25 }, (_, i) => lease6({ address: nthAddress(i * 7919) }));
        await store.commit(all.map(insert));
        const seen: string[] = [];
        for (let after: string | undefined, page: Lease6[]; (page = await store.page(after, 10)).length > 0; after = page.at(-1)!.address) {
          expect(page.length).toBeLessThanOrEqual(10);
          seen.push(...page.map((l) => l.address));
        }
        expect(seen).toEqual(all.map((l) => l.address).sort());
      });

      it('pages through the live leases with the fields the allocator needs', async () => {
        await store.commit([
          insert(lease6({ address: '2001:db8::3', state: 'declined' })),
          insert(lease6({ address: '2001:db8::2', state: 'reclaimed' })),
          insert(lease6({ address: '2001:db8::1', subnetId: 7 })),
          insert(lease6({ type: 'pd', address: '2001:db8:1::/56' })),
        ]);
        expect(await store.pageLive(undefined, 2)).toStrictEqual([
          { type: 'pd', address: '2001:db8:1::/56', subnetId: 1, state: 'assigned' },
          { type: 'na', address: '2001:db8::1', subnetId: 7, state: 'assigned' },
        ]);
        expect(await store.pageLive('2001:db8::1', 2)).toStrictEqual([{ type: 'na', address: '2001:db8::3', subnetId: 1, state: 'declined' }]);
      });

      it('wipes one subnet or everything', async () => {
        await store.commit([insert(lease6({ address: '2001:db8::1' })), insert(lease6({ address: '2001:db8::2', subnetId: 2 }))]);
        expect(await store.wipe(2)).toBe(1);
        expect((await store.page(undefined, 10)).map((l) => l.address)).toEqual(['2001:db8::1']);
        expect(await store.wipe()).toBe(1);
        expect(await store.page(undefined, 10)).toEqual([]);
      });
    });

    it('rejects every call once closed', async () => {
      await store.close();
      await expect(store.get('na', '2001:db8::1')).rejects.toBeInstanceOf(StoreClosedError);
      await expect(store.commit([insert(lease6())])).rejects.toBeInstanceOf(StoreClosedError);
      await expect(store.page(undefined, 1)).rejects.toBeInstanceOf(StoreClosedError);
    });
  });
}
