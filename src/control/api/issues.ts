import type { z } from 'zod';

/** zod issues -> one line per problem, each naming the field (`arguments.ip-address: not an IPv6 address`). */

function path(root: string, p: readonly PropertyKey[]): string {
  let s = root;
  for (const k of p) s += typeof k === 'number' ? `[${k}]` : `.${String(k)}`;
  return s;
}

export function issueMessage(i: z.core.$ZodIssue): string {
  if (i.code === 'unrecognized_keys') return `unknown key(s): ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  // zod's default wording for a missing key is "expected string, received undefined".
  if (i.code === 'invalid_type' && i.message.endsWith('received undefined')) return 'required';
  if (i.code === 'invalid_type') return `must be ${i.expected === 'int' ? 'an integer' : `a${/^[aeiou]/.test(i.expected) ? 'n' : ''} ${i.expected}`}`;
  if (i.code === 'invalid_value' && i.values.length) return `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (i.code === 'too_small' && i.origin === 'number') return `must be at least ${String(i.minimum)}`;
  if (i.code === 'too_big' && i.origin === 'number') return `must be at most ${String(i.maximum)}`;
  if (i.code === 'too_small' && i.origin === 'array') return `needs at least ${String(i.minimum)} item(s)`;
  if (i.code === 'too_big' && i.origin === 'array') return `at most ${String(i.maximum)} item(s)`;
  if (i.code === 'too_small' && i.origin === 'string') return Number(i.minimum) === 1 ? 'must not be empty' : `shorter than ${String(i.minimum)} characters`;
  if (i.code === 'too_big' && i.origin === 'string') return `longer than ${String(i.maximum)} characters`;
  return i.message;
}

export function formatIssues(error: z.ZodError, root = 'arguments'): string {
  return error.issues.map((i) => `${path(root, i.path)}: ${issueMessage(i)}`).join('; ');
}
