import type { ConfigInput } from '../../src/config/schema.js';
import type { Durability } from '../../src/store/types.js';
import { NET, type ServeParams } from './params.js';

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
      subnets: [
        {
          id: p.subnetId,
          subnet: p.subnet,
          interface: NET.serverIf,
          relay: { 'ip-addresses': [NET.relayLinkAddress] },
          pools: [{ pool: p.pool }],
          'pd-pools': [{ prefix: p.pdPrefix, 'prefix-len': p.pdPrefixLen, 'delegated-len': p.pdDelegatedLen }],
        },
      ],
    },
  };
}
