import { pathOf } from './object.js';
import type { ReportItem } from './report.js';

/**
 * Report items in the order their paths appear in the Kea file, so the
 * report reads top to bottom with it. A path not in the file (a key Kea
 * defaulted) goes at the end of its nearest ancestor that is.
 */
export function inFileOrder(items: readonly ReportItem[], raw: unknown): ReportItem[] {
  const start = new Map<string, number>();
  const end = new Map<string, number>();
  let n = 0;
  const walk = (v: unknown, path: string) => {
    start.set(path, n++);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, pathOf(path, i)));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, pathOf(path, k));
    end.set(path, n++);
  };
  walk(raw, '');
  const rank = (path: string): number => {
    if (start.has(path)) return start.get(path)!;
    for (let p = path; ; ) {
      const parent = p.replace(/(\.[^.[]*|\[\d+\])$/, '');
      if (parent === p) return n;
      if (end.has(parent)) return end.get(parent)! - 0.5;
      p = parent;
    }
  };
  return items
    .map((item, i) => ({ item, i, at: rank(item.path) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.item);
}
