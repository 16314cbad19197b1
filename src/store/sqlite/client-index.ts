/**
 * Which addresses each DUID holds, in memory, mirroring the committed lease6
 * rows. It answers "what does this client have?" (asked once per IA of every
 * request) without an SQLite index, which cost about a fifth of each commit:
 * a client with nothing, as every new one, is answered by one Map lookup.
 *
 * Compact, for a million leases: keyed by a 31-bit hash of the DUID (a small
 * integer, no key string kept), with the address itself as the value when a
 * DUID holds one. Two DUIDs may share a hash; the store reads each listed
 * row and keeps only the caller's, so sharing costs a read, never a wrong answer.
 */
export class ClientIndex {
  private readonly byHash = new Map<number, string | string[]>();

  addresses(duid: string): readonly string[] {
    const held = this.byHash.get(hash31(duid));
    return held === undefined ? NONE : typeof held === 'string' ? [held] : held;
  }

  add(duid: string, address: string): void {
    const h = hash31(duid);
    const held = this.byHash.get(h);
    if (held === undefined) this.byHash.set(h, address);
    else if (typeof held === 'string') {
      if (held !== address) this.byHash.set(h, [held, address]);
    } else if (!held.includes(address)) held.push(address);
  }

  remove(duid: string, address: string): void {
    const h = hash31(duid);
    const held = this.byHash.get(h);
    if (held === undefined) return;
    if (typeof held === 'string') {
      if (held === address) this.byHash.delete(h);
      return;
    }
    const i = held.indexOf(address);
    if (i < 0) return;
    held.splice(i, 1);
    if (held.length === 1) this.byHash.set(h, held[0]!);
  }
}

const NONE: readonly string[] = Object.freeze([]);

/** FNV-1a over the hex characters, folded to 31 bits so V8 keeps it as a small integer. */
export function hash31(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 31)) & 0x7fffffff;
}
