import { join } from 'node:path';
import { NET, subnet, type ServeParams } from './params.js';

/**
 * kea-dhcp6 on the bench parameters: memfile with persist true (Kea's
 * default: every lease appended to a CSV file, never fsynced), lease file
 * cleanup off during a run, logging at WARN (at INFO Kea logs every lease).
 */
export function keaConfig(p: ServeParams, dir: string): object {
  return {
    Dhcp6: {
      'interfaces-config': { interfaces: [NET.serverIf] },
      'server-id': { type: 'LL', persist: false },
      'lease-database': { type: 'memfile', persist: true, name: join(dir, 'kea-leases6.csv'), 'lfc-interval': 0 },
      'preferred-lifetime': p.preferredLifetime,
      'valid-lifetime': p.validLifetime,
      subnet6: [subnet(p)],
      loggers: [{ name: 'kea-dhcp6', severity: 'WARN', output_options: [{ output: join(dir, 'kea.log') }] }],
    },
  };
}
