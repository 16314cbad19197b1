import { z } from 'zod';
import { defineFilter } from '../define.js';

// The option counts hundredths of a second in 16 bits (RFC 8415 §21.9): 655.35 s at most.
const seconds = z.number().min(0).max(655.35);

export const elapsedTimeFilter = defineFilter({
  description:
    'Matches on how long the client has been trying (elapsed time option, RFC 8415 §21.9), e.g. a backup server that answers only after 30 s.',
  schema: z
    .strictObject({
      above: seconds.optional().describe('Matches when the elapsed time is more than this many seconds'),
      below: seconds.optional().describe('Matches when the elapsed time is less than this many seconds'),
    })
    .superRefine((c, ctx) => {
      if (c.above === undefined && c.below === undefined) ctx.addIssue({ code: 'custom', message: 'give "above", "below" or both' });
      if (c.above !== undefined && c.below !== undefined && c.above >= c.below) {
        ctx.addIssue({ code: 'custom', path: ['below'], message: `below (${c.below}) must be more than above (${c.above}), or nothing can match` });
      }
    }),
  create(config) {
    const above = config.above ?? -1;
    const below = config.below ?? Infinity;
    return {
      match(ctx) {
        const t = ctx.request.elapsedSeconds;
        return t > above && t < below;
      },
    };
  },
});
