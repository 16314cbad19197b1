import { z } from 'zod';
import { ipv6ToBigInt, parsePrefix6, prefixContains, type Prefix6 } from '../../../protocol/net6.js';
import { defineFilter } from '../define.js';

// Relays are few; remembering each link-address's answer keeps BigInt work off the per-packet path.
const CACHE_MAX = 4096;

const prefix = z.string().transform((s, ctx): Prefix6 => {
  const p = parsePrefix6(s.trim());
  if (!p) {
    ctx.addIssue({ code: 'custom', message: `bad prefix ${JSON.stringify(s.slice(0, 60))}: expected ADDRESS/LENGTH with host bits clear, e.g. 2001:db8:1::/48` });
    return z.NEVER;
  }
  return p;
});

export const linkAddressFilter = defineFilter({
  description: "Matches relayed requests when any relay hop's link-address (RFC 8415 §9) lies inside one of the prefixes.",
  schema: z.strictObject({
    prefixes: z.array(prefix).min(1, 'list at least one prefix').max(10_000).describe('IPv6 prefixes, e.g. 2001:db8:1::/48'),
  }),
  create(config) {
    const prefixes = config.prefixes;
    const cache = new Map<string, boolean>();
    const inside = (link: string): boolean => {
      let hit = cache.get(link);
      if (hit === undefined) {
        const a = ipv6ToBigInt(link);
        hit = a !== undefined && prefixes.some((p) => prefixContains(p, a));
        if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
        cache.set(link, hit);
      }
      return hit;
    };
    return {
      match(ctx) {
        for (const hop of ctx.request.relays) if (inside(hop.linkAddress)) return true;
        return false;
      },
    };
  },
});
