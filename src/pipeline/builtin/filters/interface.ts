import { z } from 'zod';
import { defineFilter } from '../define.js';

export const interfaceFilter = defineFilter({
  description: 'Matches direct (not relayed) requests received on one of the named interfaces.',
  schema: z.strictObject({
    names: z
      .array(z.string().min(1).max(15, 'an interface name is at most 15 characters (IFNAMSIZ)'))
      .min(1, 'list at least one interface name')
      .max(1000)
      .describe('Interface names as the kernel knows them, e.g. eth0'),
  }),
  create(config) {
    const names = new Set(config.names);
    return { match: (ctx) => ctx.request.iface !== undefined && names.has(ctx.request.iface) };
  },
});
