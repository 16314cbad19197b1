import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Child } from './child.js';
import { untilTrue } from './wait.js';

/** The server's address on its link (documentation prefix); clients use link-local only. */
const SERVER_ADDRESS = '2001:db8:1::1';

export type Side = 'server' | 'client';

/**
 * Two throwaway network namespaces joined by a veth pair, a temp directory,
 * and every process started in them. `destroy` stops those processes and
 * removes the rest, on failure too. Names carry `fr-`, a tag and our pid, and
 * a name that already exists is someone else's: we refuse rather than adopt it.
 */
export class NetnsPair {
  readonly server: string;
  readonly client: string;
  readonly serverIf = 'frs0';
  readonly clientIf = 'frc0';
  readonly dir: string;
  private readonly children: Child[] = [];
  private readonly made: string[] = [];

  private constructor(tag: string) {
    this.server = `fr-${tag}-${process.pid}-s`;
    this.client = `fr-${tag}-${process.pid}-c`;
    this.dir = mkdtempSync(join(tmpdir(), `fulmar-${tag}-`));
  }

  static async create(tag: string): Promise<NetnsPair> {
    const pair = new NetnsPair(tag);
    try {
      await pair.build();
    } catch (e) {
      await pair.destroy();
      throw e;
    }
    return pair;
  }

  private async build(): Promise<void> {
    const existing = ip('netns', 'list');
    for (const ns of [this.server, this.client]) {
      if (existing.split('\n').some((l) => l.split(' ')[0] === ns)) throw new Error(`namespace ${ns} already exists: not ours, refusing to touch it`);
    }
    for (const ns of [this.server, this.client]) {
      ip('netns', 'add', ns);
      this.made.push(ns);
      // No duplicate address detection: link-local addresses are usable at once.
      this.exec(ns, ['sysctl', '-qw', 'net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0']);
      ip('-n', ns, 'link', 'set', 'lo', 'up');
    }
    ip('link', 'add', this.serverIf, 'netns', this.server, 'type', 'veth', 'peer', 'name', this.clientIf, 'netns', this.client);
    ip('-n', this.server, 'link', 'set', this.serverIf, 'up');
    ip('-n', this.client, 'link', 'set', this.clientIf, 'up');
    ip('-n', this.server, 'addr', 'add', `${SERVER_ADDRESS}/64`, 'dev', this.serverIf);
    const ends: [string, string][] = [
      [this.server, this.serverIf],
      [this.client, this.clientIf],
    ];
    for (const [ns, dev] of ends) {
      await untilTrue(() => ip('-n', ns, '-6', 'addr', 'show', 'dev', dev, 'scope', 'link').includes('fe80'), 10_000, `a link-local address on ${dev}`);
    }
  }

  nsOf(side: Side): string {
    return side === 'server' ? this.server : this.client;
  }

  /** Run to completion inside a namespace; throws with its output if it fails. */
  exec(ns: string, argv: string[]): string {
    return execFileSync('ip', ['netns', 'exec', ns, ...argv], { encoding: 'utf8', timeout: 30_000 });
  }

  /** Start a process in one namespace; its output goes to `<dir>/<name>.log`. */
  spawn(side: Side, name: string, argv: string[], opts: { deadlineMs: number; stdin?: 'pipe' | 'ignore' }): Child {
    const child = new Child(['ip', 'netns', 'exec', this.nsOf(side), ...argv], this.file(`${name}.log`), opts);
    this.children.push(child);
    return child;
  }

  file(name: string): string {
    return join(this.dir, name);
  }

  /** Stop our processes, remove the namespaces; keep the temp dir (logs, captures) when asked, and say where. */
  async destroy(keepFiles = false): Promise<void> {
    await Promise.all(this.children.map((c) => c.stop('SIGTERM', 2000)));
    // Anything those forked lives in our namespaces too, and is ours to end.
    for (const ns of this.made) {
      for (const pid of ip('netns', 'pids', ns).split('\n').filter(Boolean)) killQuietly(Number(pid));
    }
    for (const ns of this.made) ip('netns', 'del', ns);
    this.made.length = 0;
    if (keepFiles) console.error(`logs and captures kept in ${this.dir}`);
    else rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Call in a describe: each test's pair is destroyed after it, its files kept if it failed. */
export function netnsPerTest(): { create(tag: string): Promise<NetnsPair> } {
  let current: NetnsPair | undefined;
  afterEach(async ({ task }) => {
    await current?.destroy(task.result?.state === 'fail');
    current = undefined;
  });
  return { create: async (tag) => (current = await NetnsPair.create(tag)) };
}

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', timeout: 10_000 });
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
