/**
 * Lease store benchmark (a script, not a test):
 *  1. commits/s of single-lease commits at each durability, with 1, 16 and
 *     256 callers in flight (group commit merges what one turn asks for);
 *  2. scale: 1,000,000 leases inserted in batches, then a fresh process
 *     opens the file and pages through all of them, as the allocator does at
 *     startup, and reports the time and its resident memory.
 * Usage: node --import ./src/store/testing/register-ts.mjs src/store/bench-store6.ts [--leases N] [--seconds S]
 */
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openSqliteLeaseStore6, type SqliteLeaseStore6 } from './sqlite/store6.js';
import { nthAddress } from './testing/leases.js';
import { TempDir } from './testing/tmpdb.js';
import type { Durability, Lease6 } from './types.js';

const arg = (name: string, dflt: number) => Number(process.argv[process.argv.indexOf(name) + 1] || dflt) || dflt;
const LEASES = arg('--leases', 1_000_000);
const SECONDS = arg('--seconds', 3);
const MiB = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;

/** Addresses made ahead of time: the bench measures the store, not nthAddress. */
const ADDRESSES: string[] = [];

function address(n: number): string {
  for (let i = ADDRESSES.length; i <= n; i++) ADDRESSES.push(nthAddress(i));
  return ADDRESSES[n]!;
}

/** A realistic row: DUID-LL from a MAC numbered n, 2001:db8::/64 addresses. */
function leaseNo(n: number): Lease6 {
  const mac = n.toString(16).padStart(12, '0');
  return {
    type: 'na', address: address(n), duid: `00030001${mac}`, iaid: n & 0xffff, subnetId: 1 + (n % 4),
    preferredLifetime: 3600, validLifetime: 7200, cltt: 1_700_000_000 + (n % 3600), expiresAt: 1_700_007_200 + (n % 3600),
    state: 'assigned', hwaddr: mac,
  };
}

async function commitRate(durability: Durability, callers: number): Promise<void> {
  const dir = new TempDir();
  const store = openSqliteLeaseStore6({ path: dir.file(), durability });
  address(100_000 * SECONDS);
  let next = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const caller = async () => {
    while (performance.now() < deadline) await store.commit([{ op: 'insert', lease: leaseNo(next++) }]);
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: callers }, caller));
  const s = (performance.now() - start) / 1000;
  const { groups, jobs } = store.groupStats;
  console.log(`${durability.padEnd(8)} ${String(callers).padStart(4)} callers  ${(jobs / s).toFixed(0).padStart(7)} commits/s  ${(groups / s).toFixed(0).padStart(6)} transactions/s  ${(jobs / groups).toFixed(1).padStart(6)} leases/transaction`);
  await store.close();
  dir.remove();
}

async function fill(path: string): Promise<void> {
  const store = openSqliteLeaseStore6({ path });
  const start = performance.now();
  for (let n = 0; n < LEASES; ) {
    const batch = [];
    for (const end = Math.min(n + 10_000, LEASES); n < end; n++) batch.push({ op: 'insert' as const, lease: leaseNo(n) });
    await store.commit(batch);
  }
  await store.close();
  console.log(`insert ${LEASES} leases in batches of 10,000: ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return ((u.user + u.system) / 1e6).toFixed(2);
};

/** Page through everything with `page` (full leases) or `pageLive`; report time, CPU and peak RSS. */
async function scan(store: SqliteLeaseStore6, how: 'page' | 'pageLive'): Promise<void> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let count = 0;
  let peak = 0;
  for (let after: string | undefined, rows: { address: string }[]; (rows = await store[how](after, 10_000)).length > 0; after = rows.at(-1)!.address) {
    count += rows.length;
    peak = Math.max(peak, process.memoryUsage.rss());
  }
  const s = ((performance.now() - start) / 1000).toFixed(2);
  console.log(`${how.padEnd(8)} through ${count} leases: ${s} s (CPU ${cpuSeconds(cpu)} s); peak RSS ${MiB(peak)}`);
}

/** Run in a fresh process, so its memory is that of a restarted server's store. */
async function load(path: string): Promise<void> {
  const t0 = performance.now();
  const store = openSqliteLeaseStore6({ path });
  console.log(`restart: open ${(performance.now() - t0).toFixed(0)} ms`);
  await scan(store, 'pageLive');
  await scan(store, 'page');
  const keys = Array.from({ length: 100_000 }, (_, i) => address((i * 7919) % LEASES));
  const t1 = performance.now();
  for (const a of keys) await store.get('na', a);
  const t2 = performance.now();
  const counts = await store.countByState();
  const t3 = performance.now();
  await store.close();
  console.log(`get by address ${(((t2 - t1) / keys.length) * 1000).toFixed(1)} µs; countByState (${counts.length} groups) ${(t3 - t2).toFixed(0)} ms`);
}

async function main(): Promise<void> {
  if (process.argv[2] === 'load') return load(process.argv[3]!);
  console.log(`node ${process.version}; ${SECONDS} s per row; databases under ${tmpdir()}`);
  for (const durability of ['process', 'power'] as const) for (const callers of [1, 16, 256]) await commitRate(durability, callers);
  const dir = new TempDir();
  try {
    await fill(dir.file());
    execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'load', dir.file(), '--leases', String(LEASES)], { stdio: 'inherit' });
  } finally {
    dir.remove();
  }
}

await main();
