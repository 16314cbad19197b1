import { describe, expect, it } from 'vitest';
import { compileBool, compileValue, ExpressionError, MAX_DEPTH, MAX_NODES, MAX_TEXT } from './index.js';
import { request } from './testing.js';

function error(f: () => unknown): ExpressionError {
  try {
    f();
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('compileBool / compileValue', () => {
  it('give closures that can be called many times', () => {
    const f = compileBool('msg.xid == 7');
    expect(f(request({ xid: 7 }), new Set())).toBe(true);
    expect(f(request({ xid: 8 }), new Set())).toBe(false);
    expect(f(request({ xid: 7 }), new Set())).toBe(true);
  });

  it('report errors as ExpressionError with column and expression', () => {
    const text = 'relay[0].remot_id == 0x0102';
    const e = error(() => compileBool(text));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ExpressionError');
    expect(e.message).toBe('column 10: unknown field "remot_id" (did you mean "remote_id"?)');
    expect(e.column).toBe(10);
    expect(e.expression).toBe(text);
  });

  it('require a condition from compileBool and a value from compileValue', () => {
    expect(error(() => compileBool('  concat(duid, 0x01)')).message).toBe('column 3: expression must be a condition (boolean), got bytes');
    expect(error(() => compileBool('msg.xid')).message).toBe('column 1: expression must be a condition (boolean), got int');
    expect(error(() => compileValue('msg.xid == 1 and true')).message).toBe(
      'column 1: expression must give a value (int, bytes, string or address), got a boolean condition',
    );
  });

  it('reject a non-string expression with an ExpressionError', () => {
    expect(error(() => compileBool(42 as unknown as string)).message).toBe('column 1: expression must be a string, got number');
  });

  it('enforce the three bounds with their columns', () => {
    expect(error(() => compileBool('x'.repeat(MAX_TEXT + 1))).column).toBe(MAX_TEXT + 1);
    expect(error(() => compileBool('not '.repeat(MAX_DEPTH + 1) + 'true')).reason).toBe(`expression nests deeper than ${MAX_DEPTH} levels`);
    const list = `msg.xid in [${Array.from({ length: MAX_NODES }, (_, i) => i).join(',')}]`;
    expect(error(() => compileBool(list)).reason).toBe(`expression has more than ${MAX_NODES} nodes`);
  });

  it('compile long and deep expressions inside the bounds', () => {
    const deep = compileBool('('.repeat(MAX_DEPTH) + 'true' + ')'.repeat(MAX_DEPTH));
    expect(deep(request(), new Set())).toBe(true);
    const big = compileBool(`msg.xid in [${Array.from({ length: 900 }, (_, i) => i).join(',')}]`);
    expect(big(request({ xid: 899 }), new Set())).toBe(true);
    expect(big(request({ xid: 900 }), new Set())).toBe(false);
  });
});
