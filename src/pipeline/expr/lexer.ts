import { ExpressionError, MAX_TEXT } from './errors.js';

/** Tokens of the expression language. Columns are 1-based. */
export type Token =
  | { readonly t: 'int'; readonly value: number; readonly col: number }
  /** Hex byte string literal; value is lowercase hex without the 0x. */
  | { readonly t: 'bytes'; readonly value: string; readonly col: number }
  | { readonly t: 'string'; readonly value: string; readonly col: number }
  | { readonly t: 'ident'; readonly value: string; readonly col: number }
  | { readonly t: 'kw'; readonly value: Keyword; readonly col: number }
  | { readonly t: 'op'; readonly value: Punct; readonly col: number }
  | { readonly t: 'eof'; readonly col: number };

export type Keyword = 'and' | 'or' | 'not' | 'in' | 'true' | 'false';
export type Punct = '==' | '!=' | '<' | '<=' | '>' | '>=' | '(' | ')' | '[' | ']' | ',' | '.';

const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'in', 'true', 'false']);
/** Every int in the language fits in 32 bits unsigned (the widest packet field it reads). */
export const MAX_INT = 0xffffffff;

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isHex = (c: string): boolean => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
const isIdentStart = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdent = (c: string): boolean => isIdentStart(c) || isDigit(c);

/** Hints for operators people bring from other languages. */
const STRAY: Readonly<Record<string, string>> = {
  '=': `"=" is not an operator (use "==")`,
  '!': `"!" is not an operator (use "not" or "!=")`,
  '&': `unexpected "&" (use "and")`,
  '|': `unexpected "|" (use "or")`,
};

/** Text to tokens, ending with one eof token. Throws ExpressionError. */
export function lex(text: string): Token[] {
  if (text.length > MAX_TEXT) throw new ExpressionError(text, MAX_TEXT + 1, `expression is longer than ${MAX_TEXT} characters`);
  const out: Token[] = [];
  const fail = (at: number, reason: string): never => {
    throw new ExpressionError(text, at + 1, reason);
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    const col = i + 1;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '0' && (text[i + 1] === 'x' || text[i + 1] === 'X')) {
      let j = i + 2;
      while (j < n && isHex(text[j]!)) j++;
      const digits = text.slice(i + 2, j);
      if (j < n && isIdent(text[j]!)) fail(j, `bad digit ${JSON.stringify(text[j])} in hex literal`);
      if (digits.length === 0) fail(i, 'hex literal 0x has no digits');
      if (digits.length % 2 !== 0) fail(i, `hex literal 0x${digits} has an odd number of digits`);
      out.push({ t: 'bytes', value: digits.toLowerCase(), col });
      i = j;
    } else if (isDigit(c)) {
      let j = i;
      while (j < n && isDigit(text[j]!)) j++;
      if (j < n && isIdent(text[j]!)) fail(j, `bad character ${JSON.stringify(text[j])} in number`);
      const digits = text.slice(i, j);
      // Length first, so a thousand digits never reach Number().
      const value = digits.length > 10 ? Infinity : Number(digits);
      if (value > MAX_INT) fail(i, `integer ${digits.length > 20 ? digits.slice(0, 20) + '...' : digits} is larger than ${MAX_INT}`);
      out.push({ t: 'int', value, col });
      i = j;
    } else if (isIdentStart(c)) {
      let j = i + 1;
      while (j < n && isIdent(text[j]!)) j++;
      const word = text.slice(i, j);
      out.push(KEYWORDS.has(word) ? { t: 'kw', value: word as Keyword, col } : { t: 'ident', value: word, col });
      i = j;
    } else if (c === "'" || c === '"') {
      i = lexString(text, i, out, fail);
    } else {
      const two = text.slice(i, i + 2);
      if (two === '==' || two === '!=' || two === '<=' || two === '>=') {
        out.push({ t: 'op', value: two, col });
        i += 2;
      } else if ('<>()[],.'.includes(c)) {
        out.push({ t: 'op', value: c as Punct, col });
        i++;
      } else {
        fail(i, STRAY[c] ?? `unexpected character ${JSON.stringify(c)}`);
      }
    }
  }
  out.push({ t: 'eof', col: n + 1 });
  return out;
}

/** One quoted string starting at text[start]; returns the index after its closing quote. */
function lexString(text: string, start: number, out: Token[], fail: (at: number, reason: string) => never): number {
  const quote = text[start]!;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) {
      out.push({ t: 'string', value, col: start + 1 });
      return i + 1;
    }
    if (c === '\\') {
      const e = text[i + 1];
      if (e !== '\\' && e !== "'" && e !== '"') {
        fail(i, `unknown escape ${JSON.stringify('\\' + (e ?? ''))} in string (only \\\\, \\' and \\" are escapes)`);
      }
      value += e;
      i += 2;
    } else {
      value += c;
      i++;
    }
  }
  return fail(start, 'unterminated string');
}
