import { z } from 'zod';
import { defineFilter } from '../define.js';
import { atField } from '../errors.js';
import { MAX_TEXT } from '../../expr/errors.js';

export const expressionFilter = defineFilter({
  description: 'Matches when a boolean expression over the message, every relay hop and the marks is true; compiled once at load.',
  schema: z.strictObject({
    expression: z.string().min(1).max(MAX_TEXT).describe("The expression, e.g. relay[0].remote_id_enterprise == 4491 and not marked('known')"),
  }),
  create(config, env) {
    const test = atField('expression.expression', () => env.compileBool(config.expression));
    return { match: (ctx) => test(ctx.request, ctx.marks) };
  },
});
