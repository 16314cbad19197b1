import { z } from 'zod';
import { defineFilter } from '../define.js';

export const subnetFilter = defineFilter({
  description: 'Matches requests the server placed in one of the given subnets (by relay link-address or receiving interface).',
  schema: z.strictObject({
    ids: z.array(z.number().int().min(1).max(0xffffffff)).min(1, 'list at least one subnet id').max(10_000).describe('Subnet ids (`dhcp6.subnets[].id`)'),
  }),
  create(config) {
    const ids = new Set(config.ids);
    return { match: (ctx) => ctx.request.subnetId !== undefined && ids.has(ctx.request.subnetId) };
  },
});
