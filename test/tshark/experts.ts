import { Tree, type Node } from './json.js';

/** Expert info severities as tshark's JSON prints them (epan/proto.h PI_*). */
const SEVERITY: Readonly<Record<number, string>> = {
  0x00100000: 'comment',
  0x00200000: 'chat',
  0x00400000: 'note',
  0x00600000: 'warning',
  0x00800000: 'error',
};
const PI_WARN = 0x00600000;

export interface Expert {
  severity: string;
  /** Warning or error: something tshark thinks is wrong, not just worth a remark. */
  serious: boolean;
  message: string;
  /** Code of the innermost DHCPv6 option, or of the DHCPv4 option, it sits in, if any. */
  option: number | undefined;
  /** Code of the DHCPv4 relay agent suboption (option 82) it sits in, if any. */
  suboption?: number;
}

/**
 * A DHCPv4 option's (or suboption's) tree follows the item holding its code,
 * where DHCPv6 puts the code inside: [code item, tree] key pairs.
 */
const V4_OPTION: readonly [string, string] = ['dhcp.option.type', 'dhcp.option.type_tree'];
const V4_SUBOPTION: readonly [string, string] = ['dhcp.option.agent_information_option.suboption', 'dhcp.option.agent_information_option.suboption_tree'];

/** Every expert info in one packet, and every sign of a malformed packet. */
export function scan(layers: Tree): { experts: Expert[]; malformed: string[] } {
  const experts: Expert[] = [];
  const malformed: string[] = [];
  const visit = (t: Tree, option: number | undefined, suboption: number | undefined) => {
    let previous: [string, Node] | undefined;
    for (const [k, v] of t.entries) {
      if (k.startsWith('_ws.malformed') || /malformed/i.test(k) || (typeof v === 'string' && /malformed/i.test(v))) {
        malformed.push(`${k}: ${JSON.stringify(v)}`);
      }
      const before = previous;
      previous = [k, v];
      if (!(v instanceof Tree)) continue;
      const codeBefore = (pair: readonly [string, string]) => (k === pair[1] && before?.[0] === pair[0] ? Number(before[1]) : undefined);
      if (k === '_ws.expert') {
        const level = Number(v.first('_ws.expert.severity'));
        const message = String(v.first('_ws.expert.message') ?? '?');
        const expert: Expert = { severity: SEVERITY[level] ?? String(level), serious: level >= PI_WARN, message, option };
        if (suboption !== undefined) expert.suboption = suboption;
        experts.push(expert);
      }
      const v4Option = codeBefore(V4_OPTION);
      if (v4Option !== undefined) visit(v, v4Option, undefined);
      else if (k === 'dhcpv6.option.type_str_tree') visit(v, Number(v.first('dhcpv6.option.type')), suboption);
      else visit(v, option, codeBefore(V4_SUBOPTION) ?? suboption);
    }
  };
  visit(layers, undefined, undefined);
  return { experts, malformed };
}
