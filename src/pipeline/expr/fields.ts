import type { Segment } from './ast.js';
import { ExpressionError } from './errors.js';
import { closest, didYouMean } from './suggest.js';

/** The value types of the language. Absence is not a type: any non-boolean field may be absent. */
export type Ty = 'bool' | 'int' | 'bytes' | 'string' | 'address';

export type TopField = 'duid' | 'hwaddr' | 'iface' | 'source' | 'subnet' | 'elapsed' | 'vendor_class_enterprise';
export type RelayField =
  | 'link_address'
  | 'peer_address'
  | 'hop_count'
  | 'interface_id'
  | 'remote_id'
  | 'remote_id_enterprise'
  | 'subscriber_id'
  | 'client_linklayer'
  | 'client_linklayer_type';

/** A resolved field: what compile.ts turns into one accessor closure. */
export type FieldRef =
  | { readonly f: 'top'; readonly name: TopField }
  | { readonly f: 'msg-type' }
  | { readonly f: 'msg-xid' }
  | { readonly f: 'msg-option'; readonly code: number }
  | { readonly f: 'relay-count' }
  /**
   * `relay[hop]` numbers hops as Kea's `relay6[nest]` does: 0 is the relay
   * closest to the server (the outermost Relay-forw), counting towards the
   * client. PipelineRequest.relays is in that order, so hop indexes it directly.
   */
  | { readonly f: 'relay'; readonly hop: number; readonly name: RelayField }
  | { readonly f: 'relay-option'; readonly hop: number; readonly code: number };

export const TOP_FIELDS: Readonly<Record<TopField, Ty>> = {
  duid: 'bytes',
  hwaddr: 'bytes',
  iface: 'string',
  source: 'address',
  subnet: 'int',
  elapsed: 'int',
  vendor_class_enterprise: 'int',
};

export const RELAY_FIELDS: Readonly<Record<RelayField, Ty>> = {
  link_address: 'address',
  peer_address: 'address',
  hop_count: 'int',
  interface_id: 'bytes',
  remote_id: 'bytes',
  remote_id_enterprise: 'int',
  subscriber_id: 'bytes',
  client_linklayer: 'bytes',
  client_linklayer_type: 'int',
};

/** Relay chains decode at most 32 deep (protocol MAX_RELAY_DEPTH), so a larger index is a mistake. */
export const MAX_RELAY_INDEX = 31;
const MAX_CODE = 0xffff;

const has = <K extends string>(table: Readonly<Record<K, Ty>>, name: string): name is K => Object.hasOwn(table, name);
const RELAY_NAMES = [...Object.keys(RELAY_FIELDS), 'option'];
const RELAY_LIST = [...Object.keys(RELAY_FIELDS), 'option[N]'].join(', ');
const MSG_NAMES = ['type', 'xid', 'option'];

/** Text of segs[0..end) as the user would write it, for messages. */
function pathText(segs: readonly Segment[], end: number): string {
  let s = '';
  for (let i = 0; i < end; i++) {
    const g = segs[i]!;
    s += 'name' in g ? (i === 0 ? g.name : `.${g.name}`) : `[${g.index}]`;
  }
  return s;
}

/**
 * A field path (`relay[0].remote_id`, `msg.option[16]`, `duid`) to its
 * FieldRef and type. `functions` lets a bare function name get a hint.
 */
