import { z } from 'zod';
import { IDENTIFIER_TYPES, type HandlerDefinition } from '../../types.js';
import { MAX_TEXT } from '../../expr/errors.js';
import { defineHandler } from '../define.js';
import { checkFlexId, idReader } from '../identifier.js';
import { TokenBuckets } from './token-buckets.js';

const schema = z
  .strictObject({
    key: z
      .enum([...IDENTIFIER_TYPES, 'source'])
      .describe('What to count requests by: an identifier of the request, or "source" (the sender address: the client, or the relay next to us)'),
    expression: z.string().min(1).max(MAX_TEXT).optional().describe('With key flex-id: the expression whose value is the key'),
    requests: z.number().int().min(1).max(1_000_000).describe('How many requests per key are answered in `seconds`'),
    seconds: z.number().min(0.001).max(86_400).describe('The period, in seconds'),
    'max-keys': z
      .number()
      .int()
      .min(1)
      .max(10_000_000)
      .default(100_000)
      .describe('How many keys are tracked at once; past that the least recently seen is forgotten (bounds memory under a flood of new ids)'),
  })
  .superRefine(checkFlexId);

/**
 * The `rate-limit` handler; `now` (ms, monotonic) is a parameter so tests
 * can drive the clock.
 */
export function rateLimitHandler(now: () => number = () => performance.now()): HandlerDefinition<typeof schema> {
  return defineHandler({
    description:
      'Answers at most `requests` requests per `seconds` for each key (a token bucket: short bursts pass, a steady flood is cut to the rate). Requests over the limit get no reply and are counted as pkt6-rate-limited; requests without the key pass.',
    schema,
    create(config, env) {
      const keyOf = idReader('rate-limit', config.key, config.expression, env);
      const buckets = new TokenBuckets(config.requests, config.seconds * 1000, config['max-keys']);
      return {
        pre(ctx) {
          const key = keyOf(ctx);
          if (key === undefined || buckets.take(key, now())) return;
          ctx.ignore ??= 'rate-limited';
          env.count('pkt6-rate-limited');
        },
      };
    },
  });
}

export const rateLimit = rateLimitHandler();
