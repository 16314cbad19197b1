import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { sleep } from './wait.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * One process a test started, with its output in a file (a pipe could fill
 * and stall a busy server), and a hard deadline after which it is killed,
 * so no load outlives its time budget even when a test forgets it.
 */
export class Child {
  readonly pid: number;
  readonly exited: Promise<Exit>;
  exit: Exit | undefined;
  private readonly proc: ChildProcess;

  constructor(argv: string[], outFile: string, opts: { deadlineMs: number; stdin?: 'pipe' | 'ignore' }) {
    const out = openSync(outFile, 'a');
    this.proc = spawn(argv[0]!, argv.slice(1), { stdio: [opts.stdin ?? 'ignore', out, out] });
    closeSync(out);
    if (this.proc.pid === undefined) throw new Error(`could not start ${argv.join(' ')}`);
    this.pid = this.proc.pid;
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), opts.deadlineMs);
    this.exited = new Promise((resolve) => {
      this.proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        this.exit = { code, signal };
        resolve(this.exit);
      });
    });
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  get stdin(): NodeJS.WritableStream | null {
    return this.proc.stdin;
  }

  signal(sig: NodeJS.Signals): void {
    if (this.alive) this.proc.kill(sig);
  }

  /** `sig`, then SIGKILL if it has not exited within `graceMs`. */
  async stop(sig: NodeJS.Signals = 'SIGTERM', graceMs = 3000): Promise<Exit> {
    this.signal(sig);
    const done = await Promise.race([this.exited, sleep(graceMs).then(() => undefined)]);
    if (done) return done;
    this.signal('SIGKILL');
    return this.exited;
  }
}
