import { z } from 'zod';
import { optionDataSchema } from '../../../config/schema.js';
import { defineHandler } from '../define.js';
import { atField } from '../errors.js';
import { mergeOptions } from '../option-merge.js';

export const optionsHandler = defineHandler({
  description: 'Sends these options; each replaces an option of the same code set by the config or an earlier handler.',
  schema: z.strictObject({
    'option-data': z.array(optionDataSchema).min(1, 'list at least one option').max(256).describe('Options, in the same form as `option-data` elsewhere in the config'),
  }),
  create(config, env) {
    const list = atField('options.option-data', () => env.options(config['option-data']));
    return {
      pre(ctx) {
        mergeOptions(ctx.options, list);
      },
    };
  },
});
