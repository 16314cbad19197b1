import type { Message6, Option } from '../../src/protocol/index.js';

/**
 * Where options and messages nest inside a DHCPv6 option's value (JSON form),
 * by option code: one place for the comparison and the coverage check to share.
 */

type WithOptions = { options: Option[] };

/** Options carried inside an option, in the same (dhcp6) space. */
export const NESTED_OPTIONS: Readonly<Record<number, (v: never) => Option[]>> = {
  3: (v: WithOptions) => v.options, // IA_NA
  4: (v: WithOptions) => v.options, // IA_TA
  5: (v: WithOptions) => v.options, // IAADDR
  25: (v: WithOptions) => v.options, // IA_PD
  26: (v: WithOptions) => v.options, // IAPREFIX
  44: (v: WithOptions) => v.options, // LQ_QUERY
  45: (v: Option[]) => v, // CLIENT_DATA
  66: (v: Option[]) => v, // RSOO
  89: (v: WithOptions) => v.options, // S46_RULE
  92: (v: WithOptions) => v.options, // S46_V4V6BIND
  94: (v: Option[]) => v, // S46_CONT_MAPE
  95: (v: Option[]) => v, // S46_CONT_MAPT
  96: (v: Option[]) => v, // S46_CONT_LW
};

/** Options carried inside an option, in their own space. */
export const SUBOPTIONS: Readonly<Record<number, string>> = {
  56: 'v6-ntp-server-suboptions',
};

/** A whole DHCPv6 message carried inside an option. */
export const NESTED_MESSAGE: Readonly<Record<number, (v: never) => Message6>> = {
  9: (v: Message6) => v, // RELAY_MSG
  47: (v: { relayMessage: Message6 }) => v.relayMessage, // LQ_RELAY_DATA
};

/** Every option in a message, nested ones too, as [space, option]. */
export function* allOptions(msg: Message6, space = 'dhcp6'): Generator<[string, Option]> {
  yield* walk(msg.options, space);
}

function* walk(options: readonly Option[], space: string): Generator<[string, Option]> {
  for (const o of options) {
    yield [space, o];
    if (space !== 'dhcp6') continue;
    const inner = NESTED_OPTIONS[o.code];
    if (inner) yield* walk(inner(o.value as never), space);
    const sub = SUBOPTIONS[o.code];
    if (sub) yield* walk(o.value as Option[], sub);
    const m = NESTED_MESSAGE[o.code];
    if (m) yield* allOptions(m(o.value as never));
  }
}
