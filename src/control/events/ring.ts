/**
 * A fixed-capacity FIFO over a preallocated array: push and shift are O(1)
 * with no copying, so a full queue costs the publisher one comparison.
 */
export class Ring<T> {
  private readonly slots: (T | undefined)[];
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`);
    this.slots = new Array<T | undefined>(capacity).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  /** False (and nothing stored) when full. */
  push(v: T): boolean {
    if (this.count === this.capacity) return false;
    let i = this.head + this.count;
    if (i >= this.capacity) i -= this.capacity;
    this.slots[i] = v;
    this.count++;
    return true;
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const v = this.slots[this.head];
    this.slots[this.head] = undefined; // let the record be collected
    this.head = this.head + 1 === this.capacity ? 0 : this.head + 1;
    this.count--;
    return v;
  }

  /** Remove and return up to `max` items, oldest first. */
  take(max: number): T[] {
    const n = Math.min(max, this.count);
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) out[i] = this.shift()!;
    return out;
  }

  clear(): number {
    const n = this.count;
    while (this.count > 0) this.shift();
    return n;
  }
}
