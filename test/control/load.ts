import { readFileSync } from 'node:fs';
import { Child } from '../resilience/child.js';

/**
 * perfdhcp -6 as one simulated relay (-A 1) on loopback, against Fulmar's
 * unicast address and port: a bounded run (-n exchanges, -p seconds, and a
 * hard kill a little after), each run with its own client range (-b mac=).
 */

export interface LoadOptions {
  port: number;
  localPort: number;
  rate: number;
  exchanges: number;
  seconds: number;
  /** Base MAC of the simulated clients: runs with different bases never share a client. */
  baseMac: string;
  log: string;
}

export interface PhaseStats {
  sent: number;
  received: number;
  drops: number;
  orphans: number;
}

export interface LoadResult {
  solicit: PhaseStats;
  request: PhaseStats;
  /** Exchanges started and never completed (Solicits sent minus Replies received). */
  lost: number;
  exitCode: number | null;
}

/** Clients drawn at random from this many; far more than any run's exchanges. */
const CLIENTS = 1_000_000;

export function startLoad(o: LoadOptions): { child: Child; done: Promise<LoadResult> } {
  const argv = ['perfdhcp', '-6', '-A', '1', '-l', 'lo', '-L', `${o.localPort}`, '-N', `${o.port}`];
  argv.push('-r', `${o.rate}`, '-n', `${o.exchanges}`, '-p', `${o.seconds}`, '-R', `${CLIENTS}`, '-b', `mac=${o.baseMac}`, '-g', 'single', '-W', '500000', '::1');
  const child = new Child(argv, o.log, { deadlineMs: (o.seconds + 10) * 1000 });
  const done = child.exited.then((exit) => {
    const out = readFileSync(o.log, 'utf8');
    // 0: all completed; 3: it ran and some exchanges did not complete (a result, not a failure).
    if (exit.code !== 0 && exit.code !== 3) throw new Error(`perfdhcp exited ${JSON.stringify(exit)}:\n${out}`);
    const solicit = phase(out, 'SOLICIT-ADVERTISE');
    const request = phase(out, 'REQUEST-REPLY');
    return { solicit, request, lost: solicit.sent - request.received, exitCode: exit.code };
  });
  return { child, done };
}

function phase(out: string, name: string): PhaseStats {
  const start = out.indexOf(`***Statistics for: ${name}***`);
  if (start < 0) throw new Error(`perfdhcp output has no ${name} statistics:\n${out}`);
  const section = out.slice(start, start + 400);
  const num = (key: string): number => {
    const m = new RegExp(`^${key}: (\\d+)`, 'm').exec(section);
    if (!m) throw new Error(`perfdhcp ${name}: no "${key}" in\n${section}`);
    return Number(m[1]);
  };
  return { sent: num('sent packets'), received: num('received packets'), drops: num('drops'), orphans: num('orphans') };
}
