import { z } from 'zod';
import { canonicalIpv6 } from '../../protocol/index.js';
import { parsePrefix6 } from '../../protocol/net6.js';
import type { Lease6 } from '../../store/types.js';
import type { Route } from './routes.js';

/** Settings of the route-injection plugin, and the next hop it keeps in each lease. */

// Linux refuses '/', ':' and whitespace in interface names, and 15 characters is the most (IFNAMSIZ).
const devName = z.string().regex(/^[^\s/:]{1,15}$/, 'not an interface name');
const ipName = z.string().regex(/^[A-Za-z0-9_.-]{1,31}$/, 'not a name from /etc/iproute2');

export const configSchema = z
  .object({
    ip: z.string().min(1).default('ip').describe('Path of the ip binary (iproute2) the routes are changed with'),
    protocol: z
      .union([z.number().int().min(0).max(255), ipName])
      .default('static')
      .describe('Protocol tag of the routes (ip route ... proto): a name from rt_protos or a number; removals touch only routes with this tag'),
    table: z
      .union([z.number().int().min(1).max(0xffffffff), ipName])
      .optional()
      .describe('Routing table (number or rt_tables name); default: main'),
    metric: z.number().int().min(0).max(0xffffffff).optional().describe("Route metric; default: the kernel's (1024)"),
    dev: devName
      .optional()
      .describe("Interface every route goes out of; default: the receiving interface for direct clients, none (the kernel's choice) behind relays"),
    'queue-limit': z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(4096)
      .describe('Route changes waiting at most; beyond, new ones are dropped, logged and counted'),
  })
  .strict();

/** A pipeline entry may name its own interface (one per filter branch). */
export const handlerSchema = z
  .object({
    dev: devName.optional().describe("Interface the routes of this branch's clients go out of; overrides the plugin's"),
  })
  .strict();

export type Settings = z.output<typeof configSchema>;
export type HandlerSettings = z.output<typeof handlerSchema>;

/** What the handler records in a lease's user context under `route`. */
export interface NextHop {
  via: string;
  dev?: string;
}

/**
 * The route a live delegated prefix needs, from what its transaction
 * recorded; undefined for other leases and for records that do not check out
 * (user context is stored data: never put it on a command line unchecked).
 */
export function routeOfLease(lease: Lease6): Route | undefined {
  if (lease.type !== 'pd' || !parsePrefix6(lease.address)) return undefined;
  const hop = lease.userContext?.route as Partial<NextHop> | undefined;
  if (typeof hop?.via !== 'string' || canonicalIpv6(hop.via) === undefined) return undefined;
  if (hop.dev !== undefined && !devName.safeParse(hop.dev).success) return undefined;
  return { prefix: lease.address, via: hop.via, ...(hop.dev ? { dev: hop.dev } : {}) };
}
