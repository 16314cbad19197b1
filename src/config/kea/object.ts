import type { Report } from './report.js';
import { whyNotConverted } from './reasons.js';

/** Path of a key (or index) below a path, as the report names it: Dhcp6.subnet6[0].pools[1]. */
export function pathOf(base: string, key: string | number): string {
  return typeof key === 'number' ? `${base}[${key}]` : base ? `${base}.${key}` : key;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A Kea JSON object being read: every key read is marked, and `finish`
 * reports the keys nobody read, so nothing is dropped silently. Values of
 * the wrong type are reported and read as absent.
 */
export class KeaObject {
  private readonly used = new Set<string>();

  constructor(
    readonly obj: Record<string, unknown>,
    readonly path: string,
    readonly report: Report,
  ) {}

  /** The object at `path`, or undefined (reported) when v is not one. */
  static of(v: unknown, path: string, report: Report): KeaObject | undefined {
    if (isRecord(v)) return new KeaObject(v, path, report);
    report.drop(path, `expected an object, got ${JSON.stringify(v)}`);
    return undefined;
  }

  at(key: string | number): string {
    return pathOf(this.path, key);
  }

  has(key: string): boolean {
    return key in this.obj;
  }

  keys(): string[] {
    return Object.keys(this.obj);
  }

  /** The raw value, marked as read. */
  take(key: string): unknown {
    this.used.add(key);
    return this.obj[key];
  }

  private typed<T>(key: string, ok: (v: unknown) => v is T, what: string): T | undefined {
    if (!this.has(key)) return undefined;
    const v = this.take(key);
    if (ok(v)) return v;
    this.report.drop(this.at(key), `expected ${what}, got ${JSON.stringify(v)}`);
    return undefined;
  }

  num(key: string): number | undefined {
    return this.typed(key, (v): v is number => typeof v === 'number' && Number.isFinite(v), 'a number');
  }

  /** A whole number of seconds (Kea's lifetimes and timers). */
  seconds(key: string): number | undefined {
    return this.typed(key, (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff, 'seconds (0..4294967295)');
  }

  str(key: string): string | undefined {
    return this.typed(key, (v): v is string => typeof v === 'string', 'a string');
  }

  bool(key: string): boolean | undefined {
    return this.typed(key, (v): v is boolean => typeof v === 'boolean', 'true or false');
  }

  list(key: string): unknown[] | undefined {
    return this.typed(key, (v): v is unknown[] => Array.isArray(v), 'a list');
  }

  child(key: string): KeaObject | undefined {
    if (!this.has(key)) return undefined;
    return KeaObject.of(this.take(key), this.at(key), this.report);
  }

  /** Mark keys read whose meaning needs no output (e.g. a value that is already Fulmar's behaviour). */
  accept(...keys: string[]): void {
    for (const k of keys) this.used.add(k);
  }

  /** Report every key not read, with why it is not converted. */
  finish(why: (key: string) => string = whyNotConverted): void {
    for (const k of this.keys()) if (!this.used.has(k)) this.report.drop(this.at(k), why(k));
  }
}
