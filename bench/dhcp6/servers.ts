import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fulmarConfig } from './fulmar-config.js';
import { keaConfig } from './kea-config.js';
import { inNs } from './netns.js';
import { NET, SERVE, type ServeParams } from './params.js';
import { NsProcess } from './proc.js';

/** The servers compared: Fulmar at both durability levels, and Kea with memfile. */
export type ServerKind = 'fulmar-process' | 'kea' | 'fulmar-power';

export const SERVER_LABEL: Record<ServerKind, string> = {
  'fulmar-process': 'Fulmar (durability process)',
  kea: 'Kea (memfile)',
  'fulmar-power': 'Fulmar (durability power)',
};

const FULMAR_BIN = fileURLToPath(new URL('../../../bin/fulmar.js', import.meta.url));

export interface StartOptions {
  params?: ServeParams;
  /** Write a V8 CPU profile (.cpuprofile) here when Fulmar exits. */
  cpuProfDir?: string;
}

/**
 * Start a server on a data directory of its own (an existing lease database
 * in it is used as is) and resolve once it listens on [ff02::1:2%srv0]:547.
 */
export async function startServer(kind: ServerKind, dir: string, o: StartOptions = {}): Promise<NsProcess> {
  mkdirSync(dir, { recursive: true });
  const params = o.params ?? SERVE;
  const conf = join(dir, `${kind}.json`);
  const log = join(dir, `${kind}.log`);
  let server: NsProcess;
  if (kind === 'kea') {
    writeFileSync(conf, JSON.stringify(keaConfig(params, dir), null, 2));
    server = NsProcess.start(NET.serverNs, ['kea-dhcp6', '-c', conf], log, { KEA_PIDFILE_DIR: dir, KEA_LOCKFILE_DIR: dir });
  } else {
    writeFileSync(conf, JSON.stringify(fulmarConfig(params, dir, kind === 'fulmar-power' ? 'power' : 'process'), null, 2));
    const prof = o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`] : [];
    server = NsProcess.start(NET.serverNs, [process.execPath, ...prof, FULMAR_BIN, 'serve', '--config', conf], log);
  }
  await untilListening(server);
  return server;
}

/** Poll the server namespace's UDP sockets every 10 ms (up to 60 s: a big store loads first). */
export async function untilListening(server: NsProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!server.alive) throw new Error(`server exited before listening; log ${server.log}:\n${server.logTail()}`);
    if (listening()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`server not listening after ${timeoutMs / 1000} s; log ${server.log}:\n${server.logTail()}`);
}

function listening(): boolean {
  const sockets = inNs(NET.serverNs, ['ss', '-Hlun', 'sport = :547']);
  return sockets.includes(`[ff02::1:2]%${NET.serverIf}:547`);
}

/** Kea's version line, for the report. */
export function keaVersion(): string {
  return execFileSync('kea-dhcp6', ['-v'], { encoding: 'utf8' }).trim();
}
