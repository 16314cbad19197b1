import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Child } from '../resilience/child.js';
import { JsonLog } from '../resilience/json-log.js';
import { ApiClient } from './api.js';

/** The built CLI, as operators run it (`npx tsc -p tsconfig.build.json` first). */
const FULMAR = fileURLToPath(new URL('../../bin/fulmar.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

export interface Served {
  child: Child;
  log: JsonLog;
  api: ApiClient;
  configFile: string;
}

/** A UDP port on ::1 that was free a moment ago (the kernel's pick, so runs in parallel rarely collide). */
export async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp6');
  await new Promise<void>((r) => s.bind(0, '::1', r));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(r));
  return port;
}

/** `fulmar auth add` writes `<dir>/users.json`; its stdout is the bearer token, shown once. */
export function addApiUser(dir: string): string {
  return execFileSync('node', [FULMAR, 'auth', 'add', 'ops', '--role', 'read-write', '--file', join(dir, 'users.json')], { encoding: 'utf8', timeout: 15_000 }).trim();
}

/** `fulmar serve --config` as a child process, once it logged FULMAR_STARTED with the API's URL. */
export async function serve(dir: string, config: unknown, token: string): Promise<Served> {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`npx tsc -p tsconfig.build.json\` first`);
  const configFile = join(dir, 'fulmar.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const out = join(dir, 'serve.log');
  const child = new Child(['node', FULMAR, 'serve', '--config', configFile], out, { deadlineMs: 120_000 });
  const log = new JsonLog(out);
  const started = await Promise.race([
    log.waitFor((l) => l.msgId === 'FULMAR_STARTED', 15_000, 'FULMAR_STARTED'),
    child.exited.then((e) => {
      throw new Error(`fulmar exited (${JSON.stringify(e)}) before serving:\n${log.other.join('\n')}`);
    }),
  ]);
  if (typeof started.control !== 'string') throw new Error('FULMAR_STARTED has no control URL: the management API did not start');
  return { child, log, api: new ApiClient(started.control, token), configFile };
}
