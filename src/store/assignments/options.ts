import { clip } from './identifiers.js';

/**
 * The options column: a JSON array of option-data objects in config form
 * (`[{"name":"dns-servers","value":["2001:db8::53"]}]`). Here only the shape
 * is checked; the caller may pass a deeper check (the config's option-data
 * schema) that throws or returns a reason.
 */

export type OptionsCheck = (list: readonly unknown[]) => string | undefined | void;

/** Options per entry, and characters of the column, at most. */
export const MAX_OPTIONS = 64;
export const MAX_OPTIONS_CHARS = 16_384;

export type CheckedOptions = { value: readonly unknown[]; error?: undefined } | { value?: undefined; error: string };

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
    Object.freeze(v);
  }
  return v;
}

/** Validate a parsed options list (from JSON text or an API call). The list is frozen, as entries may share it. */
export function checkOptionsList(list: unknown, check?: OptionsCheck): CheckedOptions {
  if (!Array.isArray(list)) return { error: 'bad options: expected a JSON array of option-data objects' };
  if (list.length > MAX_OPTIONS) return { error: `bad options: ${list.length} options, at most ${MAX_OPTIONS}` };
  for (let i = 0; i < list.length; i++) {
    const o: unknown = list[i];
    if (o === null || typeof o !== 'object' || Array.isArray(o)) return { error: `bad options: item ${i} is not an object` };
  }
  if (check) {
    try {
      const why = check(list);
      if (why) return { error: `bad options: ${why}` };
    } catch (e) {
      return { error: `bad options: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { value: deepFreeze(list) };
}

export function parseOptionsText(text: string, check?: OptionsCheck): CheckedOptions {
  if (text.length > MAX_OPTIONS_CHARS) return { error: `bad options: ${text.length} characters, at most ${MAX_OPTIONS_CHARS}` };
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch (e) {
    return { error: `bad options JSON ${JSON.stringify(clip(text, 60))}: ${e instanceof Error ? e.message : String(e)}` };
  }
  return checkOptionsList(list, check);
}

/**
 * Lines of one file often repeat the same options text; parse each distinct
 * text once and share the frozen result (time and memory), up to `limit` texts.
 */
export class OptionsCache {
  private readonly seen = new Map<string, CheckedOptions>();
  constructor(
    private readonly check?: OptionsCheck,
    private readonly limit = 10_000,
  ) {}

  parse(text: string): CheckedOptions {
    const hit = this.seen.get(text);
    if (hit) return hit;
    const r = parseOptionsText(text, this.check);
    if (this.seen.size < this.limit) this.seen.set(text, r);
    return r;
  }
}

/** Same options? Shared lists compare by identity; others by their JSON. */
export function sameOptions(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
