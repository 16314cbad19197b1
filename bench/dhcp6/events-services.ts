import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PORTS } from './events-config.js';
import { inNs } from './netns.js';
import { NET } from './params.js';
import { NsProcess } from './proc.js';

/**
 * What the events part runs beside Fulmar, all inside the server namespace
 * (whose loopback is its own: the host's NATS at 127.0.0.1:4222 is out of
 * reach): a nats-server with JetStream, an HTTP server that never answers,
 * and HTTP calls to the management API and NATS's monitoring port.
 */

/** A nats-server with JetStream on a store directory of its own, listening on the namespace's 127.0.0.1. */
export async function startNats(dir: string): Promise<NsProcess> {
  const store = join(dir, 'jetstream');
  mkdirSync(store, { recursive: true });
  const p = NsProcess.start(
    NET.serverNs,
    ['nats-server', '-a', '127.0.0.1', '-p', String(PORTS.nats), '-m', String(PORTS.natsMonitor), '-js', '-sd', store],
    join(dir, 'nats-server.log'),
  );
  await untilTcpListening(p, PORTS.nats);
  await untilTcpListening(p, PORTS.natsMonitor);
  return p;
}

/** Accepts every connection and request, answers none (the stalled webhook's receiver). */
const STALL_SCRIPT = `
const http = require('node:http');
const server = http.createServer(() => {});
server.requestTimeout = 0;
server.listen(Number(process.argv[1]), '127.0.0.1');
`;

export async function startStallServer(dir: string): Promise<NsProcess> {
  const p = NsProcess.start(NET.serverNs, [process.execPath, '-e', STALL_SCRIPT, String(PORTS.stall)], join(dir, 'stall-server.log'));
  await untilTcpListening(p, PORTS.stall);
  return p;
}

async function untilTcpListening(p: NsProcess, port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!p.alive) throw new Error(`exited before listening on ${port}; log ${p.log}:\n${p.logTail()}`);
    if (inNs(NET.serverNs, ['ss', '-Hltn', `sport = :${port}`]).includes(`127.0.0.1:${port}`)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`nothing listening on 127.0.0.1:${port} in ${NET.serverNs} after ${timeoutMs / 1000} s; log ${p.log}`);
}

/** One HTTP request from inside the server namespace (node's fetch, 5 s timeout); the response body. */
const FETCH_SCRIPT = `
const [url, body, token] = process.argv.slice(1);
const init = body ? { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token } } : {};
fetch(url, { ...init, signal: AbortSignal.timeout(5000) })
  .then(async (r) => { const t = await r.text(); if (!r.ok) throw new Error(r.status + ' ' + t); process.stdout.write(t); })
  .catch((e) => { console.error(String(e)); process.exit(1); });
`;

async function nsFetch(url: string, body = '', token = ''): Promise<string> {
  const cmd = ['netns', 'exec', NET.serverNs, process.execPath, '-e', FETCH_SCRIPT, url, body, token];
  const { stdout } = await promisify(execFile)('ip', cmd, { timeout: 10_000, maxBuffer: 1 << 20 });
  return stdout;
}

/** Every statistic as name → value, through the management API's statistic-get-all. */
export async function statisticsGetAll(token: string): Promise<Map<string, number>> {
  const text = await nsFetch(`http://127.0.0.1:${PORTS.control}/`, JSON.stringify({ command: 'statistic-get-all' }), token);
  const answer = JSON.parse(text) as { result: number; text?: string; arguments?: Record<string, [number, string][]> };
  if (answer.result !== 0 || !answer.arguments) throw new Error(`statistic-get-all: result ${answer.result}: ${answer.text ?? ''}`);
  return new Map(Object.entries(answer.arguments).map(([name, samples]) => [name, Number(samples[0]?.[0] ?? NaN)]));
}

/** Messages JetStream stores, from the monitoring endpoint: what reached NATS, counted by NATS. */
export async function natsStoredMessages(): Promise<number> {
  const jsz = JSON.parse(await nsFetch(`http://127.0.0.1:${PORTS.natsMonitor}/jsz`)) as { messages?: number };
  return jsz.messages ?? NaN;
}

/** CPU seconds (user + system) of one thread; for a process's main thread, tid = pid. */
export function threadCpuSeconds(pid: number, tid = pid): number {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
