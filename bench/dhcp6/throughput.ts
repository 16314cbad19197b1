import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { perfdhcp, type Mode, type PerfResult } from './perfdhcp.js';
import { startServer, type ServerKind } from './servers.js';

export interface ThroughputPlan {
  rounds: number;
  modes: Mode[];
  servers: ServerKind[];
  /** Unmeasured traffic first, so Fulmar's JIT is warm and both servers are in steady state. */
  warmup: { rate: number; seconds: number };
  /** Below saturation: loss and latency. */
  load: { rate: number; seconds: number };
  /** Beyond saturation: the most exchanges per second the server completes. */
  overload: { rate: number; seconds: number };
}

export interface Sample {
  round: number;
  mode: Mode;
  server: ServerKind;
  load: PerfResult;
  /** Server CPU time per completed exchange at the load rate, µs: its cost, whatever else the machine runs. */
  loadCpuUs: number;
  overload: PerfResult;
  /** Server CPU use during the overload run, as a share of one core. */
  overloadCpu: number;
  /** 1-minute load average when the run started. */
  loadavg: number;
}

/**
 * Every server on every mode, round after round. Each run gets a freshly
 * started server on an empty lease database (pools are far bigger than a
 * run), and the server order rotates each round so that drift in the
 * machine's other load falls on every server alike.
 */
export async function runThroughput(plan: ThroughputPlan, workDir: string, progress: (line: string) => void): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let round = 0; round < plan.rounds; round++) {
    const order = rotate(plan.servers, round);
    for (const mode of plan.modes) {
      for (const server of order) {
        const sample = await runOne(plan, round, mode, server, join(workDir, `r${round}-${mode.id}-${server}`));
        samples.push(sample);
        progress(describe(sample, plan));
      }
    }
  }
  return samples;
}

async function runOne(plan: ThroughputPlan, round: number, mode: Mode, kind: ServerKind, dir: string): Promise<Sample> {
  const avg = loadavg()[0]!;
  const server = await startServer(kind, dir);
  try {
    await perfdhcp(mode, plan.warmup.rate, plan.warmup.seconds);
    let cpu = server.cpuSeconds();
    const load = await perfdhcp(mode, plan.load.rate, plan.load.seconds);
    const loadCpuUs = ((server.cpuSeconds() - cpu) * 1e6) / load.completed;
    cpu = server.cpuSeconds();
    const t0 = performance.now();
    const overload = await perfdhcp(mode, plan.overload.rate, plan.overload.seconds);
    const overloadCpu = (server.cpuSeconds() - cpu) / ((performance.now() - t0) / 1000);
    return { round, mode, server: kind, load, loadCpuUs, overload, overloadCpu, loadavg: avg };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function rotate<T>(xs: readonly T[], by: number): T[] {
  const k = by % xs.length;
  return [...xs.slice(k), ...xs.slice(0, k)];
}

function describe(s: Sample, plan: ThroughputPlan): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    `round ${s.round + 1}  ${s.mode.label.padEnd(22)} ${s.server.padEnd(15)} ` +
    `${plan.load.rate}/s: loss ${pct(s.load.loss)} cpu ${Math.round(s.loadCpuUs)} µs/exch avg ${s.load.latency.avg.toFixed(2)} ms max ${s.load.latency.max.toFixed(1)} ms | ` +
    `${plan.overload.rate}/s: ${Math.round(s.overload.exchangesPerSecond)} exch/s loss ${pct(s.overload.loss)} cpu ${pct(s.overloadCpu)} | load avg ${s.loadavg.toFixed(2)}`
  );
}
