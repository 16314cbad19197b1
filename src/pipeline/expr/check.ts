import type { CmpOp, Literal, Node } from './ast.js';
import { ExpressionError } from './errors.js';
import { resolveField, type FieldRef, type Ty } from './fields.js';
import { canonicalIpv6, MESSAGE_TYPES } from '../../protocol/index.js';
import { closest, didYouMean } from './suggest.js';

/**
 * Static checking: names resolved, every node typed, literals turned into
 * the runtime form of the type they meet (a string compared with an address
 * becomes a canonical address). What comes out can no longer fail except
 * by reading an absent field.
 */
export type Value = number | string | boolean;

export type Fn = 'substring' | 'lower' | 'hex' | 'len' | 'starts_with' | 'concat';

export type IR =
  | { readonly k: 'lit'; readonly ty: Ty; readonly value: Value }
  | { readonly k: 'field'; readonly ty: Ty; readonly ref: FieldRef }
  /** exists() of an option: presence, whether or not its body can be read. */
  | { readonly k: 'present'; readonly ty: 'bool'; readonly ref: FieldRef & { f: 'msg-option' | 'relay-option' } }
  | { readonly k: 'exists'; readonly ty: 'bool'; readonly arg: IR }
  | { readonly k: 'not'; readonly ty: 'bool'; readonly arg: IR }
  | { readonly k: 'and' | 'or'; readonly ty: 'bool'; readonly args: readonly IR[] }
  | { readonly k: 'cmp'; readonly ty: 'bool'; readonly op: CmpOp; readonly left: IR; readonly right: IR }
  | { readonly k: 'in'; readonly ty: 'bool'; readonly left: IR; readonly values: readonly Value[] }
  | { readonly k: 'marked'; readonly ty: 'bool'; readonly name: string }
  | { readonly k: 'fn'; readonly ty: Ty; readonly fn: Fn; readonly args: readonly IR[] };

type ArgSpec = readonly (readonly Ty[])[];

/** Argument types per function; `same` marks functions whose first two arguments must agree. */
const FUNCTIONS: Readonly<Record<Fn | 'exists' | 'marked', { args: ArgSpec; same?: boolean }>> = {
  exists: { args: [['int', 'bytes', 'string', 'address']] },
  marked: { args: [['string']] },
  substring: { args: [['bytes', 'string'], ['int'], ['int']] },
  lower: { args: [['string']] },
  hex: { args: [['bytes']] },
  len: { args: [['bytes', 'string']] },
  starts_with: { args: [['bytes', 'string'], ['bytes', 'string']], same: true },
  concat: { args: [['bytes', 'string'], ['bytes', 'string']], same: true },
};
export const FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS);

/** Names other languages use for our functions: only for "did you mean". */
const ALIASES: Readonly<Record<string, string>> = {
  length: 'len',
  size: 'len',
  substr: 'substring',
  startswith: 'starts_with',
  tolower: 'lower',
  lowercase: 'lower',
  tohex: 'hex',
  hexstring: 'hex',
  member: 'marked',
};

const MESSAGE_NAMES: readonly string[] = Object.values(MESSAGE_TYPES);

