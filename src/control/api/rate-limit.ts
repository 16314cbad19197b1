/**
 * Per-client token buckets: `requests` tokens, refilled evenly over
 * `seconds`. The map of clients is bounded; the least recently seen client
 * is forgotten first (it comes back with a full bucket, which is harmless).
 */

interface Bucket {
  tokens: number;
  at: number;
  /** Already refused since it last had a token: log the first refusal only. */
  refused: boolean;
}

export type Take = 'ok' | 'refused' | 'refused-again';

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly capacity: number,
    seconds: number,
    private readonly maxClients = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = capacity / (seconds * 1000);
  }

  take(client: string): Take {
    const now = this.now();
    let b = this.buckets.get(client);
    if (b) {
      this.buckets.delete(client);
      b.tokens = Math.min(this.capacity, b.tokens + (now - b.at) * this.perMs);
      b.at = now;
    } else {
      if (this.buckets.size >= this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
      b = { tokens: this.capacity, at: now, refused: false };
    }
    this.buckets.set(client, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      b.refused = false;
      return 'ok';
    }
    const again = b.refused;
    b.refused = true;
    return again ? 'refused-again' : 'refused';
  }

  /** Seconds until the client has a token again (for Retry-After). */
  retryAfter(client: string): number {
    const b = this.buckets.get(client);
    return b ? Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000)) : 1;
  }

  get clients(): number {
    return this.buckets.size;
  }
}
