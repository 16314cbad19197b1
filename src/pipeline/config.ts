import { z } from 'zod';

/**
 * The pipeline's shape in the config. Filter and handler parameters depend
 * on their `type`, which plugins can add, so this schema checks the tree and
 * keeps the parameters; each node's parameters are checked against its
 * definition's own schema when the pipeline is built (compile.ts).
 */

export const MAX_PIPELINE_DEPTH = 16;

export const handlerEntrySchema = z
  .looseObject({ type: z.string().min(1).describe('Handler type: a built-in (static, pools, options, timers, rate-limit, ignore, dump, ...) or one a plugin adds') })
  .describe("A handler: its type plus that type's parameters (see `fulmar docs`)");

export interface FilterNodeConfig {
  type: string;
  handlers: z.output<typeof handlerEntrySchema>[];
  filters: FilterNodeConfig[];
  [param: string]: unknown;
}

export const filterNodeSchema: z.ZodType<FilterNodeConfig, unknown> = z.lazy(() =>
  z
    .looseObject({
      type: z.string().min(1).describe('Filter type: always, subnet, remote-id, elapsed-time, expression, ... (see `fulmar docs`)'),
      handlers: z.array(handlerEntrySchema).default([]).describe('Run, in order, for every request this filter matches'),
      filters: z.array(filterNodeSchema).default([]).describe('Nested filters, tried only when this one matched'),
    })
    .describe("A filter: its type plus that type's parameters, its handlers and nested filters"),
) as z.ZodType<FilterNodeConfig, unknown>;

export const pipelineSchema = z
  .array(filterNodeSchema)
  .describe('The provisioning pipeline: filters tried in order; the handlers of every match build the response. Absent: every request may use the pools');

export const pluginEntrySchema = z
  .object({
    module: z.string().min(1).describe('npm package name, or a path to the module (relative to the config file)'),
    config: z.unknown().optional().describe("The plugin's own settings, checked by its schema"),
  })
  .strict();
