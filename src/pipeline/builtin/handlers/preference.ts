import { z } from 'zod';
import { defineHandler } from '../define.js';

export const preferenceHandler = defineHandler({
  description:
    'Sets the preference option (RFC 8415 §21.8) in Advertise: clients pick the server with the highest; 255 makes them take this one at once.',
  schema: z.strictObject({ value: z.number().int().min(0).max(255).describe('Preference 0..255') }),
  create(config) {
    const value = config.value;
    return {
      pre(ctx) {
        ctx.preference = value;
      },
    };
  },
});
