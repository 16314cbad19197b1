import type { ClientKey, TransactionRecord } from '../types.js';
import { indexKey, recordKeys } from './keys.js';

export interface HistoryOptions {
  /** Records kept overall; the oldest goes first. Default 100,000. */
  capacity?: number;
  /** Records kept per key (DUID, address, ...). Default 20. */
  perKey?: number;
}

interface Entry {
  readonly record: TransactionRecord;
  readonly keys: readonly string[];
}

/** Most records a query returns, whatever the caller asks. */
export const MAX_QUERY = 1000;

/**
 * The recent transactions the looking glass shows: a ring of records plus,
 * per client key, a short list of that key's newest entries. Adding is O(keys
 * per record); evicting the oldest record removes it from the front of each
 * of its keys' lists (it is the oldest there too, if still present), so
 * memory stays within capacity records and their keys.
 */
export class TransactionHistory {
  readonly capacity: number;
  readonly perKey: number;
  private readonly ring: (Entry | undefined)[];
  /** Next slot to write; once full, also the oldest entry. */
  private next = 0;
  private count = 0;
  /** Per key: entries oldest first, at most perKey. */
  private readonly index = new Map<string, Entry[]>();

  constructor(options: HistoryOptions = {}) {
    this.capacity = positive(options.capacity ?? 100_000, 'capacity');
    this.perKey = positive(options.perKey ?? 20, 'perKey');
    this.ring = new Array<Entry | undefined>(this.capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Distinct keys indexed (for tests and the metrics endpoint). */
  get keys(): number {
    return this.index.size;
  }

  add(record: TransactionRecord): void {
    const old = this.ring[this.next];
    if (old) this.unindex(old);
    else this.count++;
    const entry: Entry = { record, keys: recordKeys(record) };
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    for (const k of entry.keys) {
      let list = this.index.get(k);
      if (!list) this.index.set(k, (list = []));
      list.push(entry);
      // perKey is small, so shift() on a short array is cheap.
      if (list.length > this.perKey) list.shift();
    }
  }

  /** Newest first, at most `limit` (and MAX_QUERY); all clients when key is undefined. */
  query(key: ClientKey | undefined, limit: number): TransactionRecord[] {
    const n = Math.max(0, Math.min(Math.floor(limit) || 0, MAX_QUERY));
    const out: TransactionRecord[] = [];
    if (key === undefined) {
      for (let i = 1; i <= this.count && out.length < n; i++) {
        out.push(this.ring[(this.next - i + this.capacity) % this.capacity]!.record);
      }
      return out;
    }
    const k = indexKey(key);
    const list = k === undefined ? undefined : this.index.get(k);
    if (!list) return out;
    for (let i = list.length - 1; i >= 0 && out.length < n; i--) out.push(list[i]!.record);
    return out;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.index.clear();
    this.next = 0;
    this.count = 0;
  }

  private unindex(e: Entry): void {
    for (const k of e.keys) {
      const list = this.index.get(k);
      if (!list || list[0] !== e) continue;
      if (list.length === 1) this.index.delete(k);
      else list.shift();
    }
  }
}

function positive(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`TransactionHistory: ${name} must be a positive integer, got ${n}`);
  return n;
}
