/**
 * Which slots of a pool are taken (leased, declined, reserved or being
 * committed). Slots are offsets 0..size-1 from the pool's first address or
 * prefix. Small pools use a bitmap with a summary of full words, so finding a
 * free slot stays fast when the pool is 99 % used; huge pools (a /64 of
 * addresses) are sparse by nature and use a set with random probing.
 */
export interface SlotSet {
  readonly size: bigint;
  readonly used: number;
  has(slot: bigint): boolean;
  /** Mark taken; false if it already was. */
  take(slot: bigint): boolean;
  free(slot: bigint): void;
  /** A free slot near a random start, or undefined when full. */
  findFree(random: () => number): bigint | undefined;
  /** The first free slot at or after `start`, wrapping; undefined when full (a sparse pool may give up early). */
  findFreeFrom(start: bigint): bigint | undefined;
}

/** Largest pool kept as a bitmap: 2^26 slots = 8 MiB of bits. */
export const DENSE_LIMIT = 1n << 26n;

export function slotSet(size: bigint): SlotSet {
  return size <= DENSE_LIMIT ? new DenseSlots(Number(size)) : new SparseSlots(size);
}

class DenseSlots implements SlotSet {
  readonly size: bigint;
  used = 0;
  private readonly n: number;
  private readonly words: Uint32Array;
  /** Bit w set: words[w] is full. */
  private readonly full: Uint32Array;

  constructor(n: number) {
    this.n = n;
    this.size = BigInt(n);
    this.words = new Uint32Array(Math.ceil(n / 32));
    this.full = new Uint32Array(Math.ceil(this.words.length / 32));
    // Bits past the end count as taken so they are never handed out.
    const tail = n % 32;
    if (tail) {
      this.words[this.words.length - 1] = ~((1 << tail) - 1) >>> 0;
    }
  }

  has(slot: bigint): boolean {
    const i = Number(slot);
    return i < this.n && (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  take(slot: bigint): boolean {
    const i = Number(slot);
    if (i < 0 || i >= this.n) throw new RangeError(`slot ${slot} outside pool of ${this.n}`);
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    if (this.words[w]! & bit) return false;
    this.words[w] = (this.words[w]! | bit) >>> 0;
    if (this.words[w] === 0xffffffff) this.full[w >>> 5] = (this.full[w >>> 5]! | (1 << (w & 31))) >>> 0;
    this.used++;
    return true;
  }

  free(slot: bigint): void {
    const i = Number(slot);
    if (i < 0 || i >= this.n) return;
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    if (!(this.words[w]! & bit)) return;
    this.words[w] = (this.words[w]! & ~bit) >>> 0;
    this.full[w >>> 5] = (this.full[w >>> 5]! & ~(1 << (w & 31))) >>> 0;
    this.used--;
  }

  findFree(random: () => number): bigint | undefined {
    const nw = this.words.length;
    return this.findFreeFrom(BigInt((Math.floor(random() * nw) % nw) * 32));
  }

  findFreeFrom(start: bigint): bigint | undefined {
    if (this.used >= this.n) return undefined;
    const nw = this.words.length;
    const first = Number(start) < this.n ? Number(start) : 0;
    const w0 = first >>> 5;
    // Bits below the start in its word count as taken the first time round; the walk comes back to them last.
    const below = first & 31 ? (1 << (first & 31)) - 1 : 0;
    // Walk whole words from the start, wrapping; skip 32 full words at a time via the summary.
    for (let k = 0, w = w0; k <= nw; ) {
      const word = k === 0 ? (this.words[w]! | below) >>> 0 : this.words[w]!;
      if (word !== 0xffffffff) {
        const bit = 31 - Math.clz32(~word & (word + 1)); // lowest clear bit
        return BigInt(w * 32 + bit);
      }
      if ((w & 31) === 0 && this.full[w >>> 5] === 0xffffffff && w + 32 <= nw) {
        w += 32;
        k += 32;
      } else {
        w++;
        k++;
      }
      if (w >= nw) w = 0;
    }
    return undefined;
  }
}

/** Random probes before a sparse pool is declared full; at ≤ 50 % use, 64 misses in a row has odds below 1e-19. */
const PROBES = 64;

class SparseSlots implements SlotSet {
  used = 0;
  private readonly taken = new Set<bigint>();

  constructor(readonly size: bigint) {}

  has(slot: bigint): boolean {
    return this.taken.has(slot);
  }

  take(slot: bigint): boolean {
    if (slot < 0n || slot >= this.size) throw new RangeError(`slot ${slot} outside pool`);
    if (this.taken.has(slot)) return false;
    this.taken.add(slot);
    this.used++;
    return true;
  }

  free(slot: bigint): void {
    if (this.taken.delete(slot)) this.used--;
  }

  findFreeFrom(start: bigint): bigint | undefined {
    // A huge pool is nearly empty: the next few slots are free unless a run was just handed out.
    for (let i = 0, slot = start % this.size; i < PROBES; i++, slot = slot + 1n === this.size ? 0n : slot + 1n) {
      if (!this.taken.has(slot)) return slot;
    }
    return undefined;
  }

  findFree(random: () => number): bigint | undefined {
    for (let i = 0; i < PROBES; i++) {
      // 53 random bits, scaled over the pool: uniform enough to spread clients.
      const slot = (BigInt(Math.floor(random() * 2 ** 53)) * this.size) >> 53n;
      if (!this.taken.has(slot)) return slot;
    }
    return undefined;
  }
}
