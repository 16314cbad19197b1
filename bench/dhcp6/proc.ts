import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { onCleanup } from './cleanup.js';

/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;

/**
 * A process the bench started inside a namespace: `ip netns exec` execs the
 * command in place, so the pid is the command's own. Output goes to a log
 * file; the process is killed on any way out of the bench.
 */
export class NsProcess {
  readonly exited: Promise<number | null>;
  private running = true;

  private constructor(
    readonly pid: number,
    readonly log: string,
    exited: Promise<number | null>,
  ) {
    const forget = onCleanup(() => this.kill('SIGKILL'));
    this.exited = exited.then((code) => {
      this.running = false;
      forget();
      return code;
    });
  }

  static start(ns: string, cmd: string[], log: string, env: NodeJS.ProcessEnv = {}): NsProcess {
    const fd = openSync(log, 'a');
    const child = spawn('ip', ['netns', 'exec', ns, ...cmd], { stdio: ['ignore', fd, fd], env: { ...process.env, ...env } });
    closeSync(fd);
    if (child.pid === undefined) throw new Error(`could not start ${cmd[0]}`);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return new NsProcess(child.pid, log, exited);
  }

  get alive(): boolean {
    return this.running;
  }

  kill(signal: NodeJS.Signals): void {
    if (!this.running) return;
    try {
      process.kill(this.pid, signal);
    } catch {
      // already gone
    }
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Resident memory now and at its peak, in KiB, from /proc. */
  memory(): { rssKiB: number; peakKiB: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssKiB: kib('VmRSS'), peakKiB: kib('VmHWM') };
  }

  /** CPU seconds (user + system) used so far, from /proc/PID/stat. */
  cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // After the ")" that closes the command name, field 3 (state) comes first; utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  }

  logTail(lines = 20): string {
    return readFileSync(this.log, 'utf8').split('\n').slice(-lines).join('\n');
  }
}

