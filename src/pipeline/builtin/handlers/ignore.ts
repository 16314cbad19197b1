import { z } from 'zod';
import { defineHandler } from '../define.js';

export const ignoreHandler = defineHandler({
  description:
    'Sends no reply, counted as pkt6-drop-<reason>. With an elapsed-time filter it makes a backup server that stays silent while the primary answers.',
  schema: z.strictObject({
    reason: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a reason is 1 to 40 lowercase letters, digits or "-" (it names a statistic)')
      .default('ignored')
      .describe('Why, as in the statistic pkt6-drop-<reason>'),
  }),
  create(config) {
    const reason = config.reason;
    return {
      pre(ctx) {
        ctx.ignore = reason;
      },
    };
  },
});
