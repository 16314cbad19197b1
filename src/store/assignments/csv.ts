import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { constants as bufferConstants } from 'node:buffer';
import type { AssignmentEntry, AssignmentSource, ReloadResult } from '../../pipeline/sources.js';
import type { IdentifierType } from '../../pipeline/types.js';
import { CsvTable, CsvTableBuilder, emptyTable, type CsvEntry } from './csv-table.js';
import { AssignmentFileError } from './errors.js';
import { pageLimit, type Key } from './keys.js';
import type { OptionsCheck } from './options.js';
import { deleteLimitReason, diffTables } from './reload-diff.js';

/**
 * Static assignments from a CSV file, held in memory: lookups are a
 * synchronous hash lookup (see csv-table.ts for why not a Map). reload() (SIGHUP, the API) builds a complete new
 * table beside the old one and swaps a single reference, so a lookup sees
 * either version, never half of one; a file with any problem, or one that
 * would remove more than `maxDeleteShare` of the entries, changes nothing.
 */

export interface CsvSourceOptions {
  name: string;
  /** Absolute, or relative to the process's working directory. */
  path: string;
  /** Largest share of entries (0..1) one reload may remove; default 0.1. */
  maxDeleteShare?: number;
  /** Deeper check of each distinct options list (the config's option-data schema). */
  checkOptions?: OptionsCheck;
  /** Records parsed between yields to the event loop while reloading; default 50,000. */
  reloadSlice?: number;
}

export interface CsvReloadResult extends ReloadResult {
  /** A refused file's first problems, `FILE:LINE: message`. */
  problems?: string[];
}

// A file is read into one string; V8 strings stop here.
const MAX_FILE_BYTES = Math.min(512 * 2 ** 20, bufferConstants.MAX_STRING_LENGTH);

function tooBig(path: string, size: number): string | undefined {
  return size > MAX_FILE_BYTES ? `${path}: ${size} bytes, more than the ${MAX_FILE_BYTES} a CSV source may hold` : undefined;
}

export class CsvAssignmentSource implements AssignmentSource {
  readonly kind = 'csv' as const;
  readonly name: string;
  readonly path: string;
  readonly maxDeleteShare: number;
  private table: CsvTable;
  private readonly check: OptionsCheck | undefined;
  private readonly slice: number;
  private running: Promise<CsvReloadResult> | undefined;
  private queued: Promise<CsvReloadResult> | undefined;
  private closed = false;

  /** Reads and checks the whole file now; throws AssignmentFileError listing the first problems. */
  constructor(o: CsvSourceOptions) {
    this.name = o.name;
    this.path = o.path;
    this.maxDeleteShare = o.maxDeleteShare ?? 0.1;
    if (!(this.maxDeleteShare >= 0 && this.maxDeleteShare <= 1)) throw new RangeError(`maxDeleteShare must be 0 to 1, not ${this.maxDeleteShare}`);
    this.check = o.checkOptions;
    this.slice = o.reloadSlice ?? 50_000;
    const big = tooBig(o.path, statSync(o.path).size);
    if (big) throw new AssignmentFileError(o.path, [big], 1);
    const b = new CsvTableBuilder(o.path, readFileSync(o.path, 'utf8'), this.check);
    b.step();
    if (b.problemCount > 0) throw new AssignmentFileError(o.path, b.problems, b.problemCount);
    this.table = b.table();
  }

  lookup(idType: IdentifierType, id: string): CsvEntry | undefined {
    return this.table.get(idType, id);
  }

  /** Entries in the current table (synchronous, for gauges). */
  get size(): number {
    return this.table.size;
  }

  async count(): Promise<number> {
    return this.table.size;
  }

  async page(after: Key | undefined, limit: number): Promise<AssignmentEntry[]> {
    return this.table.page(after, pageLimit(limit));
  }

  /**
   * Read the file again. Calls during a reload share one follow-up reload
   * (the file may have changed since the running one read it).
   */
  reload(): Promise<CsvReloadResult> {
    if (!this.running) {
      this.running = this.reloadOnce().finally(() => (this.running = undefined));
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.reload();
    });
    return this.queued;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.table = emptyTable();
  }

  private refuse(reason: string, problems?: string[]): CsvReloadResult {
    return { ok: false, entries: this.table.size, added: 0, removed: 0, changed: 0, reason, ...(problems && { problems }) };
  }

  private async reloadOnce(): Promise<CsvReloadResult> {
    if (this.closed) return this.refuse('the source is closed');
    let text: string;
    try {
      const big = tooBig(this.path, (await stat(this.path)).size);
      if (big) return this.refuse(big);
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      return this.refuse(`cannot read ${this.path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const b = new CsvTableBuilder(this.path, text, this.check);
    // Parse in slices so DHCP keeps being served from the old table meanwhile.
    while (!b.step(this.slice)) await yieldToLoop();
    if (this.closed) return this.refuse('the source is closed');
    if (b.problemCount > 0) {
      const more = b.problemCount > 1 ? ` (and ${b.problemCount - 1} more problem${b.problemCount > 2 ? 's' : ''})` : '';
      return this.refuse(`${b.problems[0]}${more}`, b.problems);
    }
    const next = b.table();
    const diff = diffTables(this.table, next);
    const tooMany = deleteLimitReason(diff.removed, this.table.size, this.maxDeleteShare);
    if (tooMany) return this.refuse(tooMany);
    this.table = next;
    return { ok: true, entries: next.size, ...diff };
  }
}

/** Load a CSV source now (throws AssignmentFileError on any problem). */
export function openCsvSource(o: CsvSourceOptions): CsvAssignmentSource {
  return new CsvAssignmentSource(o);
}
