import type { Duid } from '../../protocol/index.js';
import { testServer, iaNa, iaPd } from '../../server/testing.js';
import type { TransactionSummary } from '../../server/server.js';
import type { TransactionRecord } from '../types.js';

/**
 * The real DHCPv6 server (memory store) answering Solicits from distinct
 * clients, each transaction handed to `publish` as the runtime does. Yields to
 * the event loop every `burst` packets, as datagrams arriving would, so sink
 * drains get their turns. Returns transactions per second.
 */
export async function dhcpThroughput(n: number, publish: ((r: TransactionRecord) => void) | undefined, burst = 32): Promise<number> {
  const t = testServer();
  if (publish) t.server.onTransaction = (s) => publish(toRecord(s));
  const msgs = [];
  for (let i = 0; i < n; i++) {
    const hex = (0x030001_020000000000n + BigInt(i)).toString(16).padStart(20, '0');
    const duid: Duid = { type: 'LL', hwtype: 1, lladdr: hex.slice(8), hex };
    msgs.push(t.codec.encode6(t.client('solicit', [iaNa(1), iaPd(2)], duid)));
  }
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const out = await t.server.handle({ data: msgs[i]!, source: 'fe80::1', sourcePort: 546, iface: 'eth0', unicast: false });
    if (!out) throw new Error(`no answer to solicit ${i}`);
    if (i % burst === burst - 1) await new Promise((r) => setImmediate(r));
  }
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

/** The summary as a record, as the runtime makes it (kept here: control does not import cli). */
function toRecord(t: TransactionSummary): TransactionRecord {
  const ids: Record<string, string> = {};
  if (t.ids) for (const [k, v] of Object.entries(t.ids)) if (v) ids[k] = v;
  return { at: t.at, micros: Math.round(t.micros), type: t.type, reply: t.reply, duid: t.duid, hwaddr: t.hwaddr, ids, subnet: t.subnet, source: t.source, iface: t.iface, granted: t.granted, status: t.status, request: t.request, response: t.response };
}
