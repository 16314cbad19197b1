import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENTS_CASES, NDJSON_FILE, SETTLE_MAX_MS, SINK, eventsBenchConfig, sinksOf, usesNats, type EventsCase, type SinkName } from './events-config.js';
import { natsStoredMessages, startNats, startStallServer, statisticsGetAll, threadCpuSeconds } from './events-services.js';
import { eventsTables, type Counters, type EventsSample } from './events-table.js';
import { NET } from './params.js';
import { perfdhcp, type Mode } from './perfdhcp.js';
import { NsProcess } from './proc.js';
import { untilListening } from './servers.js';
import type { ThroughputPlan } from './throughput.js';

const FULMAR_BIN = fileURLToPath(new URL('../../../bin/fulmar.js', import.meta.url));
const EXPORT_TICK_MS = 1_100;

/**
 * The event stream against the real server (issue: "event stream test
 * against the real NATS server and the NDJSON sink, including a slow sink"):
 * `fulmar serve` (durability process) under perfdhcp at the throughput
 * part's modes, rates and phases, with no stream, an NDJSON sink, a NATS
 * JetStream sink, a stalled webhook, all three, and no stream again (an A/A
 * control that shows the noise). NATS (a nats-server started per run on a
 * fresh store) and the webhook's receiver run in the server namespace. The
 * stream's counters are read through the management API (statistic-get-all)
 * after the load phase and after the overload phase; the NDJSON file's lines
 * and NATS's stored messages are counted after the server stopped.
 */
