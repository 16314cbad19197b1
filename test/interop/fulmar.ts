import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { ConfigInput } from '../../src/config/schema.js';
import type { Lease6 } from '../../src/store/types.js';
import type { Lab } from './lab.js';
import type { Started } from './processes.js';
import { FULMAR_BIN } from './prerequisites.js';
import { waitFor } from './wait.js';

/** The fields of a FULMAR_PKT6_TRANSACTION log line the tests look at. */
export interface Transaction {
  type: string;
  reply?: string;
  duid?: string;
  via: string;
  subnet?: number;
  granted: string[];
  status: string[];
}

/** `fulmar serve` in a namespace of the lab, with its data in the lab's scratch directory. */
export class Fulmar {
  private constructor(
    private readonly process: Started,
    readonly configFile: string,
  ) {}

  static async start(lab: Lab, ns: string, config: ConfigInput): Promise<Fulmar> {
    const configFile = lab.path('fulmar.json');
    writeFileSync(configFile, JSON.stringify({ ...config, 'data-directory': lab.path('fulmar-data') }, null, 2));
    const p = lab.start('fulmar', ns, [process.execPath, FULMAR_BIN, 'serve', '--config', configFile]);
    await waitFor('FULMAR_STARTED', 15, () => p.output().includes('"FULMAR_STARTED"') || (!p.running() && fail(p)), p.output);
    return new Fulmar(p, configFile);
  }

  log(): string {
    return this.process.output();
  }

  transactions(duid?: string): Transaction[] {
    const log = this.log();
    // Only whole lines: the server may be writing the last one right now.
    return log
      .slice(0, log.lastIndexOf('\n') + 1)
      .split('\n')
      .filter((l) => l.includes('"FULMAR_PKT6_TRANSACTION"'))
      .map((l) => JSON.parse(l) as Transaction)
      .filter((t) => duid === undefined || t.duid === duid);
  }

  /**
   * "type → reply" of each kind of exchange with this client, in the order first
   * seen; a retransmission answered twice is one exchange, not a failure.
   */
  exchanges(duid: string): string[] {
    return [...new Set(this.transactions(duid).map((t) => `${t.type} → ${t.reply ?? 'no reply'}`))];
  }

  /** exchanges() but Renews: with T1 at 2 s, a client may renew at any moment of a test. */
  exchangesBesidesRenew(duid: string): string[] {
    return this.exchanges(duid).filter((e) => !e.startsWith('renew '));
  }

  /** `fulmar leases --json`: the store as a second process sees it while the server runs. */
  leases(duid?: string): Lease6[] {
    const out = execFileSync(process.execPath, [FULMAR_BIN, 'leases', '--config', this.configFile, '--json'], { encoding: 'utf8', timeout: 15_000 });
    return out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Lease6)
      .filter((l) => duid === undefined || l.duid === duid);
  }
}

function fail(p: Started): never {
  throw new Error(`fulmar serve exited before serving:\n${p.output()}`);
}
