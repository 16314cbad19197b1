import type { Writable } from 'node:stream';

/**
 * Line output for commands that print a lot: lines are batched into chunks
 * (one write per ~64 KiB, not per line), the producer waits while the stream
 * is full, and a reader that goes away (EPIPE, e.g. `| head`) just closes it.
 */
export class LineOutput {
  /** Nothing more will be written: the reader left, or a write failed (see `error`). */
  closed = false;
  error: Error | undefined;
  private pending: string[] = [];
  private size = 0;
  private full: Promise<void> | undefined;

  constructor(
    private readonly out: Writable,
    private readonly chunkSize = 64 * 1024,
  ) {
    out.on('error', (e: NodeJS.ErrnoException) => {
      this.closed = true;
      if (e.code !== 'EPIPE') this.error ??= e;
    });
  }

  line(text: string): void {
    if (this.closed) return;
    this.pending.push(text);
    this.size += text.length + 1;
    if (this.size >= this.chunkSize) this.flush();
  }

  /** Set while the stream is full: await it before producing more. */
  get backpressure(): Promise<void> | undefined {
    return this.full;
  }

  /** Write what is pending and wait until the stream has taken it. */
  async finish(): Promise<void> {
    this.flush();
    await this.full;
  }

  private flush(): void {
    if (this.pending.length === 0 || this.closed) return;
    const chunk = this.pending.join('\n') + '\n';
    this.pending = [];
    this.size = 0;
    const ok = this.out.write(chunk);
    // A write to a closed pipe fails synchronously and destroys the stream; 'error' comes later.
    if (this.out.destroyed) this.closed = true;
    else if (!ok) this.full ??= this.drained();
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.out.off('drain', done);
        this.out.off('close', done);
        this.full = undefined;
        resolve();
      };
      this.out.on('drain', done);
      this.out.on('close', done);
    });
  }
}
