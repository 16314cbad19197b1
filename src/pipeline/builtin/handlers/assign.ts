import { z } from 'zod';
import { defineHandler } from '../define.js';
import { clientAddress, delegatedPrefix } from '../values.js';

// Inline resources are for small setups; many belong in an assignment source.
const MAX_INLINE = 64;

export const assignHandler = defineHandler({
  description:
    'Hands out the addresses and prefixes written here, to every request its filter matches (e.g. filter on one remote-id, assign its prefix).',
  schema: z
    .strictObject({
      addresses: z.array(clientAddress).max(MAX_INLINE).default([]).describe('IPv6 addresses (IA_NA)'),
      prefixes: z.array(delegatedPrefix).max(MAX_INLINE).default([]).describe('Delegated prefixes ADDRESS/LEN (IA_PD), host bits zero'),
      'line-bound': z
        .boolean()
        .default(false)
        .describe("Give the resources to whichever client matches now, releasing another DUID's lease on them (use when the filter selects a line)"),
    })
    .superRefine((c, ctx) => {
      if (c.addresses.length === 0 && c.prefixes.length === 0) ctx.addIssue({ code: 'custom', message: 'give at least one of "addresses" or "prefixes"' });
    }),
  create(config) {
    const { addresses, prefixes } = config;
    const lineBound = config['line-bound'];
    return {
      pre(ctx) {
        for (const a of addresses) if (!ctx.assigned.addresses.includes(a)) ctx.assigned.addresses.push(a);
        for (const p of prefixes) if (!ctx.assigned.prefixes.includes(p)) ctx.assigned.prefixes.push(p);
        if (lineBound) ctx.assigned.lineBound = true;
      },
    };
  },
});
