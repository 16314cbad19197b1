import { z } from 'zod';
import { defineFilter } from '../define.js';

/** Messages a client sends to a server (RFC 8415 §7.3); the pipeline sees only these. */
export const CLIENT_MESSAGE_TYPES = ['solicit', 'request', 'confirm', 'renew', 'rebind', 'release', 'decline', 'information-request'] as const;

export const messageTypeFilter = defineFilter({
  description: "Matches on the client message's type.",
  schema: z.strictObject({
    types: z.array(z.enum(CLIENT_MESSAGE_TYPES)).min(1, 'list at least one message type').describe('Message types, e.g. ["solicit", "request"]'),
  }),
  create(config) {
    const types = new Set<string>(config.types);
    return { match: (ctx) => types.has(ctx.request.type) };
  },
});
