import type { ClientServerMessage6, Option } from '../protocol/index.js';
import { findOption } from '../protocol/index.js';
import type { OptionSet } from './model.js';

/** Codes the server builds itself: configuration must not inject them. */
// 12 too: Fulmar never offers Server Unicast (it answers unicast with UseMulticast, RFC 8415 §18.4).
const STRUCTURAL = new Set([1, 2, 3, 4, 5, 9, 12, 13, 14, 18, 25, 26]);

/** Option codes the client asked for in its Option Request option (RFC 8415 §21.7). */
export function requestedCodes(msg: ClientServerMessage6): ReadonlySet<number> {
  const oro = findOption(msg.options, 6);
  return new Set(Array.isArray(oro?.value) ? (oro.value as number[]) : []);
}

/** Options that belong only in the answer to one kind of message. */
const ONLY_FOR: ReadonlyMap<number, ReadonlySet<string>> = new Map([
  // RFC 8415 §21.23: information refresh time only in a Reply to Information-request.
  [32, new Set(['information-request'])],
  // §21.24: SOL_MAX_RT in answers to Solicit (and the Reply to Request etc. a client may also get); not to Information-request.
  [82, new Set(['solicit', 'request', 'renew', 'rebind', 'confirm', 'release', 'decline'])],
  // §21.25: INF_MAX_RT in the Reply to Information-request.
  [83, new Set(['information-request'])],
]);

/**
 * The configured options a reply carries: those the client requested plus
 * those marked always-send (RFC 8415 §18.3: servers include options the
 * client requested in its ORO), less those the RFC keeps for other messages.
 */
export function configuredOptions(set: OptionSet, requested: ReadonlySet<number>, requestType: string): Option[] {
  const out: Option[] = [];
  for (const [code, c] of set) {
    if (STRUCTURAL.has(code)) continue;
    if (ONLY_FOR.get(code)?.has(requestType) === false) continue;
    if (c.alwaysSend || requested.has(code)) out.push(c.option);
  }
  return out;
}

/**
 * Options a pipeline handler set: sent when requested or marked always-send,
 * under the same RFC rules as configured ones.
 */
export function pipelineOptions(list: readonly Option[], requested: ReadonlySet<number>, requestType: string, alwaysSend: (o: Option) => boolean): Option[] {
  return list.filter((o) => !STRUCTURAL.has(o.code) && ONLY_FOR.get(o.code)?.has(requestType) !== false && (requested.has(o.code) || alwaysSend(o)));
}
