import { z } from 'zod';
import { defineHandler } from '../define.js';
import { markName } from '../values.js';

export const markHandler = defineHandler({
  description: 'Sets a mark on the request, for later `marked` filters and expressions.',
  schema: z.strictObject({ name: markName.describe('The mark to set') }),
  create(config) {
    const name = config.name;
    return {
      pre(ctx) {
        ctx.marks.add(name);
      },
    };
  },
});
