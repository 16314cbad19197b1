interface Bucket {
  tokens: number;
  /** When tokens was last brought up to date, in ms. */
  at: number;
}

/**
 * One token bucket per key: `burst` requests at once, refilled at
 * `burst / periodMs` per millisecond, so a key gets `burst` requests per
 * period on average. At most `maxKeys` buckets; the least recently used goes
 * first (an idle key's bucket is full again anyway, so forgetting it is
 * harmless; a busy key stays remembered).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly burst: number,
    periodMs: number,
    private readonly maxKeys: number,
  ) {
    this.perMs = burst / periodMs;
  }

  /** Take one token for `key` at time `now` (ms); false when it has none left. */
  take(key: string, now: number): boolean {
    const b = this.buckets.get(key);
    if (b === undefined) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
      this.buckets.set(key, { tokens: this.burst - 1, at: now });
      return true;
    }
    // Re-insert: Map order is then least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, b);
    b.tokens = Math.min(this.burst, b.tokens + Math.max(0, now - b.at) * this.perMs);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  get size(): number {
    return this.buckets.size;
  }
}
