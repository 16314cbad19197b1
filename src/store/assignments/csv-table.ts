import { IDENTIFIER_TYPES, type IdentifierType } from '../../pipeline/types.js';
import type { AssignmentEntry } from '../../pipeline/sources.js';
import { CsvScanner } from './csv-scan.js';
import { HashIndex, hashText } from './hash-index.js';
import { checkAddress, checkId, checkPrefix, clip, identifierType } from './identifiers.js';
import type { Key } from './keys.js';
import { OptionsCache, sameOptions, type OptionsCheck } from './options.js';

/**
 * One version of a CSV file, and the builder that parses the text into it,
 * checking every line. The table is a set of columns (item i came from line
 * lines[i]) with a hash index on (id-type, id): a million entry objects and
 * Map.set calls cost more in garbage collection than all the parsing. The
 * builder works in slices (step(budget)) so a reload can yield to the event
 * loop between them.
 */

/** An entry with the line it came from (for messages and the looking glass). */
export interface CsvEntry extends AssignmentEntry {
  readonly line: number;
}

export const COLUMNS = ['id-type', 'id', 'address', 'prefix', 'options'] as const;
/** Problems kept word for word; the rest are counted. */
export const MAX_PROBLEMS = 20;

/** Identifier types by a small tag, and each tag's rank in name order (the page order). */
const TAG: Readonly<Record<IdentifierType, number>> = Object.fromEntries(IDENTIFIER_TYPES.map((t, i) => [t, i])) as Record<IdentifierType, number>;
const SORTED_TYPES = [...IDENTIFIER_TYPES].sort();
const RANK = Uint8Array.from(IDENTIFIER_TYPES, (t) => SORTED_TYPES.indexOf(t));

interface Columns {
  tags: Uint8Array;
  ids: string[];
  addresses: (string | undefined)[];
  prefixes: (string | undefined)[];
  options: (readonly unknown[] | undefined)[];
  lines: Int32Array;
}

export class CsvTable {
  private sorted: Int32Array | undefined;

  constructor(
    private readonly c: Columns,
    readonly size: number,
    private readonly index: HashIndex,
  ) {}

  /** Item number of (idType, id), or -1. */
  find(idType: IdentifierType, id: string): number {
    const tag = TAG[idType];
    if (tag === undefined) return -1;
    return this.index.find(hashText(id, tag), this.c.ids, id, this.c.tags, tag);
  }

  get(idType: IdentifierType, id: string): CsvEntry | undefined {
    const k = this.find(idType, id);
    return k < 0 ? undefined : this.entry(k);
  }

  /** A fresh object each time, so a caller cannot change the table. */
  entry(k: number): CsvEntry {
    const c = this.c;
    return { idType: IDENTIFIER_TYPES[c.tags[k]!]!, id: c.ids[k]!, address: c.addresses[k], prefix: c.prefixes[k], options: c.options[k], line: c.lines[k]! };
  }

  /** Do items `k` here and `j` in `other` hold the same resources and options? */
  sameAs(k: number, other: CsvTable, j: number): boolean {
    const a = this.c;
    const b = other.c;
    return a.addresses[k] === b.addresses[j] && a.prefixes[k] === b.prefixes[j] && sameOptions(a.options[k], b.options[j]);
  }

  idType(k: number): IdentifierType {
    return IDENTIFIER_TYPES[this.c.tags[k]!]!;
  }

  id(k: number): string {
    return this.c.ids[k]!;
  }

  /** Items in key order, sorted on first use and kept for this version. */
  private ordered(): Int32Array {
    if (!this.sorted) {
      const { tags, ids } = this.c;
      const items = Array.from({ length: this.size }, (_, i) => i);
      items.sort((a, b) => RANK[tags[a]!]! - RANK[tags[b]!]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
      this.sorted = Int32Array.from(items);
    }
    return this.sorted;
  }

  /** Entries strictly after `after`, at most `limit`. */
  page(after: Key | undefined, limit: number): CsvEntry[] {
    const all = this.ordered();
    let lo = 0;
    if (after) {
      const rank = RANK[TAG[after.idType]]!;
      let hi = all.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const k = all[mid]!;
        const r = RANK[this.c.tags[k]!]!;
        const id = this.c.ids[k]!;
        if (r < rank || (r === rank && id <= after.id)) lo = mid + 1;
        else hi = mid;
      }
    }
    const out: CsvEntry[] = [];
    for (let i = lo; i < all.length && out.length < limit; i++) out.push(this.entry(all[i]!));
    return out;
  }
}

export function emptyTable(): CsvTable {
  return new CsvTable({ tags: new Uint8Array(0), ids: [], addresses: [], prefixes: [], options: [], lines: new Int32Array(0) }, 0, new HashIndex(0));
}

export class CsvTableBuilder {
  readonly problems: string[] = [];
  problemCount = 0;
  private readonly scanner: CsvScanner;
  private readonly optionsCache: OptionsCache;
  private readonly c: Columns = { tags: new Uint8Array(1024), ids: [], addresses: [], prefixes: [], options: [], lines: new Int32Array(1024) };
  private size = 0;
  private readonly index = new HashIndex(1024);
  // One owner per resource; only needed while building.
  private readonly addressOwner = new HashIndex(1024);
  private readonly prefixOwner = new HashIndex(1024);
  private done = false;
  private headerSeen = false;
  // Column positions; -1 when the header leaves the column out.
  private cType = -1;
  private cId = -1;
  private cAddress = -1;
  private cPrefix = -1;
  private cOptions = -1;
  private columns = 0;

