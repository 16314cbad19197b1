/**
 * The bounded receive queue between the sockets and the server (DESIGN
 * invariant 7): at most `concurrency` requests are served at once and at most
 * `capacity` wait; past that a packet is shed on arrival and counted, so
 * overload is deliberate and visible rather than an ever-growing backlog.
 */
export class WorkQueue<T> {
  private readonly waiting: T[] = [];
  private head = 0;
  private running = 0;
  shed = 0;

  constructor(
    private readonly capacity: number,
    private readonly concurrency: number,
    private readonly work: (item: T) => Promise<void>,
  ) {}

  get depth(): number {
    return this.waiting.length - this.head;
  }

  /** False when the item was shed. */
  push(item: T): boolean {
    if (this.running < this.concurrency) {
      this.start(item);
      return true;
    }
    if (this.depth >= this.capacity) {
      this.shed++;
      return false;
    }
    this.waiting.push(item);
    return true;
  }

  private start(item: T): void {
    this.running++;
    this.work(item)
      .catch(() => {}) // the worker counts its own failures; the queue only keeps going
      .finally(() => {
        this.running--;
        const next = this.next();
        if (next !== undefined) this.start(next);
      });
  }

  private next(): T | undefined {
    if (this.head >= this.waiting.length) return undefined;
    const item = this.waiting[this.head++]!;
    // Compact now and then so the array does not grow with total traffic.
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
    return item;
  }

  /** Resolves once nothing is running or waiting (for a clean stop). */
  async drained(): Promise<void> {
    while (this.running > 0 || this.depth > 0) await new Promise((r) => setTimeout(r, 5));
  }
}
