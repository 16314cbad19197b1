import { z } from 'zod';
import type { Option } from '../../../protocol/index.js';
import type { Assignment } from '../../sources.js';
import { IDENTIFIER_TYPES, type PipelineContext, type SetupEnv } from '../../types.js';
import { MAX_TEXT } from '../../expr/errors.js';
import { defineHandler } from '../define.js';
import { SetupError } from '../errors.js';
import { checkFlexId, idReader } from '../identifier.js';
import { mergeOptions } from '../option-merge.js';
import { addAssigned } from './assigned.js';

const LINE_KEYS: ReadonlySet<string> = new Set(['remote-id', 'interface-id']);

function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | undefined)?.then === 'function';
}

export const staticHandler = defineHandler({
  description:
    "Hands out the address and/or prefix an assignment source holds for the request's identifier, with the entry's options. Keyed by remote-id or interface-id, the resources are bound to the line: a new CPE on the line takes them over.",
  schema: z
    .strictObject({
      source: z.string().min(1).max(100).describe('Name of an assignment source (a CSV file, SQLite or PostgreSQL table) from the config'),
      key: z.enum(IDENTIFIER_TYPES).describe('Which identifier of the request to look up; flex-id is the value of `expression`'),
      expression: z.string().min(1).max(MAX_TEXT).optional().describe('With key flex-id: the expression whose value is the id, e.g. relay[0].interface_id'),
      'line-bound': z
        .boolean()
        .optional()
        .describe('Give the resources to whichever client is on the line now, releasing another DUID\'s lease on them; default true for keys remote-id and interface-id, false otherwise'),
    })
    .superRefine(checkFlexId),
  create(config, env) {
    const source = env.source(config.source);
    if (!source) throw new SetupError('static.source', `no assignment source named ${JSON.stringify(config.source)}`);
    const key = config.key;
    const idOf = idReader('static', key, config.expression, env);
    const lineBound = config['line-bound'] ?? LINE_KEYS.has(key);
    const optionsOf = assignmentOptions(env, source.name);

    const apply = (ctx: PipelineContext, a: Assignment | undefined): void => {
      if (!a) return;
      // Only ever set: a line-bound prefix stays line-bound beside a DUID-keyed address.
      if (addAssigned(ctx, a.address, a.prefix) && lineBound) ctx.assigned.lineBound = true;
      if (a.options?.length) mergeOptions(ctx.options, optionsOf(a));
    };
    return {
      pre(ctx) {
        const id = idOf(ctx);
        if (id === undefined) return;
        const found = source.lookup(key, id);
        if (isPromise(found)) return found.then((a) => apply(ctx, a));
        apply(ctx, found);
      },
    };
  },
});

/**
 * Codec options of an assignment, converted once per entry object (CSV
 * entries live as long as the file's table). Option data that does not
 * convert is logged and left out: the client still gets its resources.
 */
function assignmentOptions(env: SetupEnv, sourceName: string): (a: Assignment) => Option[] {
  const cache = new WeakMap<Assignment, Option[]>();
  return (a) => {
    let list = cache.get(a);
    if (list === undefined) {
      try {
        list = env.options(a.options ?? []);
      } catch (e) {
        list = [];
        env.log.warn({ msgId: 'FULMAR_PIPELINE_ASSIGNMENT_OPTIONS_INVALID', source: sourceName, address: a.address, prefix: a.prefix, error: e instanceof Error ? e.message : String(e) });
      }
      cache.set(a, list);
    }
    return list;
  };
}
