import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nthAddress } from '../testing/leases.js';
import { spawnTs } from '../testing/run-ts.js';
import { TempDir } from '../testing/tmpdb.js';
import { openSqliteLeaseStore6 } from './store6.js';
import type { Durability } from '../types.js';

const CHILD = fileURLToPath(new URL('../testing/crash-child.ts', import.meta.url));
/** Kill the child once it has announced this many leases. */
const ANNOUNCED = 3000;

describe('kill -9 during commits (invariant 4: durable before announced)', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = new TempDir();
  });
  afterEach(() => tmp.remove());

  it.each<Durability>(['process', 'power'])('loses no announced lease at durability %s', async (durability) => {
    const child = spawnTs(CHILD, [tmp.file(), durability, '200000']);
    const announced: number[] = [];
    let partial = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const l of lines) announced.push(Number(l));
      if (announced.length >= ANNOUNCED) child.kill('SIGKILL');
    });
    const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });

    const store = openSqliteLeaseStore6({ path: tmp.file() });
    const missing: number[] = [];
    for (const n of announced) if (!(await store.get('na', nthAddress(n)))) missing.push(n);
    const stored = (await store.page(undefined, 1_000_000)).length;
    await store.close();
    expect(missing).toEqual([]);
    expect(announced.length).toBeGreaterThanOrEqual(ANNOUNCED);
    expect(stored).toBeGreaterThanOrEqual(announced.length);
  });
});
