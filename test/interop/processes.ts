import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** A process the lab started; its stdout and stderr go to `log`. */
export interface Started {
  name: string;
  pid: number;
  log: string;
  /** Resolves with the exit code (or the signal's name) when it ends. */
  exited: Promise<number | string>;
  running(): boolean;
  output(): string;
}

/**
 * The processes a lab started, so they (and only they) are stopped at the
 * end. Output goes to files, never pipes: a chatty daemon cannot block on a
 * full pipe while a test waits on something else.
 */
export class Processes {
  private readonly all = new Set<Started>();

  start(name: string, argv: string[], log: string): Started {
    const fd = openSync(log, 'a');
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', fd, fd] });
    closeSync(fd);
    let done = false;
    const exited = new Promise<number | string>((resolve) => {
      const end = (how: number | string) => {
        done = true;
        resolve(how);
      };
      child.once('error', (e) => end(e.message));
      child.once('exit', (code, signal) => end(code ?? signal ?? 'unknown'));
    });
    if (child.pid === undefined) throw new Error(`cannot start ${name}: ${argv[0]}`);
    const started: Started = { name, pid: child.pid, log, exited, running: () => !done, output: () => readFileSync(log, 'utf8') };
    this.all.add(started);
    void exited.then(() => this.all.delete(started));
    return started;
  }

  /** Signal, wait up to `seconds` for it to end, then SIGKILL. */
  async stop(p: Started, signal: NodeJS.Signals = 'SIGTERM', seconds = 5): Promise<void> {
    if (!p.running()) return;
    try {
      process.kill(p.pid, signal);
    } catch {
      return; // it ended meanwhile
    }
    const ended = await Promise.race([p.exited.then(() => true), sleep(seconds * 1000).then(() => false)]);
    if (!ended && p.running()) {
      process.kill(p.pid, 'SIGKILL');
      await p.exited;
    }
  }

  /** Synchronous, so it can also run from a process 'exit' handler. */
  killAll(): void {
    for (const p of this.all) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    this.all.clear();
  }
}
