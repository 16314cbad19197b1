import type { ClientServerMessage6, Option } from '../protocol/index.js';
import { findOption } from '../protocol/index.js';
import type { OptionSet } from './model.js';

/** Codes the server builds itself: configuration must not inject them. */
const STRUCTURAL = new Set([1, 2, 3, 4, 5, 9, 13, 14, 18, 25, 26]);

/** Option codes the client asked for in its Option Request option (RFC 8415 §21.7). */
export function requestedCodes(msg: ClientServerMessage6): ReadonlySet<number> {
  const oro = findOption(msg.options, 6);
  return new Set(Array.isArray(oro?.value) ? (oro.value as number[]) : []);
}

/**
 * The configured options a reply carries: those the client requested plus
 * those marked always-send (RFC 8415 §18.3: servers include options the
 * client requested in its ORO).
 */
export function configuredOptions(set: OptionSet, requested: ReadonlySet<number>): Option[] {
  const out: Option[] = [];
  for (const [code, c] of set) {
    if (STRUCTURAL.has(code)) continue;
    if (c.alwaysSend || requested.has(code)) out.push(c.option);
  }
  return out;
}
