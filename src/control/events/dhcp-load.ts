import { readFileSync } from 'node:fs';
import type { Duid } from '../../protocol/index.js';
import { testServer, iaNa, iaPd } from '../../server/testing.js';
import type { TransactionSummary } from '../../server/server.js';
import type { TransactionRecord } from '../types.js';

export type Publish = (r: TransactionRecord, requestData: Buffer, responseData: Buffer | undefined) => void;

export interface Throughput {
  txPerSec: number;
  /** CPU time of this thread alone per transaction, µs: what the DHCP thread spent, whatever other threads and processes did. */
  cpuMicrosPerTx: number;
}

/**
 * The real DHCPv6 server (memory store) answering Solicits from distinct
 * clients, each transaction handed to `publish` with its wire bytes, as the
 * runtime does. Yields to the event loop every `burst` packets, as datagrams
 * arriving would, so sink drains get their turns (`pauseMs` > 0: waits that
 * long, for a load below saturation).
 */
export async function dhcpThroughput(n: number, publish: Publish | undefined, burst = 32, pauseMs = 0): Promise<Throughput> {
  const t = testServer();
  if (publish) t.server.onTransaction = (s) => publish(toRecord(s), s.requestData, s.responseData);
  const msgs = [];
  for (let i = 0; i < n; i++) {
    const hex = (0x030001_020000000000n + BigInt(i)).toString(16).padStart(20, '0');
    const duid: Duid = { type: 'LL', hwtype: 1, lladdr: hex.slice(8), hex };
    msgs.push(t.codec.encode6(t.client('solicit', [iaNa(1), iaPd(2)], duid)));
  }
  const cpu0 = threadCpuMicros();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const out = await t.server.handle({ data: msgs[i]!, source: 'fe80::1', sourcePort: 546, iface: 'eth0', unicast: false });
    if (!out) throw new Error(`no answer to solicit ${i}`);
    if (i % burst === burst - 1) await new Promise((r) => (pauseMs > 0 ? setTimeout(r, pauseMs) : setImmediate(r)));
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { txPerSec: n / secs, cpuMicrosPerTx: (threadCpuMicros() - cpu0) / n };
}

/**
 * CPU time of the calling thread, µs: utime + stime of /proc/thread-self/stat
 * (clock ticks of 10 ms; runs of a second or more make that fine enough).
 * Elsewhere, the process's CPU time (which includes other threads).
 */
export function threadCpuMicros(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10_000; // fields 14 and 15, counted after "pid (comm) "
  } catch {
    const u = process.cpuUsage();
    return u.user + u.system;
  }
}

/** The summary as a record, as the runtime makes it (kept here: control does not import cli). */
function toRecord(t: TransactionSummary): TransactionRecord {
  const ids: Record<string, string> = {};
  if (t.ids) for (const [k, v] of Object.entries(t.ids)) if (v) ids[k] = v;
  return { at: t.at, micros: Math.round(t.micros), type: t.type, reply: t.reply, duid: t.duid, hwaddr: t.hwaddr, ids, subnet: t.subnet, source: t.source, iface: t.iface, granted: t.granted, status: t.status, request: t.request, response: t.response };
}
