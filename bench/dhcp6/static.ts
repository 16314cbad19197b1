import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsvAssignmentSource } from '../../src/store/assignments/csv.js';
import { NET } from './params.js';
import { perfdhcp, type Mode, type PerfResult } from './perfdhcp.js';
import { FIXED_CLIENT_ARGS } from './perfdhcp-clients.js';
import { NsProcess } from './proc.js';
import { untilListening } from './servers.js';
import { checkLeases, type LeaseCheck } from './static-check.js';
import { staticBenchConfig, type StaticKind } from './static-config.js';
import { writeStaticCsv } from './static-csv.js';
import { perCore, staticTables, type StaticSample } from './static-table.js';
import type { ThroughputPlan } from './throughput.js';

/** The scale: a 1,000,000-line CSV. */
export const STATIC_LINES = 1_000_000;
const KINDS: StaticKind[] = ['dynamic', 'static'];
const FULMAR_BIN = fileURLToPath(new URL('../../../bin/fulmar.js', import.meta.url));

/**
 * Static assignment (issue 4) against dynamic pools, side by side: Fulmar at
 * durability process, once with the throughput part's config and once with a
 * pipeline whose only handler is `static` over a 1,000,000-line CSV keyed by
 * the DUIDs perfdhcp sends; the throughput part's modes, rates and phases,
 * the two configs taking turns to go first, round by round.
 */
export async function staticSection(plan: ThroughputPlan, workDir: string, progress: (line: string) => void): Promise<string> {
  const most = Math.max(...[plan.warmup, plan.load, plan.overload].map((p) => Math.ceil(p.rate * p.seconds)));
  if (most > STATIC_LINES) throw new Error(`static: a run of ${most} Solicits would use clients beyond the CSV's ${STATIC_LINES}`);
  mkdirSync(workDir, { recursive: true });
  const csv = { na: join(workDir, 'na.csv'), napd: join(workDir, 'napd.csv') };
  let t0 = performance.now();
  writeStaticCsv(csv.na, STATIC_LINES, false);
  writeStaticCsv(csv.napd, STATIC_LINES, true);
  progress(`static: wrote 2 × ${STATIC_LINES} lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const load = timeLoad(csv.napd);
  const facts = { lines: STATIC_LINES, naBytes: statSync(csv.na).size, napdBytes: statSync(csv.napd).size, ...load };
  progress(`static: ${csv.napd}: ${load.entries} entries loaded in ${load.wallS.toFixed(2)} s (CPU ${load.cpuS.toFixed(2)} s) in the bench process`);

  const samples: StaticSample[] = [];
  for (let round = 0; round < plan.rounds; round++) {
    const order = round % 2 ? [...KINDS].reverse() : KINDS;
    for (const mode of plan.modes) {
      for (const kind of order) {
        const dir = join(workDir, `r${round}-${mode.id}-${kind}`);
        t0 = performance.now();
        const s = await runOne(plan, round, mode, kind, dir, mode.prefix ? csv.napd : csv.na);
        samples.push(s);
        progress(describe(s, plan, (performance.now() - t0) / 1000));
      }
    }
  }
  return `## Static assignment (Fulmar, durability process)\n\n${staticTables(samples, plan, facts)}`;
}

async function runOne(plan: ThroughputPlan, round: number, mode: Mode, kind: StaticKind, dir: string, csvPath: string): Promise<StaticSample> {
  mkdirSync(dir, { recursive: true });
  const conf = join(dir, `${kind}.json`);
  writeFileSync(conf, JSON.stringify(staticBenchConfig(kind, dir, csvPath), null, 2));
  const avg = loadavg()[0]!;
  const t0 = performance.now();
  const server = NsProcess.start(NET.serverNs, [process.execPath, FULMAR_BIN, 'serve', '--config', conf], join(dir, `${kind}.log`));
  let sample: Omit<StaticSample, 'check'>;
  try {
    await untilListening(server);
    const listeningS = (performance.now() - t0) / 1000;
    const startCpuS = server.cpuSeconds();
    await perfdhcp(mode, plan.warmup.rate, plan.warmup.seconds, { extraArgs: FIXED_CLIENT_ARGS });
    let cpu = server.cpuSeconds();
    const load = await perfdhcp(mode, plan.load.rate, plan.load.seconds, { extraArgs: FIXED_CLIENT_ARGS });
    const loadCpuUs = ((server.cpuSeconds() - cpu) * 1e6) / load.completed;
    cpu = server.cpuSeconds();
    const t1 = performance.now();
    const overload: PerfResult = await perfdhcp(mode, plan.overload.rate, plan.overload.seconds, { extraArgs: FIXED_CLIENT_ARGS });
    const overloadCpu = (server.cpuSeconds() - cpu) / ((performance.now() - t1) / 1000);
    const { rssKiB, peakKiB } = server.memory();
    sample = { round, mode, kind, listeningS, startCpuS, load, loadCpuUs, overload, overloadCpu, rssKiB, peakKiB, loadavg: avg };
  } finally {
    await server.stop();
  }
  const check = checkLeases(join(dir, 'leases6.sqlite'));
  verify(kind, mode, check);
  rmSync(dir, { recursive: true, force: true });
  return { ...sample, check };
}

/** A run whose leases did not come from where its config says is no measurement of that path. */
function verify(kind: StaticKind, mode: Mode, c: LeaseCheck): void {
  const ok = kind === 'static' ? c.leases > 0 && c.fromCsv === c.leases : c.leases > 0 && c.fromCsv === 0;
  if (!ok) throw new Error(`static: ${kind} ${mode.label}: ${c.fromCsv} of ${c.leases} leases are the CSV's (expected ${kind === 'static' ? 'all' : 'none'})`);
}

/** The CSV source's load on its own, in this process: the server's start adds the same work. */
function timeLoad(path: string): { entries: number; wallS: number; cpuS: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const source = new CsvAssignmentSource({ name: 'bench', path });
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const entries = source.size;
  void source.close();
  if (entries !== STATIC_LINES) throw new Error(`static: ${path} has ${entries} entries, not ${STATIC_LINES}`);
  return { entries, wallS, cpuS: (cpu.user + cpu.system) / 1e6 };
}

function describe(s: StaticSample, plan: ThroughputPlan, tookS: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    `static round ${s.round + 1}  ${s.mode.label.padEnd(22)} ${s.kind.padEnd(8)} listening ${s.listeningS.toFixed(2)} s (CPU ${s.startCpuS.toFixed(2)} s) | ` +
    `${plan.load.rate}/s: loss ${pct(s.load.loss)} cpu ${Math.round(s.loadCpuUs)} µs/exch | ` +
    `${plan.overload.rate}/s: ${Math.round(s.overload.exchangesPerSecond)} exch/s (${Math.round(perCore(s))}/core) loss ${pct(s.overload.loss)} cpu ${pct(s.overloadCpu)} | ` +
    `RSS ${Math.round(s.rssKiB / 1024)} MiB | ${s.check.fromCsv}/${s.check.leases} leases from the CSV | load avg ${s.loadavg.toFixed(2)} | ${tookS.toFixed(0)} s`
  );
}
