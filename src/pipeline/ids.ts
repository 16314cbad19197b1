import { findOption, type RelayMessage6 } from '../protocol/index.js';
import type { RequestIds } from './types.js';

/**
 * The identifiers a request carries, in canonical text (see RequestIds).
 * Line identifiers come from the relay closest to the client that has them:
 * that is the access relay, which knows the line (RFC 4649 §3, RFC 4580 §2).
 */
export function requestIds(duid: string, hwaddr: string | undefined, relays: readonly RelayMessage6[]): RequestIds {
  const ids: RequestIds = { duid };
  if (hwaddr !== undefined) ids['hw-address'] = hwaddr;
  // Innermost (closest to the client) first; the codec bounds the chain at 32 hops.
  for (let i = relays.length - 1; i >= 0; i--) {
    const options = relays[i]!.options;
    if (ids['interface-id'] === undefined) {
      const o = findOption(options, 18);
      if (typeof o?.value === 'string') ids['interface-id'] = o.value;
    }
    if (ids['remote-id'] === undefined) {
      const o = findOption(options, 37);
      const v = o?.value as { enterprise: number; remoteId: string } | undefined;
      if (v && typeof v.remoteId === 'string') ids['remote-id'] = `${v.enterprise}:${v.remoteId}`;
    }
    if (ids['subscriber-id'] === undefined) {
      const o = findOption(options, 38);
      if (typeof o?.value === 'string') ids['subscriber-id'] = o.value;
    }
  }
  return ids;
}
