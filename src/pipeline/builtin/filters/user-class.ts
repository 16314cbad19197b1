import { z } from 'zod';
import { defineFilter } from '../define.js';
import { opaqueBytes, valueList } from '../values.js';

const USER_CLASS = 15; // RFC 8415 §21.15
const MAX_ITEM = 1024;

export const userClassFilter = defineFilter({
  description: "Matches when one item of the client's user class option (RFC 8415 §21.15) equals one of the values.",
  schema: z.strictObject({
    values: valueList(opaqueBytes(MAX_ITEM), 'user class').describe(
      'User classes as hex bytes, or {"text": "..."} for their UTF-8 bytes',
    ),
  }),
  create(config) {
    const values = new Set<string>(config.values);
    return {
      match(ctx) {
        for (const o of ctx.request.msg.options) {
          if (o.code !== USER_CLASS || !Array.isArray(o.value)) continue;
          for (const item of o.value) if (values.has(item as string)) return true;
        }
        return false;
      },
    };
  },
});
