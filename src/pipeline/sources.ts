import type { IdentifierType } from './types.js';

/**
 * Where static assignments come from: a CSV file held in memory, or a
 * SQLite or PostgreSQL table queried live.
 */

/** One line's (or one client's) static resources. */
export interface Assignment {
  address?: string;
  /** `prefix/len`, host bits zero. */
  prefix?: string;
  /** Option data in config form ({name|code, value|raw, ...}); the handler turns it into codec options once. */
  options?: readonly unknown[];
}

export interface AssignmentEntry extends Assignment {
  idType: IdentifierType;
  /** Canonical form, see RequestIds. */
  id: string;
}

export interface ReloadResult {
  ok: boolean;
  /** Entries after the reload (the old count when refused). */
  entries: number;
  added: number;
  removed: number;
  changed: number;
  /** Why a reload was refused, e.g. it would remove 40% of entries (limit 10%). */
  reason?: string;
}

export interface AssignmentSource {
  readonly name: string;
  readonly kind: 'csv' | 'sqlite' | 'postgresql';
  lookup(idType: IdentifierType, id: string): Assignment | undefined | Promise<Assignment | undefined>;
  /** Files only: read again, refusing (and keeping the old table) past the delete limit. */
  reload?(): Promise<ReloadResult>;
  /** Tables only: the management API's reservation-* commands write through these. */
  put?(entry: AssignmentEntry): Promise<void>;
  remove?(idType: IdentifierType, id: string): Promise<boolean>;
  /** Entries after (idType, id) in key order; for reservation-get-page and the looking glass. */
  page?(after: { idType: IdentifierType; id: string } | undefined, limit: number): Promise<AssignmentEntry[]>;
  count(): Promise<number>;
  close(): Promise<void>;
}
