/**
 * The process the crash test kills: commits one lease per call, many calls in
 * flight (so group commit merges them), and prints each lease's number only
 * after its commit resolved. Bounded in count and time in case no one kills it.
 * argv: database path, durability, how many leases at most.
 */
import { openSqliteLeaseStore6 } from '../sqlite/store6.js';
import { lease6, nthAddress } from './leases.js';
import type { Durability } from '../types.js';

const [path, durability, most] = process.argv.slice(2) as [string, Durability, string];
const store = openSqliteLeaseStore6({ path, durability });
const deadline = Date.now() + 20_000;
let next = 0;

async function worker(): Promise<void> {
  while (next < Number(most) && Date.now() < deadline) {
    const n = next++;
    await store.commit([{ op: 'insert', lease: lease6({ address: nthAddress(n), iaid: n }) }]);
    process.stdout.write(`${n}\n`);
  }
}

await Promise.all(Array.from({ length: 32 }, worker));
await store.close();
