import { bigIntToIpv6, ipv6ToBigInt, parsePrefix6, parseRange6, prefixMask } from '../protocol/net6.js';
import { slotSet, type SlotSet } from './index-set.js';

/**
 * How a free resource is chosen (Kea's `allocator` / `pd-allocator`):
 * `iterative` takes the next free one after the last handed out, so
 * consecutive leases are neighbours in the store's address-ordered table and
 * one commit writes a few pages rather than one per lease; `random` starts
 * each search at a random place, so addresses say nothing about the order
 * clients came in (RFC 7707 §4 on predictable addresses).
 */
export type Allocator = 'iterative' | 'random';

/**
 * A pool of addresses (IA_NA / IA_TA) or of delegated prefixes (IA_PD) and
 * which of its slots are taken. Resources are named as the codec writes them:
 * "2001:db8::5" for an address, "2001:db8:8000:100::/56" for a prefix.
 */
export class Pool6 {
  readonly slots: SlotSet;
  private readonly shift: bigint;
  /** Where the next iterative search starts. */
  private cursor = 0n;

  private constructor(
    readonly kind: 'address' | 'prefix',
    readonly first: bigint,
    size: bigint,
    /** Delegated length for prefix pools; 128 for address pools. */
    readonly length: number,
    readonly allocator: Allocator,
  ) {
    this.shift = BigInt(128 - length);
    this.slots = slotSet(size);
  }

  /** "FIRST-LAST" or "PREFIX/LEN" as in the config. */
  static addresses(range: string, allocator: Allocator = 'iterative'): Pool6 {
    const r = parseRange6(range);
    if (!r) throw new Error(`bad pool ${range}`);
    return new Pool6('address', r.first, r.last - r.first + 1n, 128, allocator);
  }

  static prefixes(prefix: string, prefixLen: number, delegatedLen: number, allocator: Allocator = 'iterative'): Pool6 {
    const p = parsePrefix6(`${prefix}/${prefixLen}`);
    if (!p || delegatedLen < prefixLen) throw new Error(`bad pd-pool ${prefix}/${prefixLen} delegated ${delegatedLen}`);
    return new Pool6('prefix', p.base, 1n << BigInt(delegatedLen - prefixLen), delegatedLen, allocator);
  }

  get size(): bigint {
    return this.slots.size;
  }

  /** The slot a resource occupies in this pool, or undefined if it is not of this pool. */
  slotOf(resource: string): bigint | undefined {
    let addr: bigint | undefined;
    if (this.kind === 'prefix') {
      const slash = resource.indexOf('/');
      if (slash < 0 || Number(resource.slice(slash + 1)) !== this.length) return undefined;
      addr = ipv6ToBigInt(resource.slice(0, slash));
      if (addr === undefined || (addr & ~prefixMask(this.length) & ((1n << 128n) - 1n)) !== 0n) return undefined;
    } else {
      if (resource.includes('/')) return undefined;
      addr = ipv6ToBigInt(resource);
    }
    if (addr === undefined || addr < this.first) return undefined;
    const slot = (addr - this.first) >> this.shift;
    return slot < this.slots.size ? slot : undefined;
  }

  resourceOf(slot: bigint): string {
    const addr = bigIntToIpv6(this.first + (slot << this.shift));
    return this.kind === 'prefix' ? `${addr}/${this.length}` : addr;
  }

  /** Take a free resource (preferring `hint` when it is free and ours), or undefined when full. */
  take(random: () => number, hint?: string): string | undefined {
    if (hint !== undefined) {
      const s = this.slotOf(hint);
      if (s !== undefined && this.slots.take(s)) return this.resourceOf(s);
    }
    const slot = this.allocator === 'iterative' ? (this.slots.findFreeFrom(this.cursor) ?? this.slots.findFree(random)) : this.slots.findFree(random);
    if (slot === undefined) return undefined;
    this.slots.take(slot);
    this.cursor = slot + 1n < this.slots.size ? slot + 1n : 0n;
    return this.resourceOf(slot);
  }

  /** Mark a resource taken (a lease loaded from the store, a reservation); false if not ours or taken. */
  mark(resource: string): boolean {
    const s = this.slotOf(resource);
    return s !== undefined && this.slots.take(s);
  }

  release(resource: string): void {
    const s = this.slotOf(resource);
    if (s !== undefined) this.slots.free(s);
  }
}
