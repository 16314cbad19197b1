import { writeFileSync } from 'node:fs';
import type { Lab } from './lab.js';
import type { Started } from './processes.js';
import { installHook, readScriptLog, type ScriptEvent } from './client-hook.js';
import { leaseFileWithDuid, readNewestLease, type DhclientLease } from './dhclient-files.js';
import { waitFor } from './wait.js';

export interface DhclientOptions {
  /** The client's DUID, hex. */
  duid: string;
  /** Mode flags: [] (IA_NA), ['-P'], ['-N', '-P'], ['-S']. */
  modes: string[];
  /** Ask for a two-message exchange (RFC 8415 §18.2.1). */
  rapidCommit?: boolean;
}

/** The options every test client asks for in its ORO. */
const REQUEST = 'request dhcp6.name-servers, dhcp6.domain-search, dhcp6.sntp-servers;';

/**
 * One ISC `dhclient -6` in the foreground (-d), so the test owns its pid,
 * with its own conf, lease, pid and script-log files in the lab.
 */
export class Dhclient {
  private process?: Started;
  private readonly files: { conf: string; leases: string; pid: string; hook: string; events: string };

  constructor(
    private readonly lab: Lab,
    private readonly ns: string,
    private readonly iface: string,
    readonly name: string,
    private readonly o: DhclientOptions,
  ) {
    const f = (ext: string) => lab.path(`${name}.${ext}`);
    this.files = { conf: f('conf'), leases: f('leases'), pid: f('pid'), ...installHook(lab, name, 'dhclient-script.sh') };
  }

  private argv(extra: string[]): string[] {
    const f = this.files;
    return ['dhclient', '-6', '-v', '-cf', f.conf, '-lf', f.leases, '-pf', f.pid, '-sf', f.hook, ...extra, ...this.o.modes, this.iface];
  }

  start(): void {
    writeFileSync(this.files.conf, [REQUEST, ...(this.o.rapidCommit ? ['send dhcp6.rapid-commit;'] : [])].join('\n') + '\n');
    writeFileSync(this.files.leases, leaseFileWithDuid(this.o.duid));
    this.process = this.lab.start(this.name, this.ns, this.argv(['-d']));
  }

  events(): ScriptEvent[] {
    return readScriptLog(this.files.events);
  }

  /** The first script call for `reason` after the first `after` events that matches `where`. */
  waitForEvent(reason: string, seconds: number, where: (e: ScriptEvent) => boolean = () => true, after = 0): Promise<ScriptEvent> {
    const what = `dhclient ${this.name}: script reason ${reason}`;
    return waitFor(what, seconds, () => this.events().slice(after).find((e) => e.reason === reason && where(e)), () => this.output());
  }

  lease(): DhclientLease | undefined {
    return readNewestLease(this.files.leases);
  }

  /** The newest lease once it satisfies `where`: dhclient may write the file after calling its script. */
  waitForLease(seconds: number, where: (l: DhclientLease) => boolean): Promise<DhclientLease> {
    return waitFor(`dhclient ${this.name}: its lease file`, seconds, () => {
      const l = this.lease();
      return l && where(l) && l;
    }, () => JSON.stringify(this.lease()));
  }

  output(): string {
    return this.process?.output() ?? '(not started)';
  }

  /** Stop, then start again on the same lease file: dhclient confirms its lease (RFC 8415 §18.2.3) instead of soliciting. */
  async restart(): Promise<void> {
    await this.stop();
    this.process = this.lab.start(`${this.name}-restarted`, this.ns, this.argv(['-d']));
  }

  /** `dhclient -6 -r`: stops the running client (by its pid file), then sends Release. */
  async release(seconds = 15): Promise<void> {
    const r = this.lab.start(`${this.name}-release`, this.ns, this.argv(['-r']));
    await waitFor(`dhclient ${this.name} -r to finish`, seconds, () => !r.running(), r.output);
    const code = await r.exited;
    if (code !== 0) throw new Error(`dhclient -r exited ${code}:\n${r.output()}`);
    if (this.process) await waitFor(`dhclient ${this.name} to stop after -r`, 5, () => !this.process!.running());
  }

  async stop(): Promise<void> {
    if (this.process) await this.lab.stop(this.process);
  }
}

/** Clients taking turns on one interface (two would fight over port 546): starting one stops the one before. */
export class DhclientTurns {
  private current?: Dhclient;

  constructor(
    private readonly lab: Lab,
    private readonly ns: string,
    private readonly iface: string,
  ) {}

  async start(name: string, o: DhclientOptions): Promise<Dhclient> {
    await this.current?.stop();
    this.current = new Dhclient(this.lab, this.ns, this.iface, name, o);
    this.current.start();
    return this.current;
  }
}
