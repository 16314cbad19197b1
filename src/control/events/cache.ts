/**
 * A string map that forgets its oldest entries beyond `max`. Insertion order
 * is the eviction order; good enough for caching pure functions.
 */
export class BoundedCache<V> {
  private readonly m = new Map<string, V>();

  constructor(readonly max: number) {}

  get size(): number {
    return this.m.size;
  }

  get(k: string): V | undefined {
    return this.m.get(k);
  }

  set(k: string, v: V): void {
    if (this.m.size >= this.max) {
      const oldest = this.m.keys().next();
      if (!oldest.done) this.m.delete(oldest.value);
    }
    this.m.set(k, v);
  }
}
