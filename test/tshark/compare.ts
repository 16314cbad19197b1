import { Codec, type Message6, type Option, MESSAGE_CODES, isRelay, canonicalIpv6 } from '../../src/protocol/index.js';
import { Writer } from '../../src/protocol/writer.js';
import { Tree } from './json.js';
import { FIELDS } from './fields.js';
import { NESTED_MESSAGE, NESTED_OPTIONS } from './nesting.js';
import { NOT_SHOWN_AS_MESSAGE } from './limits.js';

/**
 * Walks one message as we encoded it beside tshark's dissection of the same
 * bytes and records every disagreement, named by where it is
 * ("relay-forw > relay-msg > ia-pd[4] > iaprefix: field ...").
 */

const OPTION = 'dhcpv6.option.type_str_tree';
const MESSAGE = 'dhcpv6';
const HEADER_FIELDS = new Set(['dhcpv6.option.type', 'dhcpv6.option.length']);

export class Comparer {
  /** Options tshark names but shows no body of, as "code name". */
  readonly notDissected = new Set<string>();
  /** Options tshark dissects that FIELDS has no checks for. */
  readonly unchecked = new Set<string>();
  private mismatches: string[] = [];
  private readonly writer = new Writer(256);

  constructor(private readonly codec: Codec) {}

  /** Every disagreement between tshark's dissection of a message and the message we encoded. */
  compare(tree: Tree, msg: Message6, where: string): string[] {
    this.mismatches = [];
    this.message(tree, msg, where);
    return this.mismatches;
  }

  private message(tree: Tree, msg: Message6, where: string): void {
    const code = typeof msg.type === 'number' ? msg.type : MESSAGE_CODES.get(msg.type);
    this.expect(where, 'dhcpv6.msgtype', values(tree, 'dhcpv6.msgtype'), [String(code)]);
    if (isRelay(msg)) {
      this.expect(where, 'dhcpv6.hopcount', values(tree, 'dhcpv6.hopcount'), [String(msg.hopCount)]);
      this.expect(where, 'dhcpv6.linkaddr', values(tree, 'dhcpv6.linkaddr'), [canonicalIpv6(msg.linkAddress) ?? '']);
      this.expect(where, 'dhcpv6.peeraddr', values(tree, 'dhcpv6.peeraddr'), [canonicalIpv6(msg.peerAddress) ?? '']);
    } else if ('xid' in msg) {
      const xid = values(tree, 'dhcpv6.xid').map((x) => String(parseInt(x, 16)));
      this.expect(where, 'dhcpv6.xid', xid, [String(msg.xid)]);
    }
    this.options(tree, msg.options, where);
  }

  private options(container: Tree, ours: readonly Option[], where: string): void {
    const theirs = container.all(OPTION).filter((t): t is Tree => t instanceof Tree);
    const codes = (xs: readonly (string | number)[]) => xs.join(',');
    const theirCodes = theirs.map((t) => values(t, 'dhcpv6.option.type')[0] ?? '?');
    if (theirs.length !== ours.length || codes(theirCodes) !== codes(ours.map((o) => o.code))) {
      this.mismatches.push(`${where}: option codes: tshark [${codes(theirCodes)}], we encoded [${codes(ours.map((o) => o.code))}]`);
    }
    for (let i = 0; i < Math.min(ours.length, theirs.length); i++) this.option(theirs[i]!, ours[i]!, `${where} > ${ours[i]!.name ?? ours[i]!.code}[${i}]`);
  }

  private option(t: Tree, o: Option, where: string): void {
    if (values(t, 'dhcpv6.option.type')[0] !== String(o.code)) return; // already reported by the caller
    const length = this.lengthOf(o, 'dhcp6');
    this.expect(where, 'dhcpv6.option.length', values(t, 'dhcpv6.option.length'), [String(length)]);
    const spec = FIELDS[o.code];
    const label = `${o.code} ${o.name ?? ''}`.trim();
    if (!spec) {
      if (ownFields(t).some((k) => !HEADER_FIELDS.has(k))) this.unchecked.add(label);
      else if (length > 0) this.notDissected.add(label);
      return; // tshark did not look inside, so neither can we
    }
    const expected = spec(o.value, (x, space) => this.lengthOf(x as Option, space));
    for (const [field, want] of Object.entries(expected)) this.expect(where, field, values(t, field), want);
    const nested = NESTED_OPTIONS[o.code];
    if (nested) this.options(t, nested(o.value as never), where);
    if (NESTED_MESSAGE[o.code] && !NOT_SHOWN_AS_MESSAGE.has(o.code)) this.relayed(t, NESTED_MESSAGE[o.code]!(o.value as never), where);
  }

  private relayed(t: Tree, msg: Message6, where: string): void {
    const inner = t.first(MESSAGE);
    if (inner instanceof Tree) this.message(inner, msg, where);
    else this.mismatches.push(`${where}: tshark shows no nested DHCPv6 message`);
  }

  private expect(where: string, field: string, got: readonly string[], want: readonly string[]): void {
    if (got.length === want.length && got.every((g, i) => g === want[i])) return;
    this.mismatches.push(`${where}: ${field}: tshark ${JSON.stringify(got)}, we encoded ${JSON.stringify(want)}`);
  }

  /** Body length our encoder writes for one option of `space`. */
  private lengthOf(o: Option, space: string): number {
    const w = this.writer;
    w.reset();
    this.codec.writeOption(w, o, this.codec.space(space), true, 'option');
    return w.pos - 4;
  }
}

/** Values of `key` in an option or message, not looking into nested options or messages. */
function values(t: Tree, key: string): string[] {
  const out: string[] = [];
  const visit = (n: Tree) => {
    for (const [k, v] of n.entries) {
      if (k === key && typeof v === 'string') out.push(v);
      if (v instanceof Tree && k !== OPTION && k !== MESSAGE) visit(v);
    }
  };
  visit(t);
  return out;
}

/** Field names shown in an option's own body. */
function ownFields(t: Tree): string[] {
  const out: string[] = [];
  const visit = (n: Tree) => {
    for (const [k, v] of n.entries) {
      if (k === OPTION || k === MESSAGE) continue;
      if (k.startsWith('dhcpv6.')) out.push(k);
      if (v instanceof Tree) visit(v);
    }
  };
  visit(t);
  return out;
}
