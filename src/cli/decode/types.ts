import { MESSAGE_CODES, MESSAGE_TYPES } from '../../protocol/index.js';
// Not yet exported by protocol/index.ts.
import { MESSAGE_TYPES as DHCP4_TYPES } from '../../protocol/v4/types.js';

/**
 * Message type names for --type and for printing: the codec's, lower case;
 * DHCPv4 ones are also accepted with the "DHCP" prefix (DHCPDISCOVER).
 */

export type Protocol = 'dhcp6' | 'dhcp4';

const DHCP4_CODES: ReadonlyMap<string, number> = new Map(Object.entries(DHCP4_TYPES).map(([k, v]) => [v, Number(k)]));

/** "DHCPDISCOVER", "discover" → "discover": how DHCPv4 types are written varies. */
function v4Key(name: string): string {
  const n = name.toLowerCase();
  return n.startsWith('dhcp') && DHCP4_CODES.has(n.slice(4)) ? n.slice(4) : n;
}

/** The DHCPv6 type code of a decoded message's `type`. */
export function typeCode6(type: string | number): number | undefined {
  return typeof type === 'number' ? type : MESSAGE_CODES.get(type);
}

/** The DHCPv4 type code from option 53's decoded value (a number or a name). */
export function typeCode4(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return DHCP4_CODES.get(v4Key(value));
  return undefined;
}

export function typeName4(code: number): string {
  return DHCP4_TYPES[code] ?? String(code);
}

export interface TypeSet {
  v6: ReadonlySet<number>;
  v4: ReadonlySet<number>;
}

/** Names from --type (either protocol; "request" names both) → codes. Throws on an unknown name. */
export function parseTypes(names: readonly string[]): TypeSet {
  const v6 = new Set<number>();
  const v4 = new Set<number>();
  for (const raw of names) {
    const name = raw.trim().toLowerCase();
    const c6 = MESSAGE_CODES.get(name);
    const c4 = DHCP4_CODES.get(v4Key(name));
    if (c6 === undefined && c4 === undefined) {
      throw new Error(
        `unknown message type "${raw}". DHCPv6: ${Object.values(MESSAGE_TYPES).join(', ')}. DHCPv4: ${Object.values(DHCP4_TYPES).join(', ')}`,
      );
    }
    if (c6 !== undefined) v6.add(c6);
    if (c4 !== undefined) v4.add(c4);
  }
  return { v6, v4 };
}
