import type { Assignment, AssignmentEntry } from '../../pipeline/sources.js';
import type { IdentifierType } from '../../pipeline/types.js';
import { AssignmentDataError, AssignmentInvalidError } from './errors.js';
import { checkAddress, checkId, checkPrefix, isIdentifierType } from './identifiers.js';
import { checkOptionsList, parseOptionsText, type OptionsCheck } from './options.js';

/**
 * What the SQLite and PostgreSQL sources share: the table's name and shape,
 * checking an entry before it is written, and reading a row back.
 *
 *   id_type TEXT NOT NULL, id TEXT NOT NULL,   -- canonical, see identifiers.ts
 *   address TEXT UNIQUE, prefix TEXT UNIQUE,  -- RFC 5952; one owner per resource
 *   options TEXT,                              -- JSON array of option-data
 *   PRIMARY KEY (id_type, id)
 */

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
export const TABLE_NAME_RULE = 'an SQL identifier: a letter or "_", then letters, digits or "_", at most 63 characters';

export function isTableName(s: string): boolean {
  return IDENT.test(s);
}

/** The table name, double-quoted for SQL; throws unless it is a plain identifier (never spliced unchecked). */
export function quotedTable(name: string): string {
  if (!isTableName(name)) throw new AssignmentInvalidError('table', `${JSON.stringify(name)} is not ${TABLE_NAME_RULE}`);
  return `"${name}"`;
}

export interface Row {
  id_type: string;
  id: string;
  address: string | null;
  prefix: string | null;
  options: string | null;
}

/** An entry checked and in canonical form, as the row to write. */
export function entryRow(e: AssignmentEntry, check?: OptionsCheck): Row {
  if (!isIdentifierType(e.idType)) throw new AssignmentInvalidError('idType', `unknown id-type ${JSON.stringify(e.idType)}`);
  const id = checkId(e.idType, e.id);
  if (id.error !== undefined) throw new AssignmentInvalidError('id', id.error);
  const address = e.address === undefined || e.address === '' ? undefined : checkAddress(e.address);
  if (address?.error !== undefined) throw new AssignmentInvalidError('address', address.error);
  const prefix = e.prefix === undefined || e.prefix === '' ? undefined : checkPrefix(e.prefix);
  if (prefix?.error !== undefined) throw new AssignmentInvalidError('prefix', prefix.error);
  if (!address && !prefix) throw new AssignmentInvalidError('address', `${e.idType} ${id.value} has neither an address nor a prefix`);
  let options: string | null = null;
  if (e.options !== undefined) {
    const o = checkOptionsList(structuredClone(e.options), check);
    if (o.error !== undefined) throw new AssignmentInvalidError('options', o.error);
    options = JSON.stringify(o.value);
  }
  return { id_type: e.idType, id: id.value, address: address?.value ?? null, prefix: prefix?.value ?? null, options };
}

/** A stored row as an assignment; a row written by hand with bad values is an error naming it, never a guess. */
export function rowAssignment(source: string, r: Row): Assignment {
  const out: Assignment = {};
  const where = (): string => `assignment source "${source}": row (${r.id_type}, ${r.id})`;
  if (r.address !== null) {
    const a = checkAddress(r.address);
    if (a.error !== undefined) throw new AssignmentDataError(`${where()}: ${a.error}`);
    out.address = a.value;
  }
  if (r.prefix !== null) {
    const p = checkPrefix(r.prefix);
    if (p.error !== undefined) throw new AssignmentDataError(`${where()}: ${p.error}`);
    out.prefix = p.value;
  }
  if (r.options !== null && r.options !== '') {
    const o = parseOptionsText(r.options);
    if (o.error !== undefined) throw new AssignmentDataError(`${where()}: ${o.error}`);
    out.options = o.value;
  }
  return out;
}

export function rowEntry(source: string, r: Row): AssignmentEntry {
  return { idType: r.id_type as IdentifierType, id: r.id, ...rowAssignment(source, r) };
}
