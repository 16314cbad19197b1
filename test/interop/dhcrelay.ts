import type { Lab } from './lab.js';
import { udpPortBound } from './netns.js';
import type { Started } from './processes.js';
import { waitFor } from './wait.js';

/**
 * ISC `dhcrelay -6` in the foreground: clients on `down`, the server at
 * `server%up`. -I adds an Interface-ID option, which the server must echo in
 * its Relay-repl for the relay to find the client's link again.
 */
export async function startDhcrelay(lab: Lab, ns: string, down: string, up: string, server: string): Promise<Started> {
  const p = lab.start('dhcrelay', ns, ['dhcrelay', '-6', '-d', '-I', '-pf', lab.path('dhcrelay.pid'), '-l', down, '-u', `${server}%${up}`]);
  await waitFor('dhcrelay to listen on port 547', 10, () => {
    if (!p.running()) throw new Error(`dhcrelay exited:\n${p.output()}`);
    return udpPortBound(lab.ns(ns), 547);
  });
  return p;
}
