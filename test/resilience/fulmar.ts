import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Durability, Lease6 } from '../../src/store/types.js';
import type { Child } from './child.js';
import { JsonLog } from './json-log.js';
import type { NetnsPair } from './netns.js';

/** The built CLI, as operators run it (`npm run build` first; `npm test` does). */
const FULMAR = fileURLToPath(new URL('../../bin/fulmar.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

/** Pools far larger than any run here hands out, so exhaustion never masks a loss. */
export function writeConfig(pair: NetnsPair, opts: { durability: Durability; level: 'info' | 'debug' }): string {
  const config = {
    'data-directory': pair.file('data'),
    logging: { level: opts.level },
    dhcp6: {
      interfaces: [pair.serverIf],
      'lease-database': { type: 'sqlite', durability: opts.durability },
      subnets: [
        {
          id: 1,
          subnet: '2001:db8:1::/64',
          interface: pair.serverIf,
          pools: [{ pool: '2001:db8:1::1:0-2001:db8:1::1:ffff' }],
          'pd-pools': [{ prefix: '2001:db8:8000::', 'prefix-len': 40, 'delegated-len': 56 }],
        },
      ],
    },
  };
  const path = pair.file('fulmar.json');
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

export interface RunningFulmar {
  child: Child;
  log: JsonLog;
  /** Lowercase hex, from FULMAR_STARTED. */
  serverDuid: string;
}

/** `fulmar serve` in the server namespace, once it says it is listening. */
export async function startFulmar(pair: NetnsPair, config: string, name: string): Promise<RunningFulmar> {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npm run build\` first`);
  const child = pair.spawn('server', name, ['node', FULMAR, 'serve', '--config', config], { deadlineMs: 120_000 });
  const log = new JsonLog(pair.file(`${name}.log`));
  const started = await Promise.race([
    log.waitFor((l) => l.msgId === 'FULMAR_STARTED', 15_000, 'FULMAR_STARTED'),
    child.exited.then((e) => {
      throw new Error(`fulmar exited (${JSON.stringify(e)}) before serving:\n${log.other.join('\n')}`);
    }),
  ]);
  return { child, log, serverDuid: String(started.serverDuid) };
}

/** `fulmar leases --config FILE --json`: reads the SQLite store, server running or not. */
export function listLeases(config: string): Lease6[] {
  const out = execFileSync('node', [FULMAR, 'leases', '--config', config, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20, timeout: 60_000 });
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Lease6);
}
