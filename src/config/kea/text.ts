import { lineColumn, stripJsonComments } from '../jsonc.js';

/** Kea config text → parsed JSON, or why it cannot be read. */
export type KeaText = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Kea's JSON dialect → JSONC for stripJsonComments: "#" comments (Kea
 * accepts them besides // and /* *\/) become spaces, and numbers written
 * without their leading zero (".5", as in Kea's own examples) get it.
 * Strings and the other comments are left as they are; offsets stay put
 * (for error positions) except one column after each such number.
 */
export function normalizeKeaText(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  const copyUntil = (end: number) => {
    out += text.slice(i, end);
    i = end;
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      copyUntil(Math.min(j + 1, n));
    } else if (c === '/' && text[i + 1] === '/') {
      const eol = text.indexOf('\n', i);
      copyUntil(eol < 0 ? n : eol);
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      copyUntil(end < 0 ? n : end + 2);
    } else if (c === '#') {
      const eol = text.indexOf('\n', i);
      const stop = eol < 0 ? n : eol;
      out += ' '.repeat(stop - i); // keep offsets, so parse errors point at the right column
      i = stop;
    } else if (c === '.' && /[0-9]/.test(text[i + 1] ?? '') && !/[0-9]/.test(text[i - 1] ?? '')) {
      out += '0.';
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function parseKeaText(text: string): KeaText {
  const clean = stripJsonComments(normalizeKeaText(text));
  if (/<\?include\b/.test(clean)) return { ok: false, message: 'the <?include ?> directive is not supported: inline the included file first' };
  try {
    return { ok: true, value: JSON.parse(clean) };
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const where = m ? lineColumn(clean, Number(m[1])) : undefined;
    return { ok: false, message: `${where ? `line ${where.line} column ${where.column}: ` : ''}not valid JSON: ${(e as Error).message}` };
  }
}
