import { readFileSync, writeFileSync } from 'node:fs';
import type { Child } from './child.js';
import type { NetnsPair } from './netns.js';
import { until } from './wait.js';

export interface ClientLease {
  address: string;
  prefix: string;
}

/**
 * ISC `dhclient -6 -1 -N -P` in the client namespace, asking for an address
 * and a prefix, with its own config, lease and pid files in the pair's temp
 * dir and a no-op script (it configures nothing). `-d` keeps it in the
 * foreground, so the process we started is the one we stop.
 */
export async function dhclientLease(pair: NetnsPair): Promise<{ child: Child; lease: ClientLease }> {
  writeFileSync(pair.file('dhclient.conf'), 'request dhcp6.name-servers, dhcp6.domain-search;\n');
  const files = ['-cf', pair.file('dhclient.conf'), '-lf', pair.file('dhclient.leases'), '-pf', pair.file('dhclient.pid')];
  const child = pair.spawn('client', 'dhclient', ['dhclient', '-6', '-1', '-d', '-v', '-N', '-P', '-sf', '/bin/true', ...files, pair.clientIf], { deadlineMs: 30_000 });
  const lease = await until(() => leaseFile(pair, child.alive), 20_000, "dhclient's lease");
  return { child, lease };
}

/** The address and prefix in dhclient's lease file, once both are there; throws if dhclient gave up. */
function leaseFile(pair: NetnsPair, running: boolean): ClientLease | undefined {
  let text = '';
  try {
    text = readFileSync(pair.file('dhclient.leases'), 'utf8');
  } catch {
    // not written yet
  }
  const address = /iaaddr ([0-9a-f:]+) \{/.exec(text)?.[1];
  const prefix = /iaprefix ([0-9a-f:]+\/\d+) \{/.exec(text)?.[1];
  if (address && prefix) return { address, prefix };
  if (!running) throw new Error(`dhclient exited without a lease:\n${readFileSync(pair.file('dhclient.log'), 'utf8')}`);
  return undefined;
}
