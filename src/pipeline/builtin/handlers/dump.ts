import { z } from 'zod';
import { defineHandler } from '../define.js';

export const dumpHandler = defineHandler({
  description: 'Logs the whole decoded transaction (request, every relay hop, what the handlers decided, the reply) at info level. For debugging one client: it is verbose.',
  schema: z.strictObject({}),
  create(_config, env) {
    return {
      pre(ctx) {
        ctx.dump = true;
      },
      post(ctx) {
        const q = ctx.request;
        env.log.info(
          {
            msgId: 'FULMAR_PIPELINE_DUMP',
            type: q.type,
            source: q.source,
            iface: q.iface,
            subnetId: q.subnetId,
            ids: q.ids,
            request: q.msg,
            relays: q.relays,
            marks: [...ctx.marks],
            assigned: ctx.assigned,
            options: ctx.options,
            timers: ctx.timers,
            preference: ctx.preference,
            dynamic: ctx.dynamic,
            ignore: ctx.ignore,
            response: ctx.response,
          },
          'pipeline dump',
        );
      },
    };
  },
});
