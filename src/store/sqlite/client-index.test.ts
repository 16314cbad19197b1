import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryLeaseStore6 } from '../memory/store6.js';
import { lease6, nthAddress } from '../testing/leases.js';
import { TempDir } from '../testing/tmpdb.js';
import { hash31 } from './client-index.js';
import { openSqliteLeaseStore6 } from './store6.js';
import type { LeaseChange6, LeaseState, LeaseStore6, LeaseType6 } from '../types.js';

/** A small world, so random changes collide: 3 clients, 2 IAIDs, 4 addresses. */
const DUIDS = ['000300010000000000aa', '000300010000000000bb', '000300010000000000cc'];
const ADDRESSES = [0, 1, 2, 3].map(nthAddress);
const TYPES: LeaseType6[] = ['na', 'ta'];

const leaseArb = fc.record({
  duid: fc.constantFrom(...DUIDS),
  iaid: fc.constantFrom(1, 2),
  type: fc.constantFrom(...TYPES),
  address: fc.constantFrom(...ADDRESSES),
  subnetId: fc.constantFrom(1, 2),
  state: fc.constantFrom<LeaseState>('assigned', 'declined', 'reclaimed'),
});

const changeArb: fc.Arbitrary<LeaseChange6> = fc.oneof(
  leaseArb.map((l) => ({ op: 'insert' as const, lease: lease6(l) })),
  leaseArb.map((l) => ({ op: 'update' as const, lease: lease6(l) })),
  fc.record({ type: fc.constantFrom(...TYPES), address: fc.constantFrom(...ADDRESSES) }).map((k) => ({ op: 'delete' as const, ...k })),
);

type Step = { kind: 'commit'; changes: LeaseChange6[] } | { kind: 'wipe'; subnetId: number | undefined } | { kind: 'reopen' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.array(changeArb, { minLength: 1, maxLength: 3 }).map((changes) => ({ kind: 'commit' as const, changes })) },
  { weight: 1, arbitrary: fc.option(fc.constantFrom(1, 2), { nil: undefined }).map((subnetId) => ({ kind: 'wipe' as const, subnetId })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
);

/** What a store answers about every client: the view the ClientIndex must keep exact. */
async function view(store: LeaseStore6): Promise<unknown> {
  const out: unknown[] = [];
  for (const duid of DUIDS) {
    out.push(await store.getByDuid(duid));
    for (const iaid of [1, 2]) for (const type of TYPES) out.push(await store.getByClient(duid, iaid, type));
  }
  return out;
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: Error) => e.constructor.name,
  );

describe('SQLite client lookups through the in-memory ClientIndex', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = new TempDir();
  });
  afterEach(() => tmp.remove());

  it('answer as the Map-backed store does, after any sequence of commits, refusals, wipes and restarts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 25 }), async (steps) => {
        const path = tmp.file();
        const model = new MemoryLeaseStore6();
        let sqlite = openSqliteLeaseStore6({ path });
        await sqlite.wipe();
        try {
          for (const step of steps) {
            if (step.kind === 'reopen') {
              await sqlite.close();
              sqlite = openSqliteLeaseStore6({ path });
              continue;
            }
            const [a, b] =
              step.kind === 'wipe'
                ? await Promise.all([model.wipe(step.subnetId), sqlite.wipe(step.subnetId)])
                : await Promise.all([outcome(model.commit(step.changes)), outcome(sqlite.commit(step.changes))]);
            expect(b).toEqual(a);
            expect(await view(sqlite)).toEqual(await view(model));
            for (const duid of DUIDS) {
              const held = (await model.getByDuid(duid)).map((l) => l.address);
              expect([...sqlite.indexedAddresses(duid)].sort()).toEqual(held.sort());
            }
          }
        } finally {
          await sqlite.close();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is built from the table at the first lookup, including leases committed before it', async () => {
    const path = tmp.file();
    const first = openSqliteLeaseStore6({ path });
    await first.commit([{ op: 'insert', lease: lease6({ duid: DUIDS[0]!, address: ADDRESSES[1]! }) }]);
    await first.close();
    const store = openSqliteLeaseStore6({ path });
    await store.commit([{ op: 'insert', lease: lease6({ duid: DUIDS[0]!, address: ADDRESSES[0]! }) }]);
    expect((await store.getByDuid(DUIDS[0]!)).map((l) => l.address)).toEqual([ADDRESSES[0], ADDRESSES[1]]);
    await store.close();
  });

  it('keeps two DUIDs that share a hash apart: each gets only its own leases', async () => {
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let n = 0; !pair && n < 1_000_000; n++) {
      const duid = `00030001${n.toString(16).padStart(12, '0')}`;
      const other = seen.get(hash31(duid));
      if (other) pair = [other, duid];
      else seen.set(hash31(duid), duid);
    }
    const [a, b] = pair!;
    const store = openSqliteLeaseStore6({ path: tmp.file() });
    await store.getByDuid(a); // build the index first, so the commits below go through it
    await store.commit([
      { op: 'insert', lease: lease6({ duid: a, address: ADDRESSES[0]! }) },
      { op: 'insert', lease: lease6({ duid: b, address: ADDRESSES[1]! }) },
    ]);
    expect((await store.getByDuid(a)).map((l) => l.address)).toEqual([ADDRESSES[0]]);
    expect((await store.getByClient(b, 1, 'na')).map((l) => l.address)).toEqual([ADDRESSES[1]]);
    await store.commit([{ op: 'delete', type: 'na', address: ADDRESSES[0]! }]);
    expect(await store.getByDuid(a)).toEqual([]);
    expect((await store.getByDuid(b)).map((l) => l.address)).toEqual([ADDRESSES[1]]);
    await store.close();
  });
});
