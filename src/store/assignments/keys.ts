import type { IdentifierType } from '../../pipeline/types.js';

/**
 * Key order shared by every source's page(): id-type, then id, both by plain
 * code unit comparison (the SQL sources use BINARY / COLLATE "C" to agree).
 */

export interface Key {
  idType: IdentifierType;
  id: string;
}

export function compareKeys(a: Key, b: Key): number {
  if (a.idType !== b.idType) return a.idType < b.idType ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** Most entries one page() call returns, whatever the caller asks for. */
export const MAX_PAGE = 10_000;

export function pageLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`page limit must be a whole number >= 0, not ${limit}`);
  return Math.min(limit, MAX_PAGE);
}