/** Where a node's text starts (operators keep their own column). */
export function start(n: Node): number {
  switch (n.k) {
    case 'and':
    case 'or':
      return start(n.args[0]!);
    case 'cmp':
    case 'in':
      return start(n.left);
    default:
      return n.col;
  }
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

export class Checker {
  constructor(private readonly text: string) {}

  private fail(col: number, reason: string): never {
    throw new ExpressionError(this.text, col, reason);
  }

  check(n: Node): IR {
    switch (n.k) {
      case 'int':
        return { k: 'lit', ty: 'int', value: n.value };
      case 'bytes':
        return { k: 'lit', ty: 'bytes', value: n.value };
      case 'string':
        return { k: 'lit', ty: 'string', value: n.value };
      case 'bool':
        return { k: 'lit', ty: 'bool', value: n.value };
      case 'path': {
        const { ref, ty } = resolveField(this.text, n.segs, FUNCTION_NAMES);
        return { k: 'field', ty, ref };
      }
      case 'not':
        return { k: 'not', ty: 'bool', arg: this.bool(n.arg, '"not" needs a boolean') };
      case 'and':
      case 'or':
        return { k: n.k, ty: 'bool', args: n.args.map((a) => this.bool(a, `"${n.k}" needs boolean operands`)) };
      case 'cmp':
        return this.cmp(n.op, n.left, n.right, n.col);
      case 'in':
        return this.in(n.left, n.list, n.col);
      case 'call':
        return this.call(n.name, n.args, n.col);
    }
  }

  private bool(n: Node, what: string): IR {
    const ir = this.check(n);
    if (ir.ty !== 'bool') this.fail(start(n), `${what}, got ${ir.ty}`);
    return ir;
  }

  /** A literal meeting a value of type `ty`: strings become addresses or checked message types. */
  private literalFor(lit: Literal, ty: Ty, other: IR): Value | undefined {
    if (ty === 'address' && lit.k === 'string') {
      const a = canonicalIpv6(lit.value);
      if (a === undefined) this.fail(lit.col, `${JSON.stringify(lit.value)} is not an IPv6 address`);
      return a;
    }
    if (other.k === 'field' && other.ref.f === 'msg-type' && lit.k === 'string') {
      if (!MESSAGE_NAMES.includes(lit.value) && !/^[0-9]{1,3}$/.test(lit.value)) {
        this.fail(lit.col, `unknown message type ${JSON.stringify(lit.value)}${didYouMean(lit.value, MESSAGE_NAMES)}`);
      }
    }
    const litTy: Ty = lit.k === 'int' ? 'int' : lit.k === 'bool' ? 'bool' : lit.k;
    return litTy === ty ? lit.value : undefined;
  }

  private isLiteral(n: Node): n is Literal {
    return n.k === 'int' || n.k === 'bytes' || n.k === 'string' || n.k === 'bool';
  }

  private cmp(op: CmpOp, l: Node, r: Node, col: number): IR {
    let left = this.check(l);
    let right = this.check(r);
    if (op === '==' || op === '!=') {
      // A literal takes the type of the other side where it can (addresses are written as strings).
      if (this.isLiteral(r) && left.k !== 'lit') {
        const v = this.literalFor(r, left.ty, left);
        if (v !== undefined) right = { k: 'lit', ty: left.ty, value: v };
      } else if (this.isLiteral(l) && right.k !== 'lit') {
        const v = this.literalFor(l, right.ty, right);
        if (v !== undefined) left = { k: 'lit', ty: right.ty, value: v };
      }
      if (left.ty !== right.ty) this.fail(col, `"${op}" needs the same type on both sides, got ${left.ty} and ${right.ty}`);
    } else {
      if (left.ty !== 'int') this.fail(start(l), `"${op}" compares integers, got ${left.ty}`);
      if (right.ty !== 'int') this.fail(start(r), `"${op}" compares integers, got ${right.ty}`);
    }
    return { k: 'cmp', ty: 'bool', op, left, right };
  }

  private in(l: Node, list: readonly Literal[], col: number): IR {
    const left = this.check(l);
    if (left.ty === 'bool') this.fail(col, `"in" needs a value on its left, got bool`);
    const values: Value[] = [];
    for (const lit of list) {
      const v = this.literalFor(lit, left.ty, left);
      if (v === undefined) this.fail(lit.col, `list element is ${lit.k} but the left side of "in" is ${left.ty}`);
      if (!values.includes(v)) values.push(v);
    }
    return { k: 'in', ty: 'bool', left, values };
  }

  private call(name: string, argNodes: readonly Node[], col: number): IR {
    if (!Object.hasOwn(FUNCTIONS, name)) {
      const near = closest(name, [...FUNCTION_NAMES, ...Object.keys(ALIASES)]);
      const hint = near === undefined ? '' : ` (did you mean "${ALIASES[near] ?? near}"?)`;
      this.fail(col, `unknown function "${name}"${hint}`);
    }
    const spec = FUNCTIONS[name as Fn | 'exists' | 'marked'];
    if (argNodes.length !== spec.args.length) {
      this.fail(col, `${name}() takes ${plural(spec.args.length, 'argument')}, got ${argNodes.length}`);
    }
    if (name === 'marked') {
      const a = argNodes[0]!;
      if (a.k !== 'string') this.fail(start(a), `marked() takes a quoted name, e.g. marked('gold')`);
      return { k: 'marked', ty: 'bool', name: a.value };
    }
    if (name === 'exists') {
      const a = argNodes[0]!;
      const ir = this.check(a);
      if (ir.k === 'field' && (ir.ref.f === 'msg-option' || ir.ref.f === 'relay-option')) return { k: 'present', ty: 'bool', ref: ir.ref };
      if (ir.ty === 'bool') this.fail(start(a), 'exists() needs a field or value, got bool');
      return { k: 'exists', ty: 'bool', arg: ir };
    }
    const args = argNodes.map((a, i) => {
      const ir = this.check(a);
      const allowed = spec.args[i]!;
      if (!allowed.includes(ir.ty)) this.fail(start(a), `argument ${i + 1} of ${name}() must be ${allowed.join(' or ')}, got ${ir.ty}`);
      return ir;
    });
    if (spec.same && args[0]!.ty !== args[1]!.ty) {
      this.fail(start(argNodes[1]!), `arguments of ${name}() must have the same type, got ${args[0]!.ty} and ${args[1]!.ty}`);
    }
    const fn = name as Fn;
    const ty: Ty = fn === 'len' ? 'int' : fn === 'hex' || fn === 'lower' ? 'string' : fn === 'starts_with' ? 'bool' : args[0]!.ty;
    return { k: 'fn', ty, fn, args };
  }
}
