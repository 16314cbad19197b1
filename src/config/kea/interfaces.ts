import { canonicalIpv6 } from '../../protocol/index.js';
import { pathOf, type KeaObject } from './object.js';

export interface Listening {
  interfaces: string[];
  'listen-addresses': string[];
}

/** Kea's interfaces-config: "eth0", and "eth0/2001:db8::1" (eth0 plus a unicast address for relays). */
export function convertInterfaces(o: KeaObject | undefined): Listening {
  const out: Listening = { interfaces: [], 'listen-addresses': [] };
  if (!o) return out;
  (o.list('interfaces') ?? []).forEach((v, i) => {
    const path = pathOf(o.at('interfaces'), i);
    if (typeof v !== 'string') return o.report.drop(path, 'expected an interface name');
    if (v === '*') return o.report.drop(path, 'Fulmar serves only interfaces named in its config: list them');
    const [name, address, ...rest] = v.split('/');
    if (rest.length || (address !== undefined && canonicalIpv6(address) === undefined)) return o.report.drop(path, `"${v}" is not IFACE or IFACE/IPV6-ADDRESS`);
    if (!out.interfaces.includes(name!)) out.interfaces.push(name!);
    if (address !== undefined && !out['listen-addresses'].includes(address)) out['listen-addresses'].push(address);
  });
  // Not re-detecting is what Fulmar does: it opens its interfaces once, at start.
  if (o.obj['re-detect'] === false) o.accept('re-detect');
  o.finish();
  return out;
}
