import { writeFileSync } from 'node:fs';
import type { ConfigInput } from '../../src/config/schema.js';
import type { Lab } from '../interop/lab.js';
import { FULMAR_BIN } from '../interop/prerequisites.js';
import type { Started } from '../interop/processes.js';
import { waitFor } from '../interop/wait.js';

export interface LogLine {
  msgId?: string;
  [k: string]: unknown;
}

/**
 * `fulmar serve` in a lab namespace that can be stopped and started again on
 * the same data directory, each run with its own log (`NAME-N.log`), so a
 * restart's lines are never confused with the last run's.
 */
export class Served {
  private run?: Started;
  private runs = 0;
  readonly configFile: string;

  constructor(
    private readonly lab: Lab,
    private readonly ns: string,
    private readonly name: string,
  ) {
    this.configFile = lab.path(`${name}.json`);
  }

  async start(config: ConfigInput): Promise<void> {
    writeFileSync(this.configFile, JSON.stringify({ ...config, 'data-directory': this.lab.path(`${this.name}-data`) }, null, 2));
    const p = this.lab.start(`${this.name}-${++this.runs}`, this.ns, [process.execPath, FULMAR_BIN, 'serve', '--config', this.configFile]);
    this.run = p;
    await waitFor('FULMAR_STARTED', 15, () => this.lines('FULMAR_STARTED').length > 0 || (!p.running() && fail(p)), p.output);
  }

  async stop(): Promise<void> {
    if (this.run) await this.lab.stop(this.run);
  }

  /** This run's JSON log lines, whole lines only; those with `msgId` when given. */
  lines(msgId?: string): LogLine[] {
    const log = this.run?.output() ?? '';
    return log
      .slice(0, log.lastIndexOf('\n') + 1)
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine)
      .filter((l) => msgId === undefined || l.msgId === msgId);
  }

  /** "type → reply" of this run's transactions with one client. */
  exchanges(duid: string): string[] {
    return this.lines('FULMAR_PKT6_TRANSACTION')
      .filter((t) => t.duid === duid)
      .map((t) => `${String(t.type)} → ${String(t.reply ?? 'no reply')}`);
  }

  output(): string {
    return this.run?.output() ?? '(not started)';
  }
}

function fail(p: Started): never {
  throw new Error(`fulmar serve exited before serving:\n${p.output()}`);
}