export async function eventsSection(plan: ThroughputPlan, workDir: string, progress: (line: string) => void): Promise<string> {
  mkdirSync(workDir, { recursive: true });
  const authFile = join(workDir, 'users.json');
  const token = execFileSync(process.execPath, [FULMAR_BIN, 'auth', 'add', 'bench', '--role', 'read-only', '--file', authFile], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  // The stalled webhook's receiver: idle unless a stalled case runs, so it serves every run.
  const stall = await startStallServer(workDir);
  const samples: EventsSample[] = [];
  try {
    for (let round = 0; round < plan.rounds; round++) {
      const order = rotate(EVENTS_CASES, round);
      for (const mode of plan.modes) {
        for (const kind of order) {
          const t0 = performance.now();
          const s = await runOne(plan, round, mode, kind, join(workDir, `r${round}-${mode.id}-${kind}`), authFile, token);
          samples.push(s);
          progress(describe(s, plan, (performance.now() - t0) / 1000));
        }
      }
    }
  } finally {
    await stall.stop();
  }
  return `## Event stream under perfdhcp (Fulmar, durability process)\n\n${eventsTables(samples, plan)}`;
}

async function runOne(plan: ThroughputPlan, round: number, mode: Mode, kind: EventsCase, dir: string, authFile: string, token: string): Promise<EventsSample> {
  mkdirSync(dir, { recursive: true });
  const sinks = sinksOf(kind);
  const nats = usesNats(kind) ? await startNats(dir) : undefined;
  let sample: Omit<EventsSample, 'ndjsonLines' | 'natsStored'>;
  try {
    const conf = join(dir, `${kind}.json`);
    writeFileSync(conf, JSON.stringify(eventsBenchConfig(kind, dir, authFile), null, 2));
    const avg = loadavg()[0]!;
    const server = NsProcess.start(NET.serverNs, [process.execPath, FULMAR_BIN, 'serve', '--config', conf], join(dir, `${kind}.log`));
    try {
      await untilListening(server);
      await perfdhcp(mode, plan.warmup.rate, plan.warmup.seconds);
      // Settled after the warm-up too, so the load phase's own deliveries and drops can be told apart from the start's.
      const atWarmup = await settle(token, sinks);
      const cpu = () => ({ proc: server.cpuSeconds(), main: threadCpuSeconds(server.pid), nats: nats?.cpuSeconds() ?? NaN });
      let c0 = cpu();
      const load = await perfdhcp(mode, plan.load.rate, plan.load.seconds);
      const c1 = cpu();
      const perExch = (a: number, b: number) => ((b - a) * 1e6) / load.completed;
      const loadCpuUs = perExch(c0.proc, c1.proc);
      const loadMainCpuUs = perExch(c0.main, c1.main);
      const loadNatsCpuUs = perExch(c0.nats, c1.nats);
      // Every case waits here alike (no stream too), so the overload phase starts from the same state.
      const atLoad = await settle(token, sinks);
      c0 = cpu();
      const t0 = performance.now();
      const overload = await perfdhcp(mode, plan.overload.rate, plan.overload.seconds);
      const wallS = (performance.now() - t0) / 1000;
      const c2 = cpu();
      const { rssKiB, peakKiB } = server.memory();
      const atEnd = await settle(token, sinks);
      sample = {
        round,
        mode,
        kind,
        load,
        loadCpuUs,
        loadMainCpuUs,
        loadNatsCpuUs,
        overload,
        overloadCpu: (c2.proc - c0.proc) / wallS,
        overloadMainCpu: (c2.main - c0.main) / wallS,
        rssKiB,
        peakKiB,
        loadavg: avg,
        atWarmup: atWarmup.counters,
        atLoad: atLoad.counters,
        atEnd: atEnd.counters,
        settleS: atEnd.waitedS,
      };
    } finally {
      await server.stop();
    }
    const ndjsonLines = sinks.includes(SINK.ndjson) ? await countLines(join(dir, NDJSON_FILE)) : undefined;
    const natsStored = nats ? await natsStoredMessages() : undefined;
    return { ...sample, ndjsonLines, natsStored };
  } finally {
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Wait for one statistics export, then read until the counters stop moving
 * and every sink that can deliver (all but the stalled one) has accounted
 * for every record published (sent + dropped + errors): bounded by SETTLE_MAX_MS.
 */
async function settle(token: string, sinks: readonly SinkName[]): Promise<{ counters: Counters | undefined; waitedS: number }> {
  const t0 = performance.now();
  await sleep(EXPORT_TICK_MS);
  let counters = await readCounters(token, sinks);
  if (!sinks.length) return { counters: undefined, waitedS: (performance.now() - t0) / 1000 };
  const live = sinks.filter((s) => s !== SINK.stalled);
  while (performance.now() - t0 < SETTLE_MAX_MS) {
    await sleep(EXPORT_TICK_MS);
    const next = await readCounters(token, sinks);
    const still = next.published === counters.published && live.every((s) => next.sinks[s]!.sent === counters.sinks[s]!.sent);
    const accounted = live.every((s) => next.sinks[s]!.sent + next.sinks[s]!.dropped + next.sinks[s]!.errors >= next.published);
    counters = next;
    if (still && accounted) break;
  }
  return { counters, waitedS: (performance.now() - t0) / 1000 };
}

async function readCounters(token: string, sinks: readonly SinkName[]): Promise<Counters> {
  const stats = await statisticsGetAll(token);
  const get = (name: string) => stats.get(name) ?? 0;
  return {
    published: get('events-published'),
    sinks: Object.fromEntries(sinks.map((s) => [s, { sent: get(`events[${s}].sent`), dropped: get(`events[${s}].dropped`), errors: get(`events[${s}].errors`) }])),
  };
}

async function countLines(path: string): Promise<number> {
  if (!existsSync(path)) return 0;
  let n = 0;
  for await (const chunk of createReadStream(path)) for (const b of chunk as Buffer) if (b === 0x0a) n++;
  return n;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rotate<T>(xs: readonly T[], by: number): T[] {
  const k = by % xs.length;
  return [...xs.slice(k), ...xs.slice(0, k)];
}

function describe(s: EventsSample, plan: ThroughputPlan, tookS: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const sinks = s.atEnd
    ? ` | published ${s.atEnd.published}: ` +
      Object.entries(s.atEnd.sinks)
        .map(([n, c]) => `${n} ${c.sent}/${c.dropped}/${c.errors}`)
        .join(', ') +
      ' (sent/dropped/errors)' +
      (s.ndjsonLines !== undefined ? `, ${s.ndjsonLines} lines` : '') +
      (s.natsStored !== undefined ? `, ${s.natsStored} in JetStream` : '')
    : '';
  return (
    `events round ${s.round + 1}  ${s.mode.label.padEnd(22)} ${s.kind.padEnd(10)} ` +
    `${plan.load.rate}/s: loss ${pct(s.load.loss)} cpu ${Math.round(s.loadCpuUs)} µs/exch (main ${Math.round(s.loadMainCpuUs)}) | ` +
    `${plan.overload.rate}/s: ${Math.round(s.overload.exchangesPerSecond)} exch/s loss ${pct(s.overload.loss)} cpu ${pct(s.overloadCpu)} | ` +
    `RSS ${Math.round(s.rssKiB / 1024)} MiB${sinks} | load avg ${s.loadavg.toFixed(2)} | ${tookS.toFixed(0)} s`
  );
}
