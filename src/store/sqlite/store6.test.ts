import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeLeaseStore6 } from '../testing/contract6.js';
import { LeaseConflictError, StoreOverloadError } from '../errors.js';
import { DUID_B, lease6 } from '../testing/leases.js';
import { TempDir } from '../testing/tmpdb.js';
import { openSqliteLeaseStore6 } from './store6.js';

let dir: TempDir | undefined;

describeLeaseStore6('sqlite', {
  open: () => openSqliteLeaseStore6({ path: (dir = new TempDir()).file() }),
  cleanup: () => dir?.remove(),
});

describe('SqliteLeaseStore6', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = new TempDir();
  });
  afterEach(() => tmp.remove());

  it('keeps leases across a restart', async () => {
    const l = lease6({ userContext: { x: 1 } });
    const first = openSqliteLeaseStore6({ path: tmp.file(), durability: 'power' });
    await first.commit([{ op: 'insert', lease: l }]);
    await first.close();
    const again = openSqliteLeaseStore6({ path: tmp.file() });
    expect(await again.get('na', l.address)).toStrictEqual(l);
    await again.close();
  });

  it('commits on close what was still queued', async () => {
    const store = openSqliteLeaseStore6({ path: tmp.file() });
    const done = store.commit([{ op: 'insert', lease: lease6() }]);
    await store.close();
    await done;
    const again = openSqliteLeaseStore6({ path: tmp.file() });
    expect(await again.get('na', '2001:db8::1')).toBeDefined();
    await again.close();
  });

  it('merges the commits of one event-loop turn into one transaction', async () => {
    const store = openSqliteLeaseStore6({ path: tmp.file() });
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.commit([{ op: 'insert', lease: lease6({ address: `2001:db8::${i + 1}` }) }])));
    expect(store.groupStats).toEqual({ groups: 1, jobs: 50 });
    await store.close();
  });

  it('fails only the conflicting caller in a group; the others commit', async () => {
    const store = openSqliteLeaseStore6({ path: tmp.file() });
    await store.commit([{ op: 'insert', lease: lease6() }]);
    const results = await Promise.allSettled([
      store.commit([{ op: 'insert', lease: lease6({ address: '2001:db8::2' }) }]),
      store.commit([{ op: 'insert', lease: lease6({ address: '2001:db8::3', duid: DUID_B }) }, { op: 'insert', lease: lease6({ duid: DUID_B }) }]),
      store.commit([{ op: 'insert', lease: lease6({ address: '2001:db8::4' }) }]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(LeaseConflictError);
    expect((await store.page(undefined, 10)).map((l) => l.address)).toEqual(['2001:db8::1', '2001:db8::2', '2001:db8::4']);
    expect(store.groupStats).toEqual({ groups: 2, jobs: 4 });
    await store.close();
  });

  it('sheds commits beyond maxPending waiting changes', async () => {
    const store = openSqliteLeaseStore6({ path: tmp.file(), maxPending: 2 });
    const ok = store.commit([{ op: 'insert', lease: lease6() }, { op: 'insert', lease: lease6({ address: '2001:db8::2' }) }]);
    await expect(store.commit([{ op: 'insert', lease: lease6({ address: '2001:db8::3' }) }])).rejects.toBeInstanceOf(StoreOverloadError);
    await ok;
    await store.close();
  });
});
