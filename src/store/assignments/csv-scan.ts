/**
 * A hand-written RFC 4180 record scanner over one string, for files of a
 * million lines. Lines without a quote (nearly all) are split with indexOf;
 * only a line that holds a '"' takes the char-by-char quoted path, where a
 * field may contain commas, doubled quotes and even line breaks. Blank lines
 * and lines whose first non-blank character is '#' are skipped. Unquoted fields are trimmed of
 * spaces and tabs.
 */

/** A record's fields beyond this many are counted, not kept. */
export const MAX_FIELDS = 16;
/** A quoted record longer than this is an error, so a stray quote cannot swallow the file silently. */
export const MAX_RECORD_CHARS = 1 << 16;

const COMMA = 0x2c;
const QUOTE = 0x22;
const NL = 0x0a;
const CR = 0x0d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

export class CsvScanner {
  /** Line (1-based) where the last record returned by next() starts. */
  line = 0;
  /** Set when the last record was malformed; its fields are then unusable. */
  error: string | undefined;
  /** Fields of the last record (only the first `count` are current). */
  readonly fields: string[] = new Array<string>(MAX_FIELDS).fill('');

  private pos = 0;
  private nextLine = 1;
  // Positions of the next ',' and '"' at or after pos, found once and reused, so searches never rescan (O(n) overall).
  private nextComma = -1;
  private nextQuote = -1;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1; // a byte order mark
  }

  /** Reads the next record; returns its field count, or -1 at the end of the text. */
  next(): number {
    const t = this.text;
    const n = t.length;
    while (this.pos < n) {
      const start = this.pos;
      let lineEnd = t.indexOf('\n', start);
      if (lineEnd < 0) lineEnd = n;
      let end = lineEnd;
      if (end > start && t.charCodeAt(end - 1) === CR) end--;
      this.line = this.nextLine++;
      this.error = undefined;
      if (skippable(t, start, end)) {
        this.pos = lineEnd + 1;
        continue;
      }
      if (this.nextQuote !== n && this.nextQuote < start) {
        this.nextQuote = t.indexOf('"', start);
        if (this.nextQuote < 0) this.nextQuote = n;
      }
      if (this.nextQuote < end) return this.quoted(start);
      this.pos = lineEnd + 1;
      return this.plain(start, end);
    }
    return -1;
  }

  private plain(start: number, end: number): number {
    const t = this.text;
    let count = 0;
    let s = start;
    while (true) {
      if (this.nextComma !== t.length && this.nextComma < s) {
        this.nextComma = t.indexOf(',', s);
        if (this.nextComma < 0) this.nextComma = t.length;
      }
      const e = this.nextComma < end ? this.nextComma : end;
      if (count < MAX_FIELDS) this.fields[count] = trimSlice(t, s, e);
      count++;
      if (e === end) return count;
      s = e + 1;
    }
  }

  /** The RFC 4180 path: one char at a time, quoted fields may span lines. */
  private quoted(start: number): number {
    const t = this.text;
    const n = t.length;
    let i = start;
    let count = 0;
    const put = (v: string): void => {
      if (count < MAX_FIELDS) this.fields[count] = v;
      count++;
    };
    while (true) {
      while (i < n && isSpace(t.charCodeAt(i))) i++;
      if (t.charCodeAt(i) === QUOTE) {
        let v = '';
        let from = ++i;
        while (true) {
          const q = t.indexOf('"', i);
          if (q < 0) return this.fail('a quoted field is never closed', restOfLine(t, start));
          if (q - start > MAX_RECORD_CHARS) return this.fail(`a quoted record is longer than ${MAX_RECORD_CHARS} characters`, restOfLine(t, start));
          if (t.charCodeAt(q + 1) === QUOTE) {
            v += t.slice(from, q + 1);
            i = from = q + 2;
            continue;
          }
          v += t.slice(from, q);
          i = q + 1;
          break;
        }
        put(v);
        while (i < n && isSpace(t.charCodeAt(i))) i++;
        if (i < n && t.charCodeAt(i) === COMMA) {
          i++;
          continue;
        }
        if (i < n && t.charCodeAt(i) === CR && t.charCodeAt(i + 1) === NL) i++;
        if (i >= n || t.charCodeAt(i) === NL) return this.finish(start, i + 1, count);
        return this.fail('unexpected text after a closing quote (a quote inside a field is written "")', restOfLine(t, i));
      }
      // An unquoted field in a line that has quotes elsewhere.
      let e = i;
      while (e < n) {
        const c = t.charCodeAt(e);
        if (c === COMMA || c === NL) break;
        if (c === QUOTE) return this.fail('a quote inside an unquoted field (quote the whole field and write "" for a quote)', restOfLine(t, e));
        e++;
      }
      let f = e;
      if (f > i && t.charCodeAt(f - 1) === CR) f--;
      put(trimSlice(t, i, f));
      if (e < n && t.charCodeAt(e) === COMMA) {
        i = e + 1;
        continue;
      }
      return this.finish(start, e + 1, count);
    }
  }

  /** Move past a record that began at `start` and ends before `resume`, counting the lines its quoted fields spanned. */
  private finish(start: number, resume: number, count: number): number {
    const last = Math.min(resume, this.text.length) - 1; // the record's own line break is counted already
    for (let k = this.text.indexOf('\n', start); k >= 0 && k < last; k = this.text.indexOf('\n', k + 1)) this.nextLine++;
    this.pos = resume;
    return count;
  }

  /** Report a malformed record and resume at `resume`. */
  private fail(message: string, resume: number): number {
    this.finish(this.pos, resume, 0);
    this.error = message;
    return 0;
  }
}

/** Index just past the line break at or after `i`. */
function restOfLine(t: string, i: number): number {
  const nl = t.indexOf('\n', i);
  return nl < 0 ? t.length : nl + 1;
}

/** Blank lines and '#' comments carry no record. */
function skippable(t: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isSpace(t.charCodeAt(i))) i++;
  return i === end || t.charCodeAt(i) === 0x23;
}

function trimSlice(t: string, s: number, e: number): string {
  while (s < e && isSpace(t.charCodeAt(s))) s++;
  while (e > s && isSpace(t.charCodeAt(e - 1))) e--;
  return t.slice(s, e);
}
