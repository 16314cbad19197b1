import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import type { Lab } from '../interop/lab.js';
import { FULMAR_BIN } from '../interop/prerequisites.js';
import { CHROMIUM } from './drive.js';

/**
 * Reaching a management API that listens on loopback inside a lab namespace:
 * the CLI and Chromium run in that namespace too, so the host's own network
 * is never touched.
 */

export interface CtlAnswer {
  result: number;
  text?: string;
  arguments?: unknown;
}

/** `fulmar ctl` inside the namespace; resolves to its exit status and the answer it printed. */
export function ctl(lab: Lab, ns: string, url: string, token: string | undefined, command: string, args?: unknown): { status: number; answer: CtlAnswer; stderr: string } {
  const argv = ['netns', 'exec', lab.ns(ns), process.execPath, FULMAR_BIN, 'ctl', command, ...(args === undefined ? [] : [JSON.stringify(args)]), '--url', url];
  // The token travels in the environment, not argv, as an operator's would.
  const env = { ...process.env, FULMAR_TOKEN: token ?? '' };
  const r = spawnSync('ip', argv, { encoding: 'utf8', env, timeout: 20_000 });
  if (r.error) throw r.error;
  let answer: CtlAnswer;
  try {
    answer = JSON.parse(r.stdout) as CtlAnswer;
  } catch {
    throw new Error(`fulmar ctl ${command} printed no JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return { status: r.status ?? -1, answer, stderr: r.stderr };
}

/** `fulmar auth add NAME --role ROLE --file FILE`; resolves to the secret it printed once. */
export function addUser(file: string, name: string, role: 'read-only' | 'read-write'): string {
  return execFileSync(process.execPath, [FULMAR_BIN, 'auth', 'add', name, '--role', role, '--file', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 15_000 }).trim();
}

/** The HTTP status of one request made from inside the namespace (no credentials unless given). */
export function httpStatus(lab: Lab, ns: string, url: string, init: { method?: string; body?: string; token?: string } = {}): number {
  const script = `
    const [url, method, body, token] = process.argv.slice(1);
    const headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    const r = await fetch(url, { method, headers, body: method === 'GET' ? undefined : body });
    console.log(r.status);`;
  const out = execFileSync('ip', ['netns', 'exec', lab.ns(ns), process.execPath, '--input-type=module', '-e', script, url, init.method ?? 'POST', init.body ?? '', init.token ?? ''], {
    encoding: 'utf8',
    timeout: 15_000,
  });
  return Number(out.trim());
}

/**
 * An executable that starts Debian's Chromium inside the namespace, for
 * playwright's `executablePath`: `ip netns exec` execs in place, so the
 * debugging pipe playwright hands over stays connected.
 */
export function chromiumIn(lab: Lab, ns: string): string {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install chromium`);
  const path = lab.path(`chromium-${ns}.sh`);
  writeFileSync(path, `#!/bin/sh\nexec ip netns exec ${lab.ns(ns)} ${CHROMIUM} "$@"\n`);
  chmodSync(path, 0o755);
  return path;
}
