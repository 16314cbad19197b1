import type { z } from 'zod';
import type { subnet6Schema } from '../schema.js';
import { inherit, levelKeys, readLevel, readLink, type Level } from './level.js';
import { KeaObject, isRecord, pathOf } from './object.js';
import type { OptionContext } from './option-data.js';
import { convertPdPool, convertPool } from './pools.js';
import { convertReservation } from './reservations.js';

export type FulmarSubnet = z.input<typeof subnet6Schema>;

/** A Kea subnet6 entry to convert, with its shared network's settings if it had one. */
export interface SubnetSource {
  value: unknown;
  path: string;
  network?: Level;
}

/** Convert subnets; those without an id get the lowest ids no other subnet uses. */
export function convertSubnets(sources: readonly SubnetSource[], ctx: OptionContext): FulmarSubnet[] {
  const taken = new Set(sources.map((s) => (isRecord(s.value) ? s.value.id : undefined)).filter((id) => typeof id === 'number'));
  let next = 1;
  const freeId = () => {
    while (taken.has(next)) next++;
    taken.add(next);
    return next;
  };
  return sources.map((s) => convertSubnet(s, ctx, freeId)).filter((s) => s !== undefined);
}

function convertSubnet(src: SubnetSource, ctx: OptionContext, freeId: () => number): FulmarSubnet | undefined {
  const o = KeaObject.of(src.value, src.path, ctx.report);
  if (!o) return undefined;
  const subnet = o.str('subnet');
  if (subnet === undefined) return void ctx.report.drop(src.path, 'a subnet6 entry needs "subnet"');
  let id = o.num('id');
  if (id === undefined) {
    id = freeId();
    ctx.report.change(src.path, `it has no id, so Kea numbered it; Fulmar gives it id ${id} (check this against Kea's lease records)`);
  }
  const own = readLevel(o, ctx);
  readLink(o, own);
  const level = inherit(own, src.network);
  const out: FulmarSubnet = { id, subnet, ...levelKeys(level) };
  const pools = list(o, 'pools', (v, p) => convertPool(v, p, ctx));
  if (pools.length) out.pools = pools;
  const pdPools = list(o, 'pd-pools', (v, p) => convertPdPool(v, p, ctx));
  if (pdPools.length) out['pd-pools'] = pdPools;
  const reservations = list(o, 'reservations', (v, p) => convertReservation(v, p, ctx));
  if (reservations.length) out.reservations = reservations;
  o.finish();
  return out;
}

function list<T>(o: KeaObject, key: string, convert: (v: unknown, path: string) => T | undefined): T[] {
  return (o.list(key) ?? []).map((v, i) => convert(v, pathOf(o.at(key), i))).filter((x) => x !== undefined);
}
