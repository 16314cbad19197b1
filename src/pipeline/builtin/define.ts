import type { z } from 'zod';
import type { FilterDefinition, HandlerDefinition } from '../types.js';

// Identity functions: they let TypeScript infer each definition's config type from its schema.

export function defineFilter<S extends z.ZodType>(d: FilterDefinition<S>): FilterDefinition<S> {
  return d;
}

export function defineHandler<S extends z.ZodType>(d: HandlerDefinition<S>): HandlerDefinition<S> {
  return d;
}
