import type { Option } from '../../protocol/index.js';

/**
 * Add `list` to `target`, first removing the options already there with a
 * code `list` has: the later handler wins. Several options of one code in
 * `list` itself (vendor-opts of two enterprises) are all kept.
 */
export function mergeOptions(target: Option[], list: readonly Option[]): void {
  if (list.length === 0) return;
  if (target.length > 0) {
    let w = 0;
    for (let r = 0; r < target.length; r++) {
      const o = target[r]!;
      if (!hasCode(list, o.code)) target[w++] = o;
    }
    target.length = w;
  }
  for (const o of list) target.push(o);
}

function hasCode(list: readonly Option[], code: number): boolean {
  for (const o of list) if (o.code === code) return true;
  return false;
}
