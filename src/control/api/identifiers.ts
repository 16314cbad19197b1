import { z } from 'zod';
import { checkId } from '../../store/assignments/identifiers.js';
import type { IdentifierType } from '../../pipeline/types.js';

/**
 * Reservation identifiers as in Kea's host_cmds (`identifier-type`,
 * `identifier`) plus Fulmar's relay-supplied ones, in the pipeline's
 * canonical form (store/assignments/identifiers.ts): hex without separators,
 * remote-id `ENTERPRISE:HEX`, flex-id the expression's text.
 */

export const IDENTIFIER_TYPES = ['duid', 'hw-address', 'flex-id', 'remote-id', 'subscriber-id', 'interface-id'] as const satisfies readonly IdentifierType[];
export const identifierType = z.enum(IDENTIFIER_TYPES);

/** The canonical identifier, or why the text is not one of that type. Kea's quoted flex-id ('text') loses its quotes. */
export function canonicalIdentifier(type: IdentifierType, text: string): { id: string } | { problem: string } {
  const t = type === 'flex-id' && /^'.+'$/s.test(text) ? text.slice(1, -1) : text;
  const c = checkId(type, t);
  return c.value !== undefined ? { id: c.value } : { problem: c.error };
}

/** How an identifier is printed back: colon hex as Kea (remote-id keeps its enterprise number, flex-id is text). */
export function printIdentifier(type: IdentifierType, id: string): string {
  const colon = (h: string) => h.replace(/(..)(?!$)/g, '$1:');
  if (type === 'flex-id') return id;
  if (type === 'remote-id') {
    const i = id.indexOf(':');
    return `${id.slice(0, i)}:${colon(id.slice(i + 1))}`;
  }
  return colon(id);
}
