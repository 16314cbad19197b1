import { writeFileSync } from 'node:fs';
import type { Lab } from './lab.js';
import type { Started } from './processes.js';
import { installHook, readScriptLog, type ScriptEvent } from './client-hook.js';
import { waitFor } from './wait.js';

export interface DhcpcdOptions {
  /** The client's DUID, hex. */
  duid: string;
  /** Where dhcpcd asks for IA_NA 1 and IA_PD 2. */
  iface: string;
  /** Where it puts a /64 (SLA id 1) of the delegated prefix, as a home router does on its LAN. */
  lan: string;
}

/**
 * dhcpcd as a home router's WAN client: DHCPv6 only, IA_NA + IA_PD, in the
 * foreground. It adds the address and the LAN prefix itself; record-env.sh
 * logs what it tells its hook script.
 */
export class Dhcpcd {
  private process?: Started;
  private readonly conf: string;
  private readonly hook: { hook: string; events: string };

  constructor(
    private readonly lab: Lab,
    private readonly ns: string,
    readonly name: string,
    private readonly o: DhcpcdOptions,
  ) {
    this.conf = lab.path(`${name}.conf`);
    this.hook = installHook(lab, name, 'record-env.sh');
  }

  start(): void {
    writeFileSync(
      this.conf,
      [
        'ipv6only',
        'noipv6rs', // no router in the lab: solicit at once
        'duid', // from the DUID file seeded below
        `script ${this.hook.hook}`,
        'option domain_name_servers, domain_search',
        `interface ${this.o.iface}`,
        '  ia_na 1',
        `  ia_pd 2 ${this.o.lan}/1`,
      ].join('\n') + '\n',
    );
    const duid = this.o.duid.replace(/(..)(?!$)/g, '$1:');
    // Fresh tmpfs over dhcpcd's state and run directories, private to the mount
    // namespace ip netns exec made: the host's DUID, leases and sockets stay untouched.
    const script = 'mount -t tmpfs fi /var/lib/dhcpcd && mount -t tmpfs fi /run && echo "$1" >/var/lib/dhcpcd/duid && exec dhcpcd -B -d -t 20 -f "$2" "$3"';
    this.process = this.lab.start(this.name, this.ns, ['sh', '-c', script, 'sh', duid, this.conf, this.o.iface]);
  }

  events(): ScriptEvent[] {
    return readScriptLog(this.hook.events);
  }

  waitForEvent(reason: string, seconds: number, after = 0): Promise<ScriptEvent> {
    return waitFor(`dhcpcd ${this.name}: script reason ${reason}`, seconds, () => this.events().slice(after).find((e) => e.reason === reason), () => this.output());
  }

  output(): string {
    return this.process?.output() ?? '(not started)';
  }

  /** SIGALRM, what `dhcpcd -k` sends: release the leases, then exit. */
  async release(seconds = 10): Promise<void> {
    const p = this.process!;
    process.kill(p.pid, 'SIGALRM');
    await waitFor(`dhcpcd ${this.name} to release and exit`, seconds, () => !p.running(), () => this.output());
  }
}
