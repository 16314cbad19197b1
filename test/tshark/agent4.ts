import type { Option } from '../../src/protocol/index.js';
import type { Expected, LengthOf } from './fields.js';
import { bytes, hexOf, list, merge, u32Hex, u8Hex } from './format4.js';

/**
 * Relay agent information (option 82, RFC 3046) as tshark 4.0 shows it: each
 * suboption's code and length, then its own fields. A suboption with no entry
 * shows nothing of its body (see limits4.ts).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Spec = (v: any) => Expected;

const F = 'dhcp.option.agent_information_option.';
const field =
  <T>(name: string, show: (v: T) => string): Spec =>
  (v: T) => ({ [F + name]: [show(v)] });
const asIs = (v: string | number) => String(v);

const SUBOPTIONS: Readonly<Record<number, Spec>> = {
  1: field('agent_circuit_id', bytes),
  2: field('agent_remote_id', bytes),
  4: field('docsis_device_class', (v: number) => hexOf(v, 8)),
  5: field('link_selection', asIs),
  6: field('subscriber_id', asIs),
  // RADIUS attributes (RFC 4014) and the authentication suboption (RFC 4030): tshark shows the bytes
  7: (v: { type: number; value: string }[]) => ({ [F + 'radius_attributes']: [bytes(v.map((a) => u8Hex(a.type) + u8Hex(a.value.length / 2 + 2) + a.value).join(''))] }),
  8: field('authentication', bytes),
  // RFC 4243: enterprise and data-len of each block; tshark does not read the vendor's suboptions
  9: (v: { enterprise: number; options: { raw: string }[] }[]) => ({
    [F + 'vi.enterprise']: list(v.map((b) => b.enterprise)),
    [F + 'vi.data_length']: list(v.map((b) => b.options.reduce((n, s) => n + 2 + s.raw.length / 2, 0))),
  }),
  10: field('flags', (v: number) => hexOf(v, 2)),
  11: field('server_id_override', asIs),
  12: field('relay_agent_id', bytes),
  13: field('ani_att', asIs), // RFC 7839 ATT values fit the low byte, which is all tshark shows
  14: field('ani_network_name', asIs),
  15: field('ani_ap_name', asIs),
  16: field('ani_ap_bssid', bytes),
  17: field('ani_operator_id', (v: number) => bytes(u32Hex(v))), // tshark: FT_BYTES
  18: field('ani_operator_realm', asIs),
};

/** Everything tshark shows of option 82's body, in suboption order. */
export function agentFields(subs: readonly Option[], lengthOf: LengthOf): Expected {
  return merge([
    { [F + 'suboption']: list(subs.map((s) => s.code)), 'dhcp.option.suboption_length': list(subs.map((s) => lengthOf(s, 'dhcp-agent-options-space'))) },
    ...subs.map((s) => SUBOPTIONS[s.code]?.(s.value) ?? {}),
  ]);
}

/** Suboption codes whose body fields agentFields checks. */
export const CHECKED_SUBOPTIONS: ReadonlySet<number> = new Set(Object.keys(SUBOPTIONS).map(Number));
