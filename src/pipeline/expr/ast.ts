/**
 * The syntax tree the parser builds. Every node keeps the 1-based column
 * where it starts (for operators: where the operator is), so later stages
 * can point at the exact spot they reject.
 */
export type CmpOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Literal =
  | { readonly k: 'int'; readonly value: number; readonly col: number }
  | { readonly k: 'bytes'; readonly value: string; readonly col: number }
  | { readonly k: 'string'; readonly value: string; readonly col: number }
  | { readonly k: 'bool'; readonly value: boolean; readonly col: number };

/** One step of a field path: `.name` or `[index]`. */
export type Segment = { readonly name: string; readonly col: number } | { readonly index: number; readonly col: number };

export type Node =
  | Literal
  | { readonly k: 'path'; readonly segs: readonly Segment[]; readonly col: number }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly Node[]; readonly col: number }
  | { readonly k: 'not'; readonly arg: Node; readonly col: number }
  /** `and` / `or` chains are flat, so a long chain is not a deep tree. */
  | { readonly k: 'and' | 'or'; readonly args: readonly Node[]; readonly col: number }
  | { readonly k: 'cmp'; readonly op: CmpOp; readonly left: Node; readonly right: Node; readonly col: number }
  | { readonly k: 'in'; readonly left: Node; readonly list: readonly Literal[]; readonly col: number };
