import type { ConfigInput } from '../../src/config/schema.js';
import type { Durability } from '../../src/store/types.js';
import type { UdpIo } from '../../src/transport/udp6.js';
import { NET, subnet, type ServeParams } from './params.js';

/** Settings of the whole bench run for every Fulmar it starts (run.ts sets them from the arguments). */
export const FULMAR_BENCH: { udpIo: UdpIo } = { udpIo: 'batched' };

/**
 * Fulmar on the same parameters as keaConfig(): SQLite at the given
 * durability, logging at warn (as Kea's WARN: no line per transaction).
 */
export function fulmarConfig(p: ServeParams, dir: string, durability: Durability, udpIo: UdpIo = FULMAR_BENCH.udpIo): ConfigInput {
  return {
    'data-directory': dir,
    logging: { level: 'warn' },
    dhcp6: {
      interfaces: [NET.serverIf],
      'lease-database': { type: 'sqlite', durability },
      'udp-io': udpIo,
      'preferred-lifetime': p.preferredLifetime,
      'valid-lifetime': p.validLifetime,
      subnets: [subnet(p)],
    },
  };
}
