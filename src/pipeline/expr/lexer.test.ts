import { describe, expect, it } from 'vitest';
import { ExpressionError, MAX_TEXT } from './errors.js';
import { lex } from './lexer.js';

function error(text: string): ExpressionError {
  try {
    lex(text);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`lexed without error: ${text}`);
}

describe('lex', () => {
  it('reads every token kind with its column', () => {
    const toks = lex(`relay[0].remote_id == 0xAB01 and not x in ['a', "b"] <= 42`);
    expect(toks.map((t) => [t.t, 'value' in t ? t.value : '', t.col])).toEqual([
      ['ident', 'relay', 1],
      ['op', '[', 6],
      ['int', 0, 7],
      ['op', ']', 8],
      ['op', '.', 9],
      ['ident', 'remote_id', 10],
      ['op', '==', 20],
      ['bytes', 'ab01', 23],
      ['kw', 'and', 30],
      ['kw', 'not', 34],
      ['ident', 'x', 38],
      ['kw', 'in', 40],
      ['op', '[', 43],
      ['string', 'a', 44],
      ['op', ',', 47],
      ['string', 'b', 49],
      ['op', ']', 52],
      ['op', '<=', 54],
      ['int', 42, 57],
      ['eof', '', 59],
    ]);
  });

  it('handles escapes and quotes of the other kind', () => {
    const [a, b] = lex(`'it\\'s "x"' "back\\\\slash"`);
    expect(a).toMatchObject({ t: 'string', value: `it's "x"` });
    expect(b).toMatchObject({ t: 'string', value: 'back\\slash' });
  });

  it('accepts the largest 32-bit integer', () => {
    expect(lex('4294967295')[0]).toMatchObject({ t: 'int', value: 4294967295 });
  });

  it.each([
    ['msg.xid = 1', 9, '"=" is not an operator (use "==")'],
    ['!marked("a")', 1, '"!" is not an operator (use "not" or "!=")'],
    ['a && b', 3, 'unexpected "&" (use "and")'],
    ['a || b', 3, 'unexpected "|" (use "or")'],
    ['duid == 0x123', 9, 'hex literal 0x123 has an odd number of digits'],
    ['duid == 0x', 9, 'hex literal 0x has no digits'],
    ['duid == 0x01zz', 13, 'bad digit "z" in hex literal'],
    ['subnet == 12ab', 13, 'bad character "a" in number'],
    ['subnet == 4294967296', 11, 'integer 4294967296 is larger than 4294967295'],
    ["iface == 'eth0", 10, 'unterminated string'],
    ["iface == 'a\\n'", 12, 'unknown escape "\\\\n" in string (only \\\\, \\\' and \\" are escapes)'],
    ['iface == `x`', 10, 'unexpected character "`"'],
    ['a\u0000', 2, 'unexpected character "\\u0000"'],
  ])('rejects %j at column %i', (text, column, reason) => {
    const e = error(text);
    expect(e.column).toBe(column);
    expect(e.reason).toBe(reason);
    expect(e.message).toBe(`column ${column}: ${reason}`);
    expect(e.expression).toBe(text);
  });

  it('rejects text over the length limit before reading it', () => {
    const e = error('x'.repeat(MAX_TEXT + 1));
    expect(e.message).toBe(`column ${MAX_TEXT + 1}: expression is longer than ${MAX_TEXT} characters`);
    expect(() => lex('x'.repeat(MAX_TEXT))).not.toThrow();
  });

  it('shortens a huge number in its message', () => {
    expect(error('9'.repeat(200)).reason).toBe(`integer ${'9'.repeat(20)}... is larger than 4294967295`);
  });
});
