import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvScanner, MAX_FIELDS } from './csv-scan.js';

interface Rec {
  line: number;
  fields?: string[];
  error?: string;
}

function scan(text: string): Rec[] {
  const s = new CsvScanner(text);
  const out: Rec[] = [];
  for (let n = s.next(); n >= 0; n = s.next()) {
    out.push(s.error ? { line: s.line, error: s.error } : { line: s.line, fields: s.fields.slice(0, Math.min(n, MAX_FIELDS)) });
  }
  return out;
}

describe('CsvScanner', () => {
  it('splits plain lines, trims, skips blanks and comments, counts lines', () => {
    expect(scan('a,b,c\n\n# note, with "quote"\n  \n d , ,f \r\nlast')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 5, fields: ['d', '', 'f'] },
      { line: 6, fields: ['last'] },
    ]);
  });

  it('strips a byte order mark', () => {
    expect(scan('\ufeffa,b\n')).toEqual([{ line: 1, fields: ['a', 'b'] }]);
  });

  it('reads RFC 4180 quoted fields: commas, doubled quotes, line breaks', () => {
    const text = 'x,"[{""name"":""dns-servers"",""value"":[""2001:db8::53""]}]"\n"multi\nline", y\r\nz,""\n';
    expect(scan(text)).toEqual([
      { line: 1, fields: ['x', '[{"name":"dns-servers","value":["2001:db8::53"]}]'] },
      { line: 2, fields: ['multi\nline', 'y'] },
      { line: 4, fields: ['z', ''] },
    ]);
  });

  it('reports malformed quoting on the record line and carries on', () => {
    expect(scan('a"b,c\nok\n"x"y,z\nok2\n"open,\nok3')).toEqual([
      { line: 1, error: 'a quote inside an unquoted field (quote the whole field and write "" for a quote)' },
      { line: 2, fields: ['ok'] },
      { line: 3, error: 'unexpected text after a closing quote (a quote inside a field is written "")' },
      { line: 4, fields: ['ok2'] },
      { line: 5, error: 'a quoted field is never closed' },
      { line: 6, fields: ['ok3'] },
    ]);
  });

  it('keeps no more than MAX_FIELDS but counts them all', () => {
    const s = new CsvScanner(Array(20).fill('v').join(','));
    expect(s.next()).toBe(20);
    expect(s.fields.length).toBe(MAX_FIELDS);
  });

  it('property: quoting any fields round-trips them and keeps line numbers', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', ' x', '#', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\n');
        const got = scan(text);
        expect(got.map((r) => r.fields)).toEqual(rows);
        let line = 1;
        rows.forEach((r, i) => {
          expect(got[i]!.line).toBe(line);
          line += 1 + r.join('').split('\n').length - 1;
        });
      }),
    );
  });
});
