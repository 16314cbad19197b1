import type { z } from 'zod';
import { canonicalId } from '../../store/assignments/identifiers.js';
import type { IdentifierType, PipelineContext, SetupEnv } from '../types.js';
import { atField, SetupError } from './errors.js';

/** Reads one identifier of a request, or undefined when the request has none. */
export type IdReader = (ctx: PipelineContext) => string | undefined;

/** The `key` + `expression` pair of `static` and `rate-limit`: flex-id needs the expression, nothing else takes one. */
export function checkFlexId(c: { key: string; expression?: string | undefined }, ctx: z.RefinementCtx): void {
  if (c.key === 'flex-id' && c.expression === undefined) {
    ctx.addIssue({ code: 'custom', path: ['expression'], message: 'key "flex-id" needs an expression that computes the id' });
  }
  if (c.key !== 'flex-id' && c.expression !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['expression'], message: `expression is used only with key "flex-id", not "${c.key}"` });
  }
}

/**
 * The reader for `key`; flex-id compiles `expression` now, so a bad one
 * fails the load with `TYPE.expression: ...`.
 */
export function idReader(type: string, key: IdentifierType | 'source', expression: string | undefined, env: SetupEnv): IdReader {
  switch (key) {
    case 'source':
      return (ctx) => ctx.request.source;
    case 'duid':
      return (ctx) => ctx.request.ids.duid;
    case 'flex-id': {
      if (expression === undefined) throw new SetupError(`${type}.expression`, 'key "flex-id" needs an expression');
      const value = atField(`${type}.expression`, () => env.compileValue(expression));
      // Canonical like the sources store it (trimmed, bounded), so lookups meet.
      return (ctx) => {
        const v = value(ctx.request, ctx.marks);
        return v === undefined ? undefined : canonicalId('flex-id', v);
      };
    }
    default:
      return (ctx) => ctx.request.ids[key];
  }
}
