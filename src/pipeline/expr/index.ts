import type { PipelineRequest } from '../types.js';
import { Checker, start, type IR } from './check.js';
import { bool, value, type Eval } from './compile.js';
import { ExpressionError } from './errors.js';
import { parse } from './parser.js';

/**
 * The pipeline's expression language (docs/expressions.md): parsed, checked
 * and compiled to closures once at load time; every rejection is an
 * ExpressionError with the column it points at.
 */
export { ExpressionError, MAX_DEPTH, MAX_NODES, MAX_TEXT } from './errors.js';
export type { Eval } from './compile.js';

/** The typed tree, and the column where the expression's text starts (for whole-expression errors). */
function checked(text: string): { ir: IR; col: number } {
  if (typeof text !== 'string') throw new ExpressionError(String(text), 1, `expression must be a string, got ${typeof text}`);
  const ast = parse(text);
  return { ir: new Checker(text).check(ast), col: start(ast) };
}

/** A condition (filters): true or false for each request. */
export function compileBool(text: string): Eval<boolean> {
  const { ir, col } = checked(text);
  if (ir.ty !== 'bool') throw new ExpressionError(text, col, `expression must be a condition (boolean), got ${ir.ty}`);
  return bool(ir);
}

/**
 * A value (flex-id and other keys): bytes as lowercase hex, ints in decimal,
 * strings and addresses as text; undefined when a field it reads is absent.
 */
export function compileValue(text: string): Eval<string | undefined> {
  const { ir, col } = checked(text);
  if (ir.ty === 'bool') throw new ExpressionError(text, col, 'expression must give a value (int, bytes, string or address), got a boolean condition');
  const f = value(ir);
  if (ir.ty === 'int') {
    return (q: PipelineRequest, m: ReadonlySet<string>) => {
      const v = f(q, m);
      return v === undefined ? undefined : String(v);
    };
  }
  return f as Eval<string | undefined>;
}
