import type { ConfigInput } from '../../src/config/schema.js';
import { fulmarConfig } from './fulmar-config.js';
import { SERVE } from './params.js';

/**
 * The two Fulmar configs the static part compares: the throughput part's
 * (dynamic pools, durability process) as is, and the same with a pipeline
 * whose only handler is `static` over a CSV source keyed by DUID, so no pool
 * is consulted. The subnet stays: it still selects the link (relay address)
 * and the lifetimes.
 */
export type StaticKind = 'dynamic' | 'static';

export const STATIC_LABEL: Record<StaticKind, string> = {
  dynamic: 'Fulmar, dynamic pools',
  static: 'Fulmar, static CSV',
};

export function staticBenchConfig(kind: StaticKind, dir: string, csvPath: string): ConfigInput {
  const base = fulmarConfig(SERVE, dir, 'process');
  if (kind === 'dynamic') return base;
  return {
    ...base,
    dhcp6: {
      ...base.dhcp6,
      'assignment-sources': { lines: { type: 'csv', path: csvPath } },
      pipeline: [{ type: 'always', handlers: [{ type: 'static', source: 'lines', key: 'duid' }] }],
    },
  };
}
