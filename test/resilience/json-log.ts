import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { until } from './wait.js';

export type LogLine = Record<string, unknown> & { msgId?: string; time?: number };

/**
 * A JSON-lines log file another process is writing, read incrementally:
 * each `lines()` call parses only what was appended since the last.
 * Lines that are not JSON (a crash's stack trace) are kept in `other`.
 */
export class JsonLog {
  readonly parsed: LogLine[] = [];
  readonly other: string[] = [];
  private offset = 0;
  private partial = '';
  // A read may end inside a multi-byte character (the log's messages hold '→').
  private readonly decoder = new StringDecoder('utf8');

  constructor(readonly path: string) {}

  lines(): LogLine[] {
    const fd = openSync(this.path, 'r');
    try {
      const chunk = Buffer.alloc(1 << 20);
      for (;;) {
        const n = readSync(fd, chunk, 0, chunk.length, this.offset);
        if (n === 0) break;
        this.offset += n;
        this.take(this.decoder.write(chunk.subarray(0, n)));
      }
    } finally {
      closeSync(fd);
    }
    return this.parsed;
  }

  count(pred: (l: LogLine) => boolean): number {
    return this.lines().filter(pred).length;
  }

  async waitFor(pred: (l: LogLine) => boolean, ms: number, what: string): Promise<LogLine> {
    return until(() => this.lines().find(pred), ms, `${what} in ${this.path}`);
  }

  private take(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop()!;
    for (const p of parts) {
      if (!p.startsWith('{')) {
        if (p.trim()) this.other.push(p);
        continue;
      }
      try {
        this.parsed.push(JSON.parse(p) as LogLine);
      } catch {
        this.other.push(p);
      }
    }
  }
}
