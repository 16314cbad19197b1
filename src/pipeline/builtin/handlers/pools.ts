import { z } from 'zod';
import { defineHandler } from '../define.js';

export const poolsHandler = defineHandler({
  description: "Lets the request draw addresses and prefixes from the subnet's dynamic pools; without it only static resources are handed out.",
  schema: z.strictObject({}),
  create() {
    return {
      pre(ctx) {
        ctx.dynamic = true;
      },
    };
  },
});
