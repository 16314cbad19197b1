import type { PipelineRequest } from '../types.js';
import { field, present } from './access.js';
import type { IR, Value } from './check.js';

/**
 * Typed tree to closures, once at load time. Per packet a closure only reads
 * fields, scans an options array for a code and compares: no parsing, no
 * name lookups, no string building except where an operator asks for it
 * (concat, lower, substring). Absent values are `undefined`; a comparison
 * with an absent value is false.
 */
export type Eval<T> = (req: PipelineRequest, marks: ReadonlySet<string>) => T;
type V = Eval<Value | undefined>;

/** Lists longer than this are looked up in a Set rather than scanned. */
const SET_FROM = 8;

function cmp(ir: IR & { k: 'cmp' }): Eval<boolean> {
  const a = value(ir.left);
  // Comparing with a literal is the common case: one call, no absence check
  // needed for == since a literal is never undefined.
  if (ir.right.k === 'lit' && (ir.op === '==' || ir.op === '!=')) {
    const c = ir.right.value;
    return ir.op === '==' ? (q, m) => a(q, m) === c : (q, m) => { const x = a(q, m); return x !== undefined && x !== c; };
  }
  const b = value(ir.right);
  switch (ir.op) {
    case '==':
      return (q, m) => { const x = a(q, m); const y = b(q, m); return x !== undefined && y !== undefined && x === y; };
    case '!=':
      return (q, m) => { const x = a(q, m); const y = b(q, m); return x !== undefined && y !== undefined && x !== y; };
    case '<':
      return (q, m) => { const x = a(q, m); const y = b(q, m); return x !== undefined && y !== undefined && x < y; };
    case '<=':
      return (q, m) => { const x = a(q, m); const y = b(q, m); return x !== undefined && y !== undefined && x <= y; };
    case '>':
      return (q, m) => { const x = a(q, m); const y = b(q, m); return x !== undefined && y !== undefined && x > y; };
    case '>=':
      return (q, m) => { const x = a(q, m); const y = b(q, m); return x !== undefined && y !== undefined && x >= y; };
  }
}

function junction(k: 'and' | 'or', args: readonly IR[]): Eval<boolean> {
  const fs = args.map(bool);
  if (fs.length === 2) {
    const [x, y] = fs as [Eval<boolean>, Eval<boolean>];
    return k === 'and' ? (q, m) => x(q, m) && y(q, m) : (q, m) => x(q, m) || y(q, m);
  }
  if (k === 'and') {
    return (q, m) => {
      for (let i = 0; i < fs.length; i++) if (!fs[i]!(q, m)) return false;
      return true;
    };
  }
  return (q, m) => {
    for (let i = 0; i < fs.length; i++) if (fs[i]!(q, m)) return true;
    return false;
  };
}

function inList(left: IR, values: readonly Value[]): Eval<boolean> {
  const a = value(left);
  if (values.length > SET_FROM) {
    const set = new Set<Value | undefined>(values);
    return (q, m) => set.has(a(q, m));
  }
  return (q, m) => values.includes(a(q, m) as Value);
}

/** A boolean node (checked: ty is bool) to its closure. */
export function bool(ir: IR): Eval<boolean> {
  switch (ir.k) {
    case 'cmp':
      return cmp(ir);
    case 'and':
    case 'or':
      return junction(ir.k, ir.args);
    case 'not': {
      const a = bool(ir.arg);
      return (q, m) => !a(q, m);
    }
    case 'in':
      return inList(ir.left, ir.values);
    case 'exists': {
      const a = value(ir.arg);
      return (q, m) => a(q, m) !== undefined;
    }
    case 'present':
      return present(ir.ref);
    case 'marked': {
      const name = ir.name;
      return (_q, m) => m.has(name);
    }
    case 'fn': {
      // starts_with is the only boolean function.
      const [a, b] = ir.args.map(value) as [V, V];
      return (q, m) => {
        const x = a(q, m);
        const y = b(q, m);
        return x !== undefined && y !== undefined && (x as string).startsWith(y as string);
      };
    }
    case 'lit': {
      const v = ir.value === true;
      return () => v;
    }
    case 'field':
      throw new Error(`internal: field of type ${ir.ty} used as a boolean`);
  }
}

function fn(ir: IR & { k: 'fn' }): V {
  const args = ir.args.map(value);
  const bytes = ir.args[0]!.ty === 'bytes';
  switch (ir.fn) {
    case 'lower': {
      const a = args[0]!;
      return (q, m) => (a(q, m) as string | undefined)?.toLowerCase();
    }
    case 'hex':
      // Bytes are held as lowercase hex already: only the type changes.
      return args[0]!;
    case 'len': {
      const a = args[0]!;
      return bytes
        ? (q, m) => { const x = a(q, m) as string | undefined; return x === undefined ? undefined : x.length >>> 1; }
        : (q, m) => (a(q, m) as string | undefined)?.length;
    }
    case 'concat': {
      const [a, b] = args as [V, V];
      return (q, m) => {
        const x = a(q, m);
        const y = b(q, m);
        return x === undefined || y === undefined ? undefined : (x as string) + (y as string);
      };
    }
    case 'substring': {
      const [a, s, n] = args as [V, V, V];
      // Two hex digits per byte: bytes offsets double.
      const w = bytes ? 2 : 1;
      return (q, m) => {
        const x = a(q, m) as string | undefined;
        const from = s(q, m) as number | undefined;
        const len = n(q, m) as number | undefined;
        if (x === undefined || from === undefined || len === undefined) return undefined;
        return x.slice(from * w, (from + len) * w);
      };
    }
    case 'starts_with':
      return bool(ir);
  }
}

/** A value node to its closure. */
export function value(ir: IR): V {
  switch (ir.k) {
    case 'lit': {
      const v = ir.value;
      return () => v;
    }
    case 'field':
      return field(ir.ref);
    case 'fn':
      if (ir.ty !== 'bool') return fn(ir);
      return bool(ir);
    default:
      return bool(ir);
  }
}
