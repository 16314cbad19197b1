import { z } from 'zod';
import type { TimerOverrides } from '../../types.js';
import { defineHandler } from '../define.js';

const u32 = z.number().int().min(0).max(0xffffffff);
// 0xffffffff is "infinity" (RFC 8415 §7.7); a zero lifetime would hand out dead leases.
const lifetime = z.number().int().min(1, 'a lifetime of 0 would hand out expired leases').max(0xffffffff);

const ORDER = ['t1', 't2', 'preferred', 'valid'] as const;
// RFC 8415 §21.4/§21.21 (T1 <= T2, both meant to fall within the preferred lifetime), §21.6/§21.22 (preferred <= valid).
const RULE = 'the order must be t1 <= t2 <= preferred <= valid (RFC 8415 §21.4, §21.6, §21.21, §21.22)';

export const timersHandler = defineHandler({
  description: 'Overrides T1, T2 and the preferred and valid lifetimes, in seconds, of the addresses and prefixes in the reply.',
  schema: z
    .strictObject({
      t1: u32.optional().describe('T1, renew after this many seconds; 0 leaves it to the client'),
      t2: u32.optional().describe('T2, rebind after this many seconds; 0 leaves it to the client'),
      preferred: lifetime.optional().describe('Preferred lifetime in seconds; 4294967295 is infinite'),
      valid: lifetime.optional().describe('Valid lifetime in seconds; 4294967295 is infinite'),
    })
    .superRefine((c, ctx) => {
      if (ORDER.every((k) => c[k] === undefined)) ctx.addIssue({ code: 'custom', message: 'give at least one of t1, t2, preferred, valid' });
      // Each given value against the nearest given one before it; T1/T2 of 0 mean "the client decides" and are skipped.
      let prev: (typeof ORDER)[number] | undefined;
      for (const k of ORDER) {
        const v = c[k];
        if (v === undefined || ((k === 't1' || k === 't2') && v === 0)) continue;
        const p = prev === undefined ? undefined : c[prev]!;
        if (prev !== undefined && p !== undefined && v < p) {
          ctx.addIssue({ code: 'custom', path: [k], message: `${k} (${v}) is less than ${prev} (${p}): ${RULE}` });
        }
        prev = k;
      }
    }),
  create(config) {
    const set: TimerOverrides = {};
    for (const k of ORDER) if (config[k] !== undefined) set[k] = config[k];
    return {
      pre(ctx) {
        Object.assign(ctx.timers, set);
      },
    };
  },
});
