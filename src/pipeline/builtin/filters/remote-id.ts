import { z } from 'zod';
import { defineFilter } from '../define.js';
import { remoteIdPattern, valueList } from '../values.js';

export const remoteIdFilter = defineFilter({
  description: 'Matches the remote-id option (RFC 4649) of the relay closest to the client: enterprise number plus an id of the line or subscriber.',
  schema: z.strictObject({
    values: valueList(remoteIdPattern, 'remote-id').describe(
      'Remote-ids as "ENTERPRISE:HEX" (enterprise in decimal, e.g. "4491:00:11:22:33"), or {"enterprise"?, "id"? | "text"?} where a missing part matches anything',
    ),
  }),
  create(config) {
    // Three sets, so each pattern shape is still one lookup.
    const exact = new Set<string>();
    const anyEnterprise = new Set<string>();
    const anyId = new Set<string>();
    for (const p of config.values) {
      if (p.enterprise !== undefined && p.id !== undefined) exact.add(`${p.enterprise}:${p.id}`);
      else if (p.id !== undefined) anyEnterprise.add(p.id);
      else if (p.enterprise !== undefined) anyId.add(String(p.enterprise));
    }
    const partial = anyEnterprise.size > 0 || anyId.size > 0;
    return {
      match(ctx) {
        const rid = ctx.request.ids['remote-id'];
        if (rid === undefined) return false;
        if (exact.has(rid)) return true;
        if (!partial) return false;
        const colon = rid.indexOf(':');
        return anyId.has(rid.slice(0, colon)) || anyEnterprise.has(rid.slice(colon + 1));
      },
    };
  },
});
