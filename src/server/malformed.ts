import type { Option } from '../protocol/index.js';

const NESTED_LIMIT = 8;

/** True if any option, or any option nested in IAs and the like, failed to parse (it carries `error`). */
export function hasMalformedOption(options: readonly Option[], depth = 0): boolean {
  for (const o of options) {
    if (o.error !== undefined) return true;
    const v = o.value as { options?: unknown } | undefined;
    if (depth < NESTED_LIMIT && v && typeof v === 'object' && Array.isArray(v.options) && o.code !== 9) {
      if (hasMalformedOption(v.options as Option[], depth + 1)) return true;
    }
  }
  return false;
}
