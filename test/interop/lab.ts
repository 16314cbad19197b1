import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAddress, addVeth, createNamespace, deleteNamespace, globalAddresses, hasLinkLocal, namespaceExists, pidsIn, type End } from './netns.js';
import { Processes, type Started } from './processes.js';
import { requirePrerequisites } from './prerequisites.js';
import { waitFor } from './wait.js';

/**
 * Throwaway network namespaces, the processes started in them and a scratch
 * directory, all removed by close(): from afterAll, or from the process's
 * exit if the test run dies before it. Only what this lab made is touched.
 */
export class Lab {
  readonly tmp: string;
  private readonly processes = new Processes();
  private readonly made: string[] = [];
  private readonly onExit = () => this.close();

  /** `prefix` must be unique per test file (files run in parallel). */
  private constructor(readonly prefix: string) {
    this.tmp = mkdtempSync(join(tmpdir(), `${prefix}-`));
    process.once('exit', this.onExit);
  }

  /** Namespaces `${prefix}-${name}`; refuses to adopt any that already exists. */
  static open(prefix: string, names: readonly string[], tools: readonly string[]): Lab {
    requirePrerequisites(tools);
    const taken = names.map((n) => `${prefix}-${n}`).filter(namespaceExists);
    if (taken.length) throw new Error(`namespace ${taken.join(', ')} already exists (left by a killed run? remove with: ip netns del NAME)`);
    const lab = new Lab(prefix);
    try {
      for (const n of names) {
        const ns = lab.ns(n);
        createNamespace(ns);
        lab.made.push(ns);
      }
    } catch (e) {
      lab.close();
      throw e;
    }
    return lab;
  }

  ns(name: string): string {
    return `${this.prefix}-${name}`;
  }

  path(file: string): string {
    return join(this.tmp, file);
  }

  /** A veth pair; `ns` in each end is the lab's short name. */
  veth(a: End, b: End): void {
    addVeth({ ...a, ns: this.ns(a.ns) }, { ...b, ns: this.ns(b.ns) });
  }

  address(ns: string, iface: string, cidr: string): void {
    addAddress(this.ns(ns), iface, cidr);
  }

  /** Global addresses on an interface, "address/len". */
  addresses(ns: string, iface: string): string[] {
    return globalAddresses(this.ns(ns), iface);
  }

  /** DHCPv6 needs a link-local address at both ends before anything flows. */
  async linkLocal(ns: string, iface: string): Promise<void> {
    await waitFor(`a link-local address on ${this.ns(ns)}/${iface}`, 5, () => hasLinkLocal(this.ns(ns), iface));
  }

  /** Run argv inside namespace `ns`; output in `${name}.log` in the scratch directory. */
  start(name: string, ns: string, argv: string[]): Started {
    // ip netns exec execs argv in place, so the pid is the command's own.
    return this.processes.start(name, ['ip', 'netns', 'exec', this.ns(ns), ...argv], this.path(`${name}.log`));
  }

  stop(p: Started, signal?: NodeJS.Signals, seconds?: number): Promise<void> {
    return this.processes.stop(p, signal, seconds);
  }

  /** The last lines of every process's output, for a failing test's report. */
  logs(lines = 40): string {
    return readdirSync(this.tmp)
      .filter((f) => f.endsWith('.log'))
      .map((f) => `--- ${this.prefix}: ${f}\n${readFileSync(this.path(f), 'utf8').split('\n').slice(-lines).join('\n')}`)
      .join('\n');
  }

  close(): void {
    process.removeListener('exit', this.onExit);
    this.processes.killAll();
    // Whatever our daemons forked (dhcpcd's helpers, a daemonised dhclient) is in our namespaces too.
    for (const ns of this.made) {
      for (const pid of pidsIn(ns)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      deleteNamespace(ns);
    }
    this.made.length = 0;
    if (!process.env.FULMAR_INTEROP_KEEP) rmSync(this.tmp, { recursive: true, force: true });
  }
}
