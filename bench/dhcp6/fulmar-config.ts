import type { ConfigInput } from '../../src/config/schema.js';
import type { Durability } from '../../src/store/types.js';
import { NET, subnet, type ServeParams } from './params.js';

/**
 * Fulmar on the same parameters as keaConfig(): SQLite at the given
 * durability, logging at warn (as Kea's WARN: no line per transaction).
 */
export function fulmarConfig(p: ServeParams, dir: string, durability: Durability): ConfigInput {
  return {
    'data-directory': dir,
    logging: { level: 'warn' },
    dhcp6: {
      interfaces: [NET.serverIf],
      'lease-database': { type: 'sqlite', durability },
      'preferred-lifetime': p.preferredLifetime,
      'valid-lifetime': p.validLifetime,
      subnets: [subnet(p)],
    },
  };
}
