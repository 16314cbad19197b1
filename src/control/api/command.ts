import type { z } from 'zod';
import type { ControlTarget } from '../types.js';

/**
 * One management command, declared once: the dispatcher, the access check,
 * `list-commands` and docs/api.md all read these declarations.
 */

/** Kea's result codes. */
export const RESULT = { success: 0, error: 1, unsupported: 2, empty: 3 } as const;
export type ResultCode = (typeof RESULT)[keyof typeof RESULT];

export interface Answer {
  result: ResultCode;
  text: string;
  arguments?: unknown;
}

export type Access = 'read' | 'write';

export interface CommandContext {
  /** Every command name, for list-commands. */
  readonly names: readonly string[];
  /** Directory of the config file; config-write stays inside it. */
  readonly baseDir: string;
  /** Run after the answer has been sent (shutdown). */
  afterReply(fn: () => void): void;
  /** After a config change: re-read the users file, note the time for status-get; resolves to a problem, if any. */
  reloaded(): Promise<string | undefined>;
  /** Unix milliseconds of the last config reload (start time if none). */
  readonly reloadedAt: number;
}

export interface CommandDef<S extends z.ZodType = z.ZodType> {
  name: string;
  access: Access;
  description: string;
  /** Schema of `arguments`; an absent `arguments` is parsed as {}. */
  args: S;
  handler(target: ControlTarget, args: z.output<S>, ctx: CommandContext): Answer | Promise<Answer>;
}

/** Declare a command with its argument type inferred from its schema. */
export function command<S extends z.ZodType>(def: CommandDef<S>): CommandDef {
  return def as unknown as CommandDef;
}

export const ok = (text: string, args?: unknown): Answer => (args === undefined ? { result: 0, text } : { result: 0, text, arguments: args });
export const fail = (text: string, args?: unknown): Answer => (args === undefined ? { result: 1, text } : { result: 1, text, arguments: args });
export const empty = (text: string, args?: unknown): Answer => (args === undefined ? { result: 3, text } : { result: 3, text, arguments: args });

/** A problem with one argument found by a handler (e.g. a subnet that is not configured). */
export class ArgumentError extends Error {
  override readonly name = 'ArgumentError';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`arguments.${field}: ${problem}`);
  }
}
