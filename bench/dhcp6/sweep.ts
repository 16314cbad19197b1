import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, perfdhcp, type PerfResult } from './perfdhcp.js';
import { fmt, markdownTable } from './report.js';
import { startServer, SERVER_LABEL, type ServerKind } from './servers.js';

/** Offered Solicits/s, from well below saturation to far beyond it. */
const RATES = [1000, 2000, 4000, 6000, 10000, 15000, 20000, 25000, 30000];
const SECONDS = 2;
const SERVERS: ServerKind[] = ['kea', 'fulmar-process'];

/**
 * Where each server saturates, and what happens beyond: IA_NA, direct, one
 * server start per server, stepping the offered rate up with a pause
 * between steps for queues to drain.
 */
export async function sweepSection(workDir: string, progress: (line: string) => void): Promise<string> {
  const mode = MODES[0]!;
  const results = new Map<ServerKind, PerfResult[]>();
  for (const kind of SERVERS) {
    const dir = join(workDir, kind);
    const server = await startServer(kind, dir);
    const steps: PerfResult[] = [];
    try {
      await perfdhcp(mode, 1000, 1); // warm-up
      let pauseMs = 500;
      for (const rate of RATES) {
        await new Promise((r) => setTimeout(r, pauseMs));
        const r = await perfdhcp(mode, rate, SECONDS);
        // After an overloaded step, let the socket backlog drain so it does not spill into the next.
        pauseMs = r.loss > 0.05 ? 4000 : 500;
        steps.push(r);
        progress(`sweep ${kind.padEnd(15)} ${String(rate).padStart(6)}/s offered: ${Math.round(r.exchangesPerSecond)} exch/s, loss ${fmt.percent(r.loss)}, avg ${fmt.ms(r.latency.avg)} ms`);
      }
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    results.set(kind, steps);
  }
  const row = (rate: number, step: number) => [
    fmt.rate(rate),
    ...SERVERS.flatMap((k) => {
      const r = results.get(k)![step]!;
      return [fmt.rate(r.exchangesPerSecond), fmt.percent(r.loss), fmt.ms(r.latency.avg)];
    }),
  ];
  const table = markdownTable(['Offered Solicits/s', ...SERVERS.flatMap((k) => [`${SERVER_LABEL[k]} exch/s`, 'loss', 'avg ms'])], RATES.map(row));
  return `## Saturation sweep (${mode.label}, ${SECONDS} s per step, one pass)\n\n${table}`;
}
