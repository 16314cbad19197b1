import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Child } from './child.js';
import type { NetnsPair, Side } from './netns.js';
import { untilTrue } from './wait.js';

/**
 * The outside programs these tests drive. CI installs them (and runs as
 * root), so a missing one fails the suite loudly rather than skipping it.
 */
export function requireTools(...names: string[]): void {
  if (process.getuid?.() !== 0) throw new Error('the resilience tests need root (they create network namespaces)');
  const missing = names.filter((n) => {
    try {
      execFileSync('sh', ['-c', `command -v ${n}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length) throw new Error(`missing ${missing.join(', ')} (Debian: ip → iproute2, perfdhcp → kea-admin, dhclient → isc-dhcp-client, tcpdump)`);
}

/** tcpdump of what a DHCPv6 server sends on one interface, into `<dir>/<name>.pcap`, once it is listening. */
export async function startCapture(pair: NetnsPair, side: Side, iface: string, name: string): Promise<Child> {
  // -Z root: tcpdump would otherwise drop to its own user and fail to write our temp dir.
  // -B: 16 MiB of kernel buffer, so a burst is not lost to the capture; -c bounds the file if a load ran away.
  const argv = ['tcpdump', '-i', iface, '-s', '0', '-B', '16384', '-U', '--immediate-mode', '-n', '-Z', 'root', '-c', '200000', '-w', pair.file(`${name}.pcap`), 'udp and src port 547'];
  const child = pair.spawn(side, name, argv, { deadlineMs: 120_000 });
  await untilTrue(() => readFileSync(pair.file(`${name}.log`), 'utf8').includes('listening on'), 10_000, `tcpdump on ${iface}`);
  return child;
}

/** Stop tcpdump cleanly (SIGINT flushes the file) and say how many packets the kernel dropped on it. */
export async function stopCapture(pair: NetnsPair, child: Child, name: string): Promise<{ pcap: Buffer; kernelDropped: number }> {
  await child.stop('SIGINT', 5000);
  const dropped = /(\d+) packets? dropped by kernel/.exec(readFileSync(pair.file(`${name}.log`), 'utf8'));
  return { pcap: readFileSync(pair.file(`${name}.pcap`)), kernelDropped: dropped ? Number(dropped[1]) : NaN };
}

/** perfdhcp's closing statistics: per exchange ("SOLICIT-ADVERTISE", "REQUEST-REPLY"), packets sent and answered. */
export function perfdhcpExchanges(output: string): Record<string, { sent: number; received: number }> {
  const out: Record<string, { sent: number; received: number }> = {};
  for (const m of output.matchAll(/Statistics for: ([A-Z-]+)\*+\s*\nsent packets: (\d+)\s*\nreceived packets: (\d+)/g)) {
    out[m[1]!] = { sent: Number(m[2]), received: Number(m[3]) };
  }
  return out;
}
