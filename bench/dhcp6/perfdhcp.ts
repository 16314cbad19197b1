import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { NET } from './params.js';
import { parsePerfdhcp, phase, type PerfResult } from './perfdhcp-output.js';

export type { PerfResult };

/** What perfdhcp asks for, and how it reaches the server. */
export interface Mode {
  id: string;
  label: string;
  prefix: boolean;
  relayed: boolean;
}

export const MODES: Mode[] = [
  { id: 'na', label: 'IA_NA, direct', prefix: false, relayed: false },
  { id: 'na-relay', label: 'IA_NA, relayed', prefix: false, relayed: true },
  { id: 'napd', label: 'IA_NA+IA_PD, direct', prefix: true, relayed: false },
  { id: 'napd-relay', label: 'IA_NA+IA_PD, relayed', prefix: true, relayed: true },
];

/** Many more simulated clients than exchanges, so nearly every exchange allocates. */
const CLIENTS = 10_000_000;
/** Wait for late replies after the last Solicit (µs). */
const EXIT_WAIT_US = 500_000;

/**
 * One bounded perfdhcp -6 run from the client namespace: Solicits at `rate`
 * per second for `seconds` (and at most rate × seconds of them), to
 * ff02::1:2 on cli0, single-threaded (its default threading would take the
 * server's core).
 */
/** `extraArgs`: e.g. a fixed DUID template, so client r always sends the same DUID (the static part). */
export async function perfdhcp(mode: Mode, rate: number, seconds: number, opts: { count?: number; extraArgs?: readonly string[] } = {}): Promise<PerfResult> {
  const count = opts.count ?? Math.ceil(rate * seconds);
  const args = ['-6', '-g', 'single', '-l', NET.clientIf, '-r', String(rate), '-n', String(count), '-p', String(seconds), '-R', String(CLIENTS), '-W', String(EXIT_WAIT_US), ...(opts.extraArgs ?? [])];
  if (mode.prefix) args.push('-e', 'address-and-prefix');
  if (mode.relayed) args.push('-A', '1');
  args.push('all');
  const hardLimit = String(seconds + 15);
  const out = await run(['ip', 'netns', 'exec', NET.clientNs, 'timeout', hardLimit, 'perfdhcp', ...args]);
  // A run bounded by count may end before `seconds`.
  return parsePerfdhcp(out, Math.min(seconds, count / rate));
}

async function run(cmd: string[]): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(cmd[0]!, cmd.slice(1), { maxBuffer: 1 << 20 });
    return stdout;
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    // Exit status 3: it ran, and some exchanges were not completed. That is a result, not a failure.
    if (err.code === 3 && err.stdout) return err.stdout;
    throw new Error(`${cmd.join(' ')} failed (${String(err.code)}): ${err.stderr ?? ''}${err.stdout ?? ''}`);
  }
}

/** One Solicit (IA_NA, direct); true if an Advertise came back within 300 ms. */
export async function probe(): Promise<boolean> {
  const args = ['-6', '-g', 'single', '-l', NET.clientIf, '-r', '100', '-n', '1', '-p', '1', '-R', '1', '-d', '0.3', '-W', '300000'];
  const out = await run(['ip', 'netns', 'exec', NET.clientNs, 'timeout', '5', 'perfdhcp', ...args, 'all']);
  return phase(out, 'SOLICIT-ADVERTISE').received > 0;
}
