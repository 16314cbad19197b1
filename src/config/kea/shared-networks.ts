import { readLevel, readLink } from './level.js';
import { KeaObject, pathOf } from './object.js';
import type { OptionContext } from './option-data.js';
import type { SubnetSource } from './subnets.js';

/**
 * Fulmar has no shared networks: each network's subnets become plain
 * subnets carrying the network's settings, and the report says so.
 */
export function flattenSharedNetworks(list: unknown, path: string, ctx: OptionContext): SubnetSource[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return ctx.report.drop(path, 'expected a list'), [];
  return list.flatMap((v, i) => {
    const o = KeaObject.of(v, pathOf(path, i), ctx.report);
    if (!o) return [];
    const name = o.str('name') ?? '';
    const network = readLevel(o, ctx);
    readLink(o, network);
    const subnets = o.list('subnet6') ?? [];
    ctx.report.change(
      o.path,
      `shared network "${name}" is flattened into its ${subnets.length} subnet(s), which keep its settings: Fulmar picks one subnet per link and does not move a client to a sibling subnet when one is full`,
    );
    o.finish();
    return subnets.map((s, k) => ({ value: s, path: pathOf(o.at('subnet6'), k), network }));
  });
}
