import { ipv6ToBigInt, parsePrefix6, parseRange6, prefixContains } from '../../src/protocol/net6.js';

/** Is `address` inside the config's address pool ("first-last" or "prefix/len")? */
export function inPool(address: string, pool: string): boolean {
  const range = parseRange6(pool);
  const a = ipv6ToBigInt(address);
  return range !== undefined && a !== undefined && a >= range.first && a <= range.last;
}

/** Is `prefix` ("a::/len") one the config's pd-pool can delegate: inside it, at its delegated length? */
export function inPdPool(prefix: string, pool: { prefix: string; 'prefix-len': number; 'delegated-len': number }): boolean {
  const p = parsePrefix6(prefix);
  const outer = parsePrefix6(`${pool.prefix}/${pool['prefix-len']}`);
  return p !== undefined && outer !== undefined && p.length === pool['delegated-len'] && prefixContains(outer, p.base);
}

/** Is `address` inside `prefix` ("a::/len")? */
export function inPrefix(address: string, prefix: string): boolean {
  const p = parsePrefix6(prefix);
  const a = ipv6ToBigInt(address);
  return p !== undefined && a !== undefined && prefixContains(p, a);
}
