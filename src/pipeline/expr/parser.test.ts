import { describe, expect, it } from 'vitest';
import { ExpressionError, MAX_DEPTH, MAX_NODES } from './errors.js';
import { parse } from './parser.js';

function error(text: string): ExpressionError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error(`parsed without error: ${text}`);
}

describe('parse', () => {
  it('builds paths with index segments and columns', () => {
    expect(parse('relay[2].option[37]')).toEqual({
      k: 'path',
      col: 1,
      segs: [
        { name: 'relay', col: 1 },
        { index: 2, col: 7 },
        { name: 'option', col: 10 },
        { index: 37, col: 17 },
      ],
    });
  });

  it('binds not tighter than and, and tighter than or', () => {
    const n = parse('not a or b and c');
    expect(n).toMatchObject({
      k: 'or',
      col: 7,
      args: [
        { k: 'not', arg: { k: 'path' } },
        { k: 'and', args: [{ k: 'path', col: 10 }, { k: 'path', col: 16 }] },
      ],
    });
  });

  it('keeps and/or chains flat', () => {
    const n = parse('a or b or c or d');
    expect(n.k).toBe('or');
    expect(n.k === 'or' && n.args.length).toBe(4);
  });

  it('lets not cover a comparison', () => {
    expect(parse('not msg.xid == 1')).toMatchObject({ k: 'not', arg: { k: 'cmp', op: '==', col: 13 } });
  });

  it('parses calls, lists and parentheses', () => {
    expect(parse(`(len(duid) > 3) and iface in ['a', 'b']`)).toMatchObject({
      k: 'and',
      args: [
        { k: 'cmp', op: '>', left: { k: 'call', name: 'len', args: [{ k: 'path' }] }, right: { k: 'int', value: 3 } },
        { k: 'in', col: 27, list: [{ k: 'string', value: 'a' }, { k: 'string', value: 'b' }] },
      ],
    });
    expect(parse('f()')).toMatchObject({ k: 'call', name: 'f', args: [] });
  });

  it.each([
    ['', 1, 'expression ends where a value was expected'],
    ['msg.xid ==', 11, 'expression ends where a value was expected'],
    ['msg.xid == 1 2', 14, 'expected "and", "or" or the end of the expression, found number 2'],
    ['a == b == c', 8, 'comparisons do not chain: put one side in parentheses or join them with "and"'],
    ['(a == b', 1, 'parenthesis opened here is not closed'],
    ['(a == b]', 8, 'expected ")" to close the parenthesis, found "]"'],
    ['x in 1', 6, 'expected "[" after "in", found number 1'],
    ['x in []', 7, 'the list after "in" is empty'],
    ['x in [a]', 7, 'list elements must be literals (numbers, 0x bytes, quoted strings), found "a"'],
    ["x in ['a' 'b']", 11, 'expected "," between list elements, found string "b"'],
    ["x in ['a',", 6, 'list opened here is not closed with "]"'],
    ['len(duid', 4, 'call of len() is not closed with ")"'],
    ['len(duid 1)', 10, 'expected "," between arguments, found number 1'],
    ['relay.[0]', 7, 'expected a field name after ".", found "["'],
    ['relay[x]', 7, 'expected a number inside "[ ]", found "x"'],
    ['relay[0 1]', 9, 'expected "]" after the index, found number 1'],
    ['and', 1, 'expected a value, found "and"'],
    ['msg.xid == )', 12, 'expected a value, found ")"'],
  ])('rejects %j at column %i', (text, column, reason) => {
    const e = error(text);
    expect([e.column, e.reason]).toEqual([column, reason]);
  });

  it(`allows ${MAX_DEPTH} levels of nesting and not one more`, () => {
    const ok = '('.repeat(MAX_DEPTH) + 'x' + ')'.repeat(MAX_DEPTH);
    expect(() => parse(ok)).not.toThrow();
    const e = error('('.repeat(MAX_DEPTH + 1) + 'x' + ')'.repeat(MAX_DEPTH + 1));
    expect([e.column, e.reason]).toEqual([MAX_DEPTH + 1, `expression nests deeper than ${MAX_DEPTH} levels`]);
    const nots = error('not '.repeat(MAX_DEPTH + 1) + 'x');
    expect([nots.column, nots.reason]).toEqual([4 * MAX_DEPTH + 1, `expression nests deeper than ${MAX_DEPTH} levels`]);
    const calls = error('len('.repeat(MAX_DEPTH + 1) + 'x' + ')'.repeat(MAX_DEPTH + 1));
    expect(calls.column).toBe(4 * MAX_DEPTH + 4);
  });

  it(`allows ${MAX_NODES} nodes and not one more`, () => {
    // "x in [0,0,...]" with n elements is n + 2 nodes; the "in" node comes last.
    const text = (n: number): string => `x in [${Array.from({ length: n }, () => '0').join(',')}]`;
    expect(() => parse(text(MAX_NODES - 2))).not.toThrow();
    const e = error(text(MAX_NODES - 1));
    expect([e.column, e.reason]).toEqual([3, `expression has more than ${MAX_NODES} nodes`]);
    // With one more element the 1001st node is the last element.
    expect(error(text(MAX_NODES)).column).toBe(7 + 2 * (MAX_NODES - 1));
  });
});
