import { z } from 'zod';
import { canonicalIpv6 } from '../../protocol/index.js';
import { formatPrefix6, parsePrefix6 } from '../../protocol/net6.js';
import type { LeaseType6 } from '../../store/types.js';

/** Argument types shared by the commands; each turns the text into Fulmar's canonical form or names what is wrong. */

export const ipv6Address = z.string().transform((s, ctx) => {
  const c = canonicalIpv6(s);
  if (c === undefined || s.includes('/')) {
    ctx.addIssue({ code: 'custom', message: 'not an IPv6 address' });
    return z.NEVER;
  }
  return c;
});

export const ipv6Prefix = z.string().transform((s, ctx) => {
  const p = parsePrefix6(s);
  if (!p) {
    ctx.addIssue({ code: 'custom', message: 'not an IPv6 prefix ADDRESS/LENGTH with host bits clear' });
    return z.NEVER;
  }
  return formatPrefix6(p);
});

const HEX_BYTES = /^[0-9a-fA-F]{2}(?::?[0-9a-fA-F]{2})*$/;

/** Hex bytes, `aa:bb:cc` or `aabbcc`, to lowercase hex without separators; `what` names the kind in the message. */
function hexBytes(what: string, min: number, max: number) {
  return z.string().transform((s, ctx) => {
    const h = HEX_BYTES.test(s) ? s.replace(/:/g, '').toLowerCase() : undefined;
    if (h === undefined || h.length < 2 * min || h.length > 2 * max) {
      ctx.addIssue({ code: 'custom', message: `not a ${what} (${min} to ${max} bytes of hex, aa:bb:cc or aabbcc)` });
      return z.NEVER;
    }
    return h;
  });
}

/** RFC 8415 §11.1: a 2-octet type and up to 128 octets. */
export const duid = hexBytes('DUID', 3, 130);
export const hwAddress = hexBytes('hardware address', 1, 20);

export const uint32 = z.number().int().min(0).max(0xffffffff);
export const iaid = uint32;
export const subnetId = z.number().int().min(1).max(0xffffffff);
export const seconds = uint32;

/** Kea's lease type names. */
export const leaseType = z.enum(['IA_NA', 'IA_TA', 'IA_PD']);
export const TYPE_OF: Record<z.output<typeof leaseType>, LeaseType6> = { IA_NA: 'na', IA_TA: 'ta', IA_PD: 'pd' };
export const KEA_TYPE: Record<LeaseType6, z.output<typeof leaseType>> = { na: 'IA_NA', ta: 'IA_TA', pd: 'IA_PD' };

/** Page sizes and whole-table answers are bounded (DESIGN.md invariant 7). */
export const MAX_PAGE = 10_000;
export const MAX_ALL = 100_000;
export const pageLimit = z.number().int().min(1).max(MAX_PAGE);

/** Colon-separated hex, the way Kea prints DUIDs and hardware addresses. */
export function colonHex(hex: string): string {
  return hex.replace(/(..)(?!$)/g, '$1:');
}
