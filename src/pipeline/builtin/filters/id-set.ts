import { z } from 'zod';
import type { FilterDefinition } from '../../types.js';
import { defineFilter } from '../define.js';
import { hexId, opaqueId, valueList, type HexIdType } from '../values.js';

/**
 * A filter that matches when the request's identifier of `idType` is one of
 * the configured values: one Set lookup per packet.
 */
export function idSetFilter(idType: HexIdType, description: string, valuesHelp: string, text: boolean): FilterDefinition {
  const item = text ? opaqueId(idType) : hexId(idType);
  return defineFilter({
    description,
    schema: z.strictObject({ values: valueList(item, idType).describe(valuesHelp) }),
    create(config) {
      const values = new Set<string>(config.values);
      return { match: (ctx) => values.has(ctx.request.ids[idType] as string) };
    },
  });
}
