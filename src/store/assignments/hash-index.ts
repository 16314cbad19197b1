/**
 * An open-addressing hash index from string keys (plus an optional small
 * tag) to item numbers, over typed arrays; the caller keeps the keys in its
 * own columns. A table of a million entries built with Map.set spends most
 * of its time in the garbage collector (a growing old-space table pointing
 * at young strings); this allocates only when it doubles.
 */

/** FNV-1a over UTF-16 code units, mixed with `seed` (the tag), finished so low bits spread. */
export function hashText(s: string, seed: number): number {
  let h = 0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

export class HashIndex {
  size = 0;
  private slots: Int32Array; // item + 1; 0 is empty
  private slotHash: Uint32Array;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap);
    this.slotHash = new Uint32Array(cap);
  }

  /** The item whose key is `key` (and whose tag is `tag`, when tags are given), or -1. */
  find(h: number, keys: readonly (string | undefined)[], key: string, tags?: Uint8Array, tag = 0): number {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i]!;
      if (s === 0) return -1;
      if (this.slotHash[i] === h && keys[s - 1] === key && (tags === undefined || tags[s - 1] === tag)) return s - 1;
    }
  }

  /** Index `item` under hash `h`; the caller has checked that its key is not there yet. */
  add(h: number, item: number): void {
    // Load factor at most one half, so probes stay short.
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    this.place(h, item + 1);
    this.size++;
  }

  private place(h: number, s: number): void {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = s;
    this.slotHash[i] = h;
  }

  private grow(): void {
    const { slots, slotHash } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.slotHash = new Uint32Array(slots.length * 2);
    for (let i = 0; i < slots.length; i++) if (slots[i] !== 0) this.place(slotHash[i]!, slots[i]!);
  }
}
