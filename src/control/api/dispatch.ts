import { LeaseInvalidError, LeaseStoreError } from '../../store/errors.js';
import type { Principal } from '../auth/authenticator.js';
import type { ControlTarget } from '../types.js';
import { ArgumentError, fail, type Answer, type CommandContext, type CommandDef } from './command.js';
import { formatIssues } from './issues.js';

/** One POST body -> one answer: envelope checks, access check, argument validation, the handler. */

export interface Dispatched {
  /** HTTP status: 400 for a broken envelope, 403 for a forbidden command, else 200 (the result code tells). */
  status: number;
  answer: Answer;
  command?: string;
}

/** Kea's names for the store's lease fields, so a store refusal names the argument the caller sent. */
const KEA_FIELD: Record<string, string> = {
  address: 'ip-address',
  subnetId: 'subnet-id',
  hwaddr: 'hw-address',
  preferredLifetime: 'preferred-lft',
  validLifetime: 'valid-lft',
  userContext: 'user-context',
};

const ENVELOPE_KEYS = new Set(['command', 'arguments', 'service']);

function envelopeProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the request body must be a JSON object {"command": ..., "arguments": {...}}';
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).filter((k) => !ENVELOPE_KEYS.has(k));
  if (unknown.length) return `unknown key(s): ${unknown.map((k) => `"${k}"`).join(', ')}`;
  if (b.command === undefined) return 'command: required';
  if (typeof b.command !== 'string' || b.command.length === 0 || b.command.length > 64) return 'command: must be a command name';
  // Kea's control agent routes by `service`; Fulmar is one service, so it is checked for shape and ignored.
  if (b.service !== undefined && (!Array.isArray(b.service) || b.service.length > 8 || !b.service.every((s) => typeof s === 'string'))) {
    return 'service: must be an array of service names';
  }
  if (b.arguments !== undefined && (typeof b.arguments !== 'object' || b.arguments === null || Array.isArray(b.arguments))) return 'arguments: must be a JSON object';
  return undefined;
}

export interface DispatchEnv {
  target: ControlTarget;
  commands: ReadonlyMap<string, CommandDef>;
  context: CommandContext;
  /** Unexpected handler failures (bugs, a broken database). */
  onError(command: string, e: unknown): void;
}

export async function dispatch(body: unknown, user: Principal, env: DispatchEnv): Promise<Dispatched> {
  const problem = envelopeProblem(body);
  if (problem) return { status: 400, answer: fail(problem) };
  const { command: name, arguments: args } = body as { command: string; arguments?: unknown };
  const cmd = env.commands.get(name);
  if (!cmd) return { status: 200, answer: { result: 2, text: `'${name}' command not supported.` }, command: name };
  if (cmd.access === 'write' && user.role !== 'read-write') {
    return { status: 403, answer: fail(`forbidden: ${name} changes the server and user "${user.name}" is read-only`), command: name };
  }
  const parsed = cmd.args.safeParse(args ?? {});
  if (!parsed.success) return { status: 200, answer: fail(formatIssues(parsed.error)), command: name };
  try {
    return { status: 200, answer: await cmd.handler(env.target, parsed.data, env.context), command: name };
  } catch (e) {
    if (e instanceof ArgumentError) return { status: 200, answer: fail(e.message), command: name };
    if (e instanceof LeaseInvalidError) return { status: 200, answer: fail(`arguments.${KEA_FIELD[e.field] ?? e.field}: ${e.reason}`), command: name };
    if (e instanceof LeaseStoreError) return { status: 200, answer: fail(e.message), command: name };
    env.onError(name, e);
    return { status: 200, answer: fail(`${name} failed: ${e instanceof Error ? e.message : String(e)}`), command: name };
  }
}