  constructor(
    private readonly file: string,
    text: string,
    check?: OptionsCheck,
  ) {
    this.scanner = new CsvScanner(text);
    this.optionsCache = new OptionsCache(check);
  }

  /** Parse up to `budget` records; true when the whole text is done. */
  step(budget = Infinity): boolean {
    const s = this.scanner;
    for (let k = 0; k < budget && !this.done; k++) {
      const n = s.next();
      if (n < 0) {
        if (!this.headerSeen) this.problem(1, `no header line (expected "${COLUMNS.join(',')}")`);
        this.done = true;
      } else if (s.error) this.problem(s.line, s.error);
      else if (!this.headerSeen) this.header(n);
      else this.row(n);
    }
    return this.done;
  }

  /** The parsed table; only meaningful when step() is done and there were no problems. */
  table(): CsvTable {
    const c = this.c;
    return new CsvTable({ ...c, tags: c.tags.slice(0, this.size), lines: c.lines.slice(0, this.size) }, this.size, this.index);
  }

  private problem(line: number, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(`${this.file}:${line}: ${message}`);
    this.problemCount++;
  }

  private header(n: number): void {
    const s = this.scanner;
    this.headerSeen = true;
    this.columns = n;
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const name = s.fields[i]!.toLowerCase();
      if (seen.has(name)) return this.fatal(`column "${name}" appears twice in the header`);
      seen.add(name);
      if (name === 'id-type') this.cType = i;
      else if (name === 'id') this.cId = i;
      else if (name === 'address') this.cAddress = i;
      else if (name === 'prefix') this.cPrefix = i;
      else if (name === 'options') this.cOptions = i;
      else return this.fatal(`unknown column ${JSON.stringify(clip(s.fields[i]!))} in the header (expected "${COLUMNS.join(',')}")`);
    }
    if (this.cType < 0 || this.cId < 0) return this.fatal(`the header needs the columns "id-type" and "id" (expected "${COLUMNS.join(',')}")`);
    if (this.cAddress < 0 && this.cPrefix < 0) return this.fatal('the header needs an "address" or a "prefix" column');
  }

  /** A header we cannot read makes every line meaningless: report it alone. */
  private fatal(message: string): void {
    this.problem(this.scanner.line, message);
    this.done = true;
  }

  private field(col: number, n: number): string {
    return col >= 0 && col < n ? this.scanner.fields[col]! : '';
  }

  /** Who holds item `k`, for messages. */
  private holder(k: number): string {
    return `${IDENTIFIER_TYPES[this.c.tags[k]!]} ${this.c.ids[k]} on line ${this.c.lines[k]}`;
  }

  private row(n: number): void {
    const line = this.scanner.line;
    if (n > this.columns) return this.problem(line, `${n} fields but the header has ${this.columns} (quote a field that holds a comma)`);
    const typeText = this.field(this.cType, n);
    const type = identifierType(typeText);
    if (type === undefined) {
      return this.problem(line, `unknown id-type ${JSON.stringify(clip(typeText))} (expected one of ${IDENTIFIER_TYPES.join(', ')})`);
    }
    const id = checkId(type, this.field(this.cId, n));
    if (id.error !== undefined) return this.problem(line, id.error);
    let address: string | undefined;
    const addressText = this.field(this.cAddress, n);
    if (addressText !== '') {
      const a = checkAddress(addressText);
      if (a.error !== undefined) return this.problem(line, a.error);
      address = a.value;
    }
    let prefix: string | undefined;
    const prefixText = this.field(this.cPrefix, n);
    if (prefixText !== '') {
      const p = checkPrefix(prefixText);
      if (p.error !== undefined) return this.problem(line, p.error);
      prefix = p.value;
    }
    if (address === undefined && prefix === undefined) return this.problem(line, `${type} ${id.value} has neither an address nor a prefix`);
    let options: readonly unknown[] | undefined;
    const optionsText = this.field(this.cOptions, n);
    if (optionsText !== '') {
      const o = this.optionsCache.parse(optionsText);
      if (o.error !== undefined) return this.problem(line, o.error);
      options = o.value;
    }
    const c = this.c;
    const tag = TAG[type];
    const h = hashText(id.value, tag);
    const first = this.index.find(h, c.ids, id.value, c.tags, tag);
    if (first >= 0) return this.problem(line, `duplicate ${type} ${id.value} (first on line ${c.lines[first]})`);
    const ha = address === undefined ? 0 : hashText(address, 0);
    const ownerA = address === undefined ? -1 : this.addressOwner.find(ha, c.addresses, address);
    if (ownerA >= 0) return this.problem(line, `address ${address} is already given to ${this.holder(ownerA)}`);
    const hp = prefix === undefined ? 0 : hashText(prefix, 0);
    const ownerP = prefix === undefined ? -1 : this.prefixOwner.find(hp, c.prefixes, prefix);
    if (ownerP >= 0) return this.problem(line, `prefix ${prefix} is already given to ${this.holder(ownerP)}`);
    const k = this.size++;
    if (k === c.tags.length) this.grow();
    c.tags[k] = tag;
    c.lines[k] = line;
    c.ids.push(id.value);
    c.addresses.push(address);
    c.prefixes.push(prefix);
    c.options.push(options);
    this.index.add(h, k);
    if (address !== undefined) this.addressOwner.add(ha, k);
    if (prefix !== undefined) this.prefixOwner.add(hp, k);
  }

  private grow(): void {
    const tags = new Uint8Array(this.c.tags.length * 2);
    tags.set(this.c.tags);
    const lines = new Int32Array(this.c.lines.length * 2);
    lines.set(this.c.lines);
    this.c.tags = tags;
    this.c.lines = lines;
  }
}
