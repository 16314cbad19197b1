import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { Sink, SinkResult } from '../sink.js';
import { ErrorLog, errorText, silentLog } from '../sink.js';

export interface NdjsonSinkOptions {
  /** Absolute path of the live file. */
  path: string;
  maxBytes: number;
  /** Rotated files kept: FILE.1 (newest) .. FILE.maxFiles (oldest). */
  maxFiles: number;
  name?: string;
  log?: Logger;
  batchSize?: number;
}

/**
 * Appends one JSON object per line. When the next lines would push the file
 * past maxBytes it rotates: FILE.(n-1) -> FILE.n ... FILE -> FILE.1, the oldest
 * falling off. A failed write is counted and logged; the file is reopened on
 * the next batch.
 */
export class NdjsonSink implements Sink {
  readonly batchSize: number;
  private fh: FileHandle | undefined;
  private size = 0;
  private readonly errors: ErrorLog;

  constructor(private readonly o: NdjsonSinkOptions) {
    this.batchSize = o.batchSize ?? 1000;
    this.errors = new ErrorLog(o.log ?? silentLog, o.name ?? 'ndjson');
  }

  async write(batch: readonly string[]): Promise<SinkResult> {
    let sent = 0;
    let failed = 0;
    let i = 0;
    while (i < batch.length) {
      // Gather lines that fit before the size limit (at least one, so a huge line still goes out).
      let chunk = '';
      let bytes = 0;
      const start = i;
      for (; i < batch.length; i++) {
        const line = batch[i]! + '\n';
        const n = Buffer.byteLength(line);
        if (i > start && this.size + bytes + n > this.o.maxBytes) break;
        chunk += line;
        bytes += n;
      }
      try {
        if (this.size > 0 && this.size + bytes > this.o.maxBytes) await this.rotate();
        const fh = await this.handle();
        await fh.write(chunk);
        this.size += bytes;
        sent += i - start;
      } catch (e) {
        failed += i - start;
        this.errors.error(errorText(e), i - start);
        await this.drop();
      }
    }
    return { sent, failed };
  }

  async close(): Promise<void> {
    await this.drop();
  }

  private async handle(): Promise<FileHandle> {
    if (this.fh) return this.fh;
    await mkdir(dirname(this.o.path), { recursive: true });
    const fh = await open(this.o.path, 'a', 0o640);
    this.size = (await fh.stat()).size;
    this.fh = fh;
    return fh;
  }

  private async rotate(): Promise<void> {
    await this.drop();
    const p = this.o.path;
    await rm(`${p}.${this.o.maxFiles}`, { force: true });
    for (let n = this.o.maxFiles - 1; n >= 1; n--) await rename(`${p}.${n}`, `${p}.${n + 1}`).catch(ignoreMissing);
    await rename(p, `${p}.1`).catch(ignoreMissing);
    this.size = 0;
  }

  private async drop(): Promise<void> {
    const fh = this.fh;
    this.fh = undefined;
    if (fh) await fh.close().catch(() => undefined);
  }
}

function ignoreMissing(e: unknown): void {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
}
