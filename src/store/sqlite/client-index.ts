/**
 * Which addresses each DUID holds, in memory, mirroring the committed lease6
 * rows. It answers "what does this client have?" (asked once per IA of every
 * request) without an SQLite index, which cost about a fifth of each commit:
 * a client with nothing, as every new one, is answered by one Map lookup.
 *
 * It holds DUIDs and addresses only; the rows themselves stay in SQLite.
 */
export class ClientIndex {
  private readonly byDuid = new Map<string, string[]>();

  addresses(duid: string): readonly string[] {
    return this.byDuid.get(duid) ?? NONE;
  }

  add(duid: string, address: string): void {
    const held = this.byDuid.get(duid);
    if (!held) this.byDuid.set(duid, [address]);
    else if (!held.includes(address)) held.push(address);
  }

  remove(duid: string, address: string): void {
    const held = this.byDuid.get(duid);
    if (!held) return;
    const i = held.indexOf(address);
    if (i < 0) return;
    if (held.length === 1) this.byDuid.delete(duid);
    else held.splice(i, 1);
  }

  clear(): void {
    this.byDuid.clear();
  }

  /** DUIDs present, for tests. */
  get size(): number {
    return this.byDuid.size;
  }
}

const NONE: readonly string[] = Object.freeze([]);
