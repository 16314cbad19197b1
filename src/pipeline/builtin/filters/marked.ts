import { z } from 'zod';
import { defineFilter } from '../define.js';
import { markName } from '../values.js';

export const markedFilter = defineFilter({
  description: 'Matches when a `mark` handler of an earlier filter set the named mark on this request.',
  schema: z.strictObject({ name: markName.describe('The mark to test') }),
  create(config) {
    const name = config.name;
    return { match: (ctx) => ctx.marks.has(name) };
  },
});
