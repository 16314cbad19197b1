/**
 * The Harness as a DHCPv6 server on a namespace's interface, for a real
 * client: serves on [ff02::1:2%IFACE]:547, and one second after the first
 * Reply that handed out a key, sends that client a Reconfigure (MESSAGE:
 * renew or information-request). Prints one JSON line per event. Exits
 * after 60 s in case no one stops it.
 * argv: IFACE MESSAGE
 */
import { Harness } from './harness.js';

const [iface, message] = process.argv.slice(2) as [string, 'renew' | 'information-request'];
const h = await Harness.open({}, { address: `ff02::1:2%${iface}`, port: 547, iface });
const say = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');
let sent = false;
h.onServed = (type, duid) => {
  say({ event: 'served', type, duid, answered: h.service.stats.answered });
  if (sent) return;
  void h.keys.get(duid).then((key) => {
    if (!key || sent) return;
    sent = true;
    setTimeout(() => void h.service.reconfigure({ duid, message }).then((r) => say({ event: 'reconfigure', ...r })), 1000);
  });
};
say({ event: 'listening', iface });
setTimeout(() => process.exit(0), 60_000).unref();
setInterval(() => undefined, 1000);
