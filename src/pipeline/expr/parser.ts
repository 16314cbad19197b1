import type { CmpOp, Literal, Node, Segment } from './ast.js';
import { ExpressionError, MAX_DEPTH, MAX_NODES } from './errors.js';
import { lex, type Token } from './lexer.js';

/**
 * Recursive descent over the tokens. Precedence, loosest first:
 * `or`, `and`, `not`, comparison (`== != < <= > >= in`, not chained), primary.
 * Recursion happens only through `not`, parentheses and call arguments, and
 * each of those counts one nesting level, so MAX_DEPTH bounds the stack.
 */
export function parse(text: string): Node {
  return new Parser(text, lex(text)).parseTop();
}

const CMP_OPS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=']);

function describe(t: Token): string {
  switch (t.t) {
    case 'eof':
      return 'end of expression';
    case 'int':
      return `number ${t.value}`;
    case 'bytes':
      return `0x${t.value.length > 16 ? t.value.slice(0, 16) + '...' : t.value}`;
    case 'string':
      return `string ${JSON.stringify(t.value.length > 20 ? t.value.slice(0, 20) + '...' : t.value)}`;
    default:
      return JSON.stringify(t.value);
  }
}

class Parser {
  private pos = 0;
  private depth = 0;
  private nodes = 0;

  constructor(
    private readonly text: string,
    private readonly toks: readonly Token[],
  ) {}

  parseTop(): Node {
    const n = this.parseOr();
    const t = this.peek();
    if (t.t !== 'eof') this.fail(t.col, `expected "and", "or" or the end of the expression, found ${describe(t)}`);
    return n;
  }

  private fail(col: number, reason: string): never {
    throw new ExpressionError(this.text, col, reason);
  }

  private peek(): Token {
    return this.toks[this.pos]!;
  }

  private next(): Token {
    const t = this.toks[this.pos]!;
    if (t.t !== 'eof') this.pos++;
    return t;
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.value === v;
  }

  private isKw(v: string): boolean {
    const t = this.peek();
    return t.t === 'kw' && t.value === v;
  }

  private expectOp(v: string, what: string): Token {
    const t = this.peek();
    if (t.t !== 'op' || t.value !== v) this.fail(t.col, `expected "${v}" ${what}, found ${describe(t)}`);
    return this.next();
  }

  /** Count a node; the limit keeps checking and compiling bounded. */
  private node<N extends Node>(n: N): N {
    if (++this.nodes > MAX_NODES) this.fail(n.col, `expression has more than ${MAX_NODES} nodes`);
    return n;
  }

  private nested<T>(col: number, f: () => T): T {
    if (++this.depth > MAX_DEPTH) this.fail(col, `expression nests deeper than ${MAX_DEPTH} levels`);
    const r = f();
    this.depth--;
    return r;
  }

  private parseOr(): Node {
    return this.chain('or', () => this.parseAnd());
  }

  private parseAnd(): Node {
    return this.chain('and', () => this.parseNot());
  }

  private chain(kw: 'and' | 'or', operand: () => Node): Node {
    const first = operand();
    if (!this.isKw(kw)) return first;
    const col = this.peek().col;
    const args = [first];
    while (this.isKw(kw)) {
      this.next();
      args.push(operand());
    }
    return this.node({ k: kw, args, col });
  }

  private parseNot(): Node {
    if (!this.isKw('not')) return this.parseCmp();
    const col = this.next().col;
    const arg = this.nested(col, () => this.parseNot());
    return this.node({ k: 'not', arg, col });
  }

  private parseCmp(): Node {
    const left = this.parsePrimary();
    const t = this.peek();
    let n: Node;
    if (t.t === 'op' && CMP_OPS.has(t.value)) {
      this.next();
      const right = this.parsePrimary();
      n = this.node({ k: 'cmp', op: t.value as CmpOp, left, right, col: t.col });
    } else if (t.t === 'kw' && t.value === 'in') {
      this.next();
      n = this.node({ k: 'in', left, list: this.parseList(), col: t.col });
    } else {
      return left;
    }
    const after = this.peek();
    if ((after.t === 'op' && CMP_OPS.has(after.value)) || (after.t === 'kw' && after.value === 'in')) {
      this.fail(after.col, `comparisons do not chain: put one side in parentheses or join them with "and"`);
    }
    return n;
  }

  private parseList(): Literal[] {
    const open = this.expectOp('[', 'after "in"');
    if (this.isOp(']')) this.fail(this.peek().col, 'the list after "in" is empty');
    const list: Literal[] = [];
    for (;;) {
      const t = this.peek();
      if (t.t === 'eof') this.fail(open.col, 'list opened here is not closed with "]"');
      const lit = this.literal(t);
      if (!lit) this.fail(t.col, `list elements must be literals (numbers, 0x bytes, quoted strings), found ${describe(t)}`);
      this.next();
      list.push(this.node(lit));
      if (this.isOp(']')) break;
      if (this.peek().t === 'eof') this.fail(open.col, 'list opened here is not closed with "]"');
      this.expectOp(',', 'between list elements');
    }
    this.next();
    return list;
  }

  private literal(t: Token): Literal | undefined {
    switch (t.t) {
      case 'int':
        return { k: 'int', value: t.value, col: t.col };
      case 'bytes':
        return { k: 'bytes', value: t.value, col: t.col };
      case 'string':
        return { k: 'string', value: t.value, col: t.col };
      case 'kw':
        return t.value === 'true' || t.value === 'false' ? { k: 'bool', value: t.value === 'true', col: t.col } : undefined;
      default:
        return undefined;
    }
  }

  private parsePrimary(): Node {
    const t = this.peek();
    const lit = this.literal(t);
    if (lit) {
      this.next();
      return this.node(lit);
    }
    if (t.t === 'op' && t.value === '(') {
      this.next();
      const inner = this.nested(t.col, () => this.parseOr());
      if (this.peek().t === 'eof') this.fail(t.col, 'parenthesis opened here is not closed');
      this.expectOp(')', 'to close the parenthesis');
      return inner;
    }
    if (t.t === 'ident') {
      this.next();
      return this.isOp('(') ? this.parseCall(t.value, t.col) : this.parsePath(t.value, t.col);
    }
    if (t.t === 'eof') this.fail(t.col, 'expression ends where a value was expected');
    return this.fail(t.col, `expected a value, found ${describe(t)}`);
  }

  private parseCall(name: string, col: number): Node {
    const open = this.next();
    const args: Node[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        args.push(this.nested(open.col, () => this.parseOr()));
        if (this.isOp(')')) break;
        if (this.peek().t === 'eof') this.fail(open.col, `call of ${name}() is not closed with ")"`);
        this.expectOp(',', 'between arguments');
      }
    }
    this.next();
    return this.node({ k: 'call', name, args, col });
  }

  private parsePath(name: string, col: number): Node {
    const segs: Segment[] = [{ name, col }];
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const t = this.peek();
        if (t.t !== 'ident') this.fail(t.col, `expected a field name after ".", found ${describe(t)}`);
        this.next();
        segs.push({ name: t.value, col: t.col });
      } else if (this.isOp('[')) {
        this.next();
        const t = this.peek();
        if (t.t !== 'int') this.fail(t.col, `expected a number inside "[ ]", found ${describe(t)}`);
        this.next();
        segs.push({ index: t.value, col: t.col });
        this.expectOp(']', 'after the index');
      } else {
        return this.node({ k: 'path', segs, col });
      }
    }
  }
}
