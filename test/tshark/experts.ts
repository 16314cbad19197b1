import { Tree } from './json.js';

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
  /** Code of the innermost DHCPv6 option it sits in, if any. */
  option: number | undefined;
}

/** Every expert info in one packet, and every sign of a malformed packet. */
export function scan(layers: Tree): { experts: Expert[]; malformed: string[] } {
  const experts: Expert[] = [];
  const malformed: string[] = [];
  const visit = (t: Tree, option: number | undefined) => {
    for (const [k, v] of t.entries) {
      if (k.startsWith('_ws.malformed') || /malformed/i.test(k) || (typeof v === 'string' && /malformed/i.test(v))) {
        malformed.push(`${k}: ${JSON.stringify(v)}`);
      }
      if (!(v instanceof Tree)) continue;
      if (k === '_ws.expert') {
        const level = Number(v.first('_ws.expert.severity'));
        const message = String(v.first('_ws.expert.message') ?? '?');
        experts.push({ severity: SEVERITY[level] ?? String(level), serious: level >= PI_WARN, message, option });
      }
      const code = k === 'dhcpv6.option.type_str_tree' ? Number(v.first('dhcpv6.option.type')) : option;
      visit(v, code);
    }
  };
  visit(layers, undefined);
  return { experts, malformed };
}
