/** Bounds on one expression, checked at load time so compile and evaluation stay bounded too. */
export const MAX_TEXT = 4096;
export const MAX_DEPTH = 64;
export const MAX_NODES = 1000;

/**
 * A rejected expression. Thrown only at load time (compileBool / compileValue),
 * never while a packet is evaluated. `column` is 1-based; past the end of the
 * text it is `expression.length + 1`.
 */
export class ExpressionError extends Error {
  readonly column: number;
  readonly expression: string;
  /** The message without the "column N: " prefix. */
  readonly reason: string;

  constructor(expression: string, column: number, reason: string) {
    super(`column ${column}: ${reason}`);
    this.name = 'ExpressionError';
    this.column = column;
    this.expression = expression;
    this.reason = reason;
  }
}
