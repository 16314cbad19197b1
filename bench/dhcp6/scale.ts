import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { allocationRates } from './alloc-rate.js';
import type { BenchArgs } from './args.js';
import { FREE_EVERY, fillPool } from './fill.js';
import { MODES, perfdhcp, probe, type PerfResult } from './perfdhcp.js';
import { SERVE } from './params.js';
import { fmt, markdownTable, median } from './report.js';
import { startServer } from './servers.js';

interface ScaleCase {
  label: string;
  /** Start from the filled database, or from none. */
  filled: boolean;
  pool: string;
}

interface ScaleRun {
  listeningS: number;
  servingS: number;
  rssKiB: number;
  peakKiB: number;
  alloc: PerfResult;
  cpuUsPerExchange: number;
}

/**
 * Fulmar with a big store: a pool of 2^k addresses is filled to 99 %
 * (at least --leases live leases) through the store API. Then, for an empty
 * store, for the full store with perfdhcp drawing from another (empty) pool,
 * and for the full store with perfdhcp drawing from the 99 % pool: start the
 * server and time it until it listens and until it answers a Solicit, read
 * its resident memory, and allocate at the load rate.
 */
export async function scaleSection(a: BenchArgs, workDir: string, progress: (line: string) => void): Promise<string> {
  const bits = Math.ceil(Math.log2(a.leases / (1 - 1 / FREE_EVERY)));
  const size = 2 ** bits;
  const busyPool = `2001:db8:1:0:1::/${128 - bits}`;
  const cases: ScaleCase[] = [
    { label: 'empty store, empty pool', filled: false, pool: busyPool },
    { label: 'full store, another (empty) pool', filled: true, pool: `2001:db8:1:0:2::/${128 - bits}` },
    { label: 'full store, pool 99 % used', filled: true, pool: busyPool },
  ];
  mkdirSync(workDir, { recursive: true });
  const filledDb = join(workDir, 'filled.sqlite');
  const t0 = performance.now();
  const leases = await fillPool(filledDb, busyPool, SERVE.subnetId);
  const fillS = (performance.now() - t0) / 1000;
  progress(`scale: ${leases} leases written in ${fillS.toFixed(1)} s`);

  // Few enough exchanges that the 99 % pool cannot run dry mid-run.
  const seconds = a.quick ? 3 : 4;
  const count = Math.min(a.loadRate * seconds, Math.floor(0.8 * (size / FREE_EVERY)));
  const runs = new Map<ScaleCase, ScaleRun[]>(cases.map((c) => [c, []]));
  for (let round = 0; round < a.rounds; round++) {
    for (const c of cases) {
      const dir = join(workDir, `r${round}-${cases.indexOf(c)}`);
      mkdirSync(dir, { recursive: true });
      if (c.filled) copyFileSync(filledDb, join(dir, 'leases6.sqlite'));
      const r = await scaleRun(dir, c, a.loadRate, seconds, count);
      runs.get(c)!.push(r);
      progress(`scale round ${round + 1} ${c.label.padEnd(34)} listening ${r.listeningS.toFixed(2)} s, serving ${r.servingS.toFixed(2)} s, RSS ${fmt.mib(r.rssKiB)} (peak ${fmt.mib(r.peakKiB)}), ${Math.round(r.alloc.exchangesPerSecond)} exch/s, ${r.cpuUsPerExchange.toFixed(0)} CPU µs/exch, avg ${r.alloc.latency.avg.toFixed(2)} ms`);
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const table = markdownTable(
    ['Case', 'listening after', 'first Advertise after', 'RSS serving', 'peak RSS', `exch/s at ${a.loadRate}/s`, 'loss', 'avg ms', 'server CPU µs/exch'],
    cases.map((c) => {
      const rs = runs.get(c)!;
      const med = (f: (r: ScaleRun) => number) => median(rs.map(f));
      return [
        c.label,
        fmt.seconds(med((r) => r.listeningS)),
        fmt.seconds(med((r) => r.servingS)),
        fmt.mib(med((r) => r.rssKiB)),
        fmt.mib(med((r) => r.peakKiB)),
        fmt.rate(med((r) => r.alloc.exchangesPerSecond)),
        fmt.percent(med((r) => r.alloc.loss)),
        fmt.ms(med((r) => r.alloc.latency.avg)),
        fmt.rate(med((r) => r.cpuUsPerExchange)),
      ];
    }),
  );
  const rates = allocationRates(busyPool, count);
  const allocTable = markdownTable(
    ['Allocator', 'ns per allocation, empty pool', 'pool 99 % used', 'full ÷ empty'],
    rates.map((r) => [r.allocator, r.emptyNs.toFixed(0), r.fullNs.toFixed(0), (r.fullNs / r.emptyNs).toFixed(2)]),
  );
  return (
    `## Scale (Fulmar, durability process)\n\n` +
    `Full store: ${leases.toLocaleString('en-US')} live IA_NA leases filling a pool of 2^${bits} addresses to 99 % ` +
    `(written through the store API in batches of 10,000 in ${fillS.toFixed(1)} s). Times from spawning the server; ` +
    `allocation: ${count} exchanges (IA_NA, direct) offered at ${a.loadRate}/s; medians of ${a.rounds} round(s).\n\n${table}\n\n` +
    `The allocator alone (in-process, ${count} allocations from the pool of 2^${bits}, median of 5): the server CPU above also holds ` +
    `each lease's SQLite insert, which between existing rows of a full table splits a B-tree page where an empty pool appends.\n\n${allocTable}`
  );
}

async function scaleRun(dir: string, c: ScaleCase, rate: number, seconds: number, count: number): Promise<ScaleRun> {
  const t0 = performance.now();
  const server = await startServer('fulmar-process', dir, { params: { ...SERVE, pool: c.pool } });
  const listeningS = (performance.now() - t0) / 1000;
  try {
    while (!(await probe())) {
      if (performance.now() - t0 > 60_000) throw new Error(`${c.label}: no Advertise within 60 s`);
    }
    const servingS = (performance.now() - t0) / 1000;
    const { rssKiB } = server.memory();
    const cpu0 = server.cpuSeconds();
    const alloc = await perfdhcp(MODES[0]!, rate, seconds, { count });
    const cpuUsPerExchange = ((server.cpuSeconds() - cpu0) * 1e6) / alloc.completed;
    return { listeningS, servingS, rssKiB, peakKiB: server.memory().peakKiB, alloc, cpuUsPerExchange };
  } finally {
    await server.stop();
  }
}