export function resolveField(text: string, segs: readonly Segment[], functions: Iterable<string>): { ref: FieldRef; ty: Ty } {
  const fail = (col: number, reason: string): never => {
    throw new ExpressionError(text, col, reason);
  };
  const head = segs[0]!;
  const headName = 'name' in head ? head.name : '';

  /** The segment at i must be `.name`; returns it. */
  const nameAt = (i: number, what: string): { name: string; col: number } => {
    const g = segs[i];
    if (g === undefined) return fail(head.col, `${pathText(segs, i)} needs a field: ${what}`);
    if (!('name' in g)) return fail(g.col, `${pathText(segs, i)} takes no index here; fields are ${what}`);
    return g;
  };
  /** The segment at i must be `[N]`; returns N. */
  const indexAt = (i: number, what: string): { index: number; col: number } => {
    const g = segs[i];
    if (g === undefined) return fail(head.col, `${pathText(segs, i)} needs ${what}`);
    if (!('index' in g)) return fail(g.col, `${pathText(segs, i)} needs ${what}, found ".${g.name}"`);
    return g;
  };
  /** Nothing may follow a complete field. */
  const end = (i: number, r: { ref: FieldRef; ty: Ty }): { ref: FieldRef; ty: Ty } => {
    const g = segs[i];
    if (g !== undefined) fail(g.col, `${pathText(segs, i)} is a value of type ${r.ty} and has no ${'name' in g ? `field "${g.name}"` : 'index'}`);
    return r;
  };
  const code = (i: number, prefix: string): number => {
    const g = indexAt(i, `an option code: ${prefix}.option[N]`);
    if (g.index < 1 || g.index > MAX_CODE) fail(g.col, `option code ${g.index} is out of range 1..${MAX_CODE}`);
    return g.index;
  };

  if (headName === 'msg') {
    const what = 'msg.type, msg.xid, msg.option[N]';
    const g = nameAt(1, what);
    if (g.name === 'type') return end(2, { ref: { f: 'msg-type' }, ty: 'string' });
    if (g.name === 'xid') return end(2, { ref: { f: 'msg-xid' }, ty: 'int' });
    if (g.name === 'option') return end(3, { ref: { f: 'msg-option', code: code(2, 'msg') }, ty: 'bytes' });
    return fail(g.col, `unknown field "${g.name}"${didYouMean(g.name, MSG_NAMES) || ` (msg has ${what})`}`);
  }
  if (headName === 'relay') {
    const first = segs[1];
    if (first !== undefined && 'name' in first) {
      if (first.name === 'count') return end(2, { ref: { f: 'relay-count' }, ty: 'int' });
      if (RELAY_NAMES.includes(first.name)) {
        return fail(first.col, `relay fields belong to one hop: write relay[0].${first.name} (0 is the relay closest to the server)`);
      }
      return fail(first.col, `unknown field "${first.name}"${didYouMean(first.name, ['count']) || ' (write relay.count, or relay[N].field)'}`);
    }
    const idx = indexAt(1, 'an index or .count: relay[0].remote_id, relay.count');
    if (idx.index > MAX_RELAY_INDEX) fail(idx.col, `relay index ${idx.index} is out of range 0..${MAX_RELAY_INDEX} (relay chains are at most ${MAX_RELAY_INDEX + 1} deep)`);
    const hop = idx.index;
    const g = nameAt(2, RELAY_LIST);
    if (g.name === 'option') return end(4, { ref: { f: 'relay-option', hop, code: code(3, `relay[${hop}]`) }, ty: 'bytes' });
    if (has(RELAY_FIELDS, g.name)) return end(3, { ref: { f: 'relay', hop, name: g.name }, ty: RELAY_FIELDS[g.name] });
    return fail(g.col, `unknown field "${g.name}"${didYouMean(g.name, RELAY_NAMES) || ` (a relay hop has ${RELAY_LIST})`}`);
  }
  if (has(TOP_FIELDS, headName)) return end(1, { ref: { f: 'top', name: headName }, ty: TOP_FIELDS[headName] });
  const fns = [...functions];
  if (fns.includes(headName)) return fail(head.col, `${headName} is a function: write ${headName}(...)`);
  const top = closest(headName, [...Object.keys(TOP_FIELDS), 'msg', 'relay']);
  // A hop field without its relay prefix is a common slip; point at the right spelling.
  const hopField = top === undefined ? closest(headName, Object.keys(RELAY_FIELDS)) : undefined;
  const hint = top ?? (hopField === undefined ? undefined : `relay[0].${hopField}`);
  return fail(head.col, `unknown field "${headName}"${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`);
}
