import type { CsvTable } from './csv-table.js';

/**
 * What a reload would change, and whether the delete limit allows it. A
 * file truncated by a half-finished copy must not wipe the reservations of
 * every customer at once.
 */

export interface TableDiff {
  added: number;
  removed: number;
  changed: number;
}

/** One pass over the new table: entries matched by key are kept or changed, the old rest are removed. */
export function diffTables(old: CsvTable, next: CsvTable): TableDiff {
  let added = 0;
  let changed = 0;
  for (let k = 0; k < next.size; k++) {
    const j = old.find(next.idType(k), next.id(k));
    if (j < 0) added++;
    else if (!next.sameAs(k, old, j)) changed++;
  }
  return { added, changed, removed: old.size - (next.size - added) };
}

const count = (n: number): string => n.toLocaleString('en-US');
const percent = (share: number): string => `${Number((share * 100).toFixed(1))}%`;

/** Why the reload is refused, or undefined when it may go ahead. */
export function deleteLimitReason(removed: number, entries: number, maxShare: number): string | undefined {
  if (entries === 0 || removed / entries <= maxShare) return undefined;
  return `reload would remove ${count(removed)} of ${count(entries)} entries (${percent(removed / entries)}), more than the limit of ${percent(maxShare)}`;
}
