import { z } from 'zod';
import type { FilterDefinition, HandlerDefinition } from '../types.js';

/** One filter or handler as the reference docs show it. */
export interface DefinitionDoc {
  kind: 'filter' | 'handler';
  /** The config `type` name. */
  type: string;
  description: string;
  /** JSON Schema of what an operator writes (zod input side: defaults optional, before transforms). */
  schema: unknown;
}

/** Docs entries for a table of definitions (the built-ins, or a plugin's). */
export function describeDefinitions(kind: DefinitionDoc['kind'], defs: Record<string, FilterDefinition | HandlerDefinition>): DefinitionDoc[] {
  return Object.entries(defs).map(([type, d]) => ({
    kind,
    type,
    description: d.description,
    schema: z.toJSONSchema(d.schema, { io: 'input', unrepresentable: 'any' }),
  }));
}
