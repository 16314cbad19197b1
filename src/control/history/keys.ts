import { canonicalIpv6 } from '../../protocol/index.js';
import type { ClientKey, TransactionRecord } from '../types.js';

/**
 * Index keys for the transaction history: `kind|canonical value`, so one map
 * holds every kind. Hex identifiers are lowercase without separators
 * (RequestIds' canonical form); remote-id is `ENTERPRISE:HEX` (RFC 4649);
 * addresses are RFC 5952 text; a prefix is keyed by its address alone, so a
 * search finds it with or without the length.
 */
export type KeyKind = ClientKey['by'];

const HEX_SEPARATORS = /[:\-.\s]/g;
const HEX = /^[0-9a-f]*$/;
const REMOTE_ID = /^(\d{1,10}):([0-9a-fA-F:\-.\s]*)$/;

function hexKey(v: string): string | undefined {
  const h = v.trim().replace(/^0x/i, '').replace(HEX_SEPARATORS, '').toLowerCase();
  return h.length > 0 && HEX.test(h) ? h : undefined;
}

function remoteIdKey(v: string): string | undefined {
  const m = REMOTE_ID.exec(v.trim());
  if (!m) return hexKey(v);
  const hex = hexKey(m[2]!);
  return hex === undefined ? undefined : `${Number(m[1])}:${hex}`;
}

function prefixKey(v: string): string | undefined {
  const slash = v.indexOf('/');
  return canonicalIpv6(slash < 0 ? v.trim() : v.slice(0, slash).trim());
}

/** The canonical value of a key, or undefined when it cannot be one of its kind. */
export function canonicalValue(by: KeyKind, value: string): string | undefined {
  switch (by) {
    case 'duid':
    case 'hw-address':
    case 'subscriber-id':
    case 'interface-id':
      return hexKey(value);
    case 'remote-id':
      return remoteIdKey(value);
    case 'address':
      return canonicalIpv6(value.trim());
    case 'prefix':
      return prefixKey(value);
  }
}

export function indexKey(key: ClientKey): string | undefined {
  const v = typeof key.value === 'string' ? canonicalValue(key.by, key.value) : undefined;
  return v === undefined ? undefined : `${key.by}|${v}`;
}

const RELAY_IDS = ['remote-id', 'subscriber-id', 'interface-id'] as const;

/** Every key a record is found by, without duplicates. */
export function recordKeys(r: TransactionRecord): string[] {
  const keys = new Set<string>();
  const add = (by: KeyKind, v: string | undefined): void => {
    if (v === undefined) return;
    const k = indexKey({ by, value: v } as ClientKey);
    if (k !== undefined) keys.add(k);
  };
  add('duid', r.duid ?? r.ids?.duid);
  add('hw-address', r.hwaddr ?? r.ids?.['hw-address']);
  for (const id of RELAY_IDS) add(id, r.ids?.[id]);
  for (const g of r.granted ?? []) add(g.includes('/') ? 'prefix' : 'address', g);
  return [...keys];
}
