import type { Codec, Message4, Option } from '../../src/protocol/index.js';
import { Writer } from '../../src/protocol/writer.js';
import { Tree } from './json.js';
import { FIELDS4 } from './fields4.js';
import { headerFields } from './header4.js';

/**
 * Walks one DHCPv4 message as we encoded it beside tshark's dissection of the
 * same bytes and records every disagreement, named by where it is
 * ("offer > domain-search[12]: field ..."). Options are compared the way
 * RFC 3396 reads them: every instance of a code together, in the order
 * options field, `file`, `sname`.
 */

const CODE = 'dhcp.option.type';
const OPTION = 'dhcp.option.type_tree';
/** The subtrees of option 52 holding the options tshark found in `file` and `sname`. */
const OVERLOAD_AREAS = ['Boot file name option overload', 'Server host name option overload'];
const FRAMING = new Set(['dhcp.option.length', 'dhcp.option.value']);
const MAX_BODY = 255;

interface Instance {
  code: number;
  tree: Tree;
}

export class Comparer4 {
  /** Options tshark names but shows no body of, as "code name". */
  readonly notDissected = new Set<string>();
  /** Options FIELDS4 has no checks for. */
  readonly unchecked = new Set<string>();
  private mismatches: string[] = [];
  private readonly writer = new Writer(512);

  constructor(private readonly codec: Codec) {}

  /** Every disagreement between tshark's `dhcp` tree of a message and the message we encoded. */
  compare(dhcp: Tree, msg: Message4, where: string): string[] {
    this.mismatches = [];
    for (const [field, want] of Object.entries(headerFields(msg))) this.expect(where, field, values(dhcp, field), want);
    this.options(instancesOf(dhcp), msg.options, where);
    return this.mismatches;
  }

  private options(theirs: Instance[], ours: readonly Option[], where: string): void {
    const lengths = ours.map((o) => (o.code === 0 ? [] : chunks(this.lengthOf(o, 'dhcp4'))));
    const ourCodes = ours.flatMap((o, i) => (o.code === 0 ? [0] : lengths[i]!.map(() => o.code))).join(',');
    const theirCodes = theirs.map((t) => t.code).join(',');
    if (ourCodes !== theirCodes) {
      this.mismatches.push(`${where}: option instances: tshark [${theirCodes}], we encoded [${ourCodes}]`);
      return; // which instance is which is unknown, so nothing more is comparable
    }
    let at = 0;
    ours.forEach((o, i) => {
      if (o.code === 0) {
        at++;
        return;
      }
      const own = theirs.slice(at, (at += lengths[i]!.length)).map((t) => t.tree);
      this.option(own, o, lengths[i]!, `${where} > ${o.name ?? o.code}[${i}]`);
    });
  }

  /** One option of ours beside the instances tshark shows of it. */
  private option(trees: Tree[], o: Option, lengths: number[], where: string): void {
    const got = (field: string) => trees.flatMap((t) => values(t, field));
    this.expect(where, 'dhcp.option.length', got('dhcp.option.length'), lengths.map(String));
    const label = `${o.code} ${o.name ?? ''}`.trim();
    if (!trees.some((t) => ownFields(t).some((k) => !FRAMING.has(k))) && lengths[0]! > 0) this.notDissected.add(label);
    const spec = FIELDS4[o.code];
    if (!spec) {
      this.unchecked.add(label);
      return;
    }
    for (const [field, want] of Object.entries(spec(o.value, (x, space) => this.lengthOf(x as Option, space)))) this.expect(where, field, got(field), want);
  }

  private expect(where: string, field: string, got: readonly string[], want: readonly string[]): void {
    if (got.length === want.length && got.every((g, i) => g === want[i])) return;
    this.mismatches.push(`${where}: ${field}: tshark ${JSON.stringify(got)}, we encoded ${JSON.stringify(want)}`);
  }

  /** Body length our encoder writes for one option of `space`, before any RFC 3396 split. */
  private lengthOf(o: Option, space: string): number {
    const w = this.writer;
    w.reset();
    this.codec.writeOptionBody(w, o, o.code, this.codec.space(space), 'option');
    return w.pos;
  }
}

/** Our encoder splits a body over 255 bytes (RFC 3396) into 255-byte instances and the rest. */
function chunks(length: number): number[] {
  const out = [Math.min(length, MAX_BODY)];
  for (let left = length - MAX_BODY; left > 0; left -= MAX_BODY) out.push(Math.min(left, MAX_BODY));
  return out;
}

/**
 * The option instances tshark found, in wire order: the options field, then
 * `file` and `sname` (which it shows inside option 52). A run of pads is one
 * item to tshark and one instance per byte here; end options are left out.
 */
function instancesOf(t: Tree): Instance[] {
  const field: Instance[] = [];
  const lent: Instance[] = [];
  t.entries.forEach(([k, v], i) => {
    if (k !== OPTION || !(v instanceof Tree) || v.first('dhcp.option.end') !== undefined) return;
    const pads = v.first('dhcp.option.padding');
    if (typeof pads === 'string') {
      field.push(...pads.split(':').map(() => ({ code: 0, tree: v })));
      return;
    }
    const before = t.entries[i - 1];
    field.push({ code: before?.[0] === CODE ? Number(before[1]) : NaN, tree: v });
    for (const area of OVERLOAD_AREAS) {
      const a = v.first(area);
      if (a instanceof Tree) lent.push(...instancesOf(a));
    }
  });
  return [...field, ...lent];
}

/** Values of `key` in a header or option, not looking into the options nested in option 52. */
function values(t: Tree, key: string): string[] {
  const out: string[] = [];
  for (const [k, v] of t.entries) {
    if (k === key && typeof v === 'string') out.push(v);
    if (v instanceof Tree && k !== OPTION) out.push(...values(v, key));
  }
  return out;
}

/** Field names shown in an option's own body. */
function ownFields(t: Tree): string[] {
  return t.entries.flatMap(([k, v]) => {
    if (k === OPTION || OVERLOAD_AREAS.includes(k)) return [];
    const below = v instanceof Tree ? ownFields(v) : [];
    return k.startsWith('dhcp.') ? [k, ...below] : below;
  });
}
