import { z } from 'zod';
import { canonicalIpv6 } from '../protocol/index.js';
import { parsePrefix6, parseRange6 } from '../protocol/net6.js';
import { pipelineSchema, pluginEntrySchema } from '../pipeline/config.js';
import { assignmentSourceSchema } from '../store/assignments/config.js';
import { controlSchema } from '../control/api/config.js';
import { eventsSchema } from '../control/events/config.js';

/**
 * The configuration file, as a zod schema: the single source for validation,
 * TypeScript types and the published JSON Schema (`fulmar schema`). Key names
 * follow Kea's (kebab-case) so operators and the Kea importer feel at home.
 */

const ipv6 = z.string().refine((s) => canonicalIpv6(s) !== undefined, { message: 'not an IPv6 address' });
const prefix6 = z.string().refine((s) => parsePrefix6(s) !== undefined, { message: 'not an IPv6 prefix ADDRESS/LENGTH with host bits clear' });
const seconds = z.number().int().min(0).max(0xffffffff);
const hex = z.string().regex(/^([0-9a-fA-F]{2})(:?[0-9a-fA-F]{2})*$/, 'not hex bytes (aa:bb:cc or aabbcc)');

export const optionDataSchema = z
  .object({
    name: z.string().optional().describe("Option name (Kea's), e.g. dns-servers"),
    code: z.number().int().min(1).max(65535).optional().describe('Option code, for options without a name'),
    space: z.string().default('dhcp6').describe('Option space'),
    value: z.unknown().optional().describe("The option's value in Fulmar's JSON form, e.g. [\"2001:db8::53\"] for dns-servers"),
    raw: hex.optional().describe('The option body as hex, for options Fulmar has no definition for'),
    'always-send': z.boolean().default(false).describe("Send even when the client's ORO does not ask for it"),
  })
  .strict()
  .refine((o) => o.name !== undefined || o.code !== undefined, { message: 'an option needs "name" or "code"' });

const fieldTypeNames = ['u8', 'u16', 'u32', 'i32', 'bool', 'ipv4', 'ipv6', 'prefix6', 'string', 'binary', 'fqdn', 'fqdn-list'] as const;

export const optionDefSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and "-"'),
    code: z.number().int().min(1).max(65535),
    space: z.string().default('dhcp6'),
    type: z.enum([...fieldTypeNames, 'record', 'empty']).describe('Field type; "record" takes "record-types"'),
    array: z.boolean().default(false).describe('A list of the type, to the end of the option'),
    'record-types': z.array(z.enum(fieldTypeNames)).optional(),
  })
  .strict();

const optionData = z.array(optionDataSchema).default([]);

const lifetimes = {
  'preferred-lifetime': seconds.optional(),
  'valid-lifetime': seconds.optional(),
  'renew-timer': seconds.optional().describe('T1; default half the preferred lifetime'),
  'rebind-timer': seconds.optional().describe('T2; default 0.8 of the preferred lifetime'),
};

export const poolSchema = z
  .object({
    pool: z.string().refine((s) => parseRange6(s) !== undefined, { message: 'not FIRST-LAST or PREFIX/LEN' }),
    'option-data': optionData,
  })
  .strict();

export const pdPoolSchema = z
  .object({
    prefix: ipv6,
    'prefix-len': z.number().int().min(1).max(128),
    'delegated-len': z.number().int().min(1).max(128),
    'option-data': optionData,
  })
  .strict();

export const reservationSchema = z
  .object({
    duid: hex.optional(),
    'hw-address': hex.optional(),
    'ip-addresses': z.array(ipv6).default([]),
    prefixes: z.array(prefix6).default([]),
    hostname: z.string().optional(),
    'option-data': optionData,
  })
  .strict()
  .refine((r) => (r.duid === undefined) !== (r['hw-address'] === undefined), { message: 'a reservation needs exactly one of "duid" or "hw-address"' });

const allocator = z
  .enum(['iterative', 'random'])
  .describe('iterative: the next free one after the last handed out (as Kea; consecutive leases share store pages); random: a random free one (addresses do not reveal arrival order)');

export const subnet6Schema = z
  .object({
    id: z.number().int().min(1).max(0xffffffff),
    subnet: prefix6,
    interface: z.string().optional().describe('Directly connected clients on this interface belong here'),
    relay: z.object({ 'ip-addresses': z.array(ipv6).min(1) }).strict().optional().describe("Relays' link-addresses that select this subnet"),
    pools: z.array(poolSchema).default([]),
    'pd-pools': z.array(pdPoolSchema).default([]),
    reservations: z.array(reservationSchema).default([]),
    'option-data': optionData,
    'rapid-commit': z.boolean().optional(),
    preference: z.number().int().min(0).max(255).optional(),
    allocator: allocator.optional(),
    'pd-allocator': allocator.optional(),
    ...lifetimes,
  })
  .strict();

export const leaseDatabaseSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('sqlite'),
      path: z.string().optional().describe('Default: leases6.sqlite in data-directory'),
      durability: z
        .enum(['process', 'power'])
        .default('process')
        .describe('process: committed to the OS before the reply (survives kill -9); power: fsync per group commit'),
    })
    .strict(),
  z.object({ type: z.literal('memory') }).strict().describe('Leases in memory only: for tests'),
]);

export const dhcp6Schema = z
  .object({
    interfaces: z.array(z.string().min(1)).default([]).describe('Interfaces to serve directly connected clients on'),
    'listen-addresses': z.array(ipv6).default([]).describe('Unicast addresses to receive relayed traffic on'),
    port: z.number().int().min(1).max(65535).default(547).describe('Server port (tests and benchmarks may move it)'),
    'lease-database': leaseDatabaseSchema.default({ type: 'sqlite', durability: 'process' }),
    'rapid-commit': z.boolean().default(false),
    preference: z.number().int().min(0).max(255).default(0),
    allocator: allocator.default('iterative').describe('How addresses are picked from pools; a subnet may override'),
    'pd-allocator': allocator.default('iterative').describe('How delegated prefixes are picked from pd-pools; a subnet may override'),
    'preferred-lifetime': seconds.default(3600),
    'valid-lifetime': seconds.default(7200),
    'renew-timer': seconds.optional(),
    'rebind-timer': seconds.optional(),
    'decline-probation-period': seconds.default(86400),
    'reclaim-interval': z.number().int().min(1).max(3600).default(10).describe('Seconds between expired-lease sweeps'),
    'receive-queue': z.number().int().min(16).max(1_000_000).default(4096).describe('Packets waiting to be served; beyond, new ones are dropped and counted'),
    'receive-buffer': z
      .number()
      .int()
      .min(16_384)
      .max(1 << 28)
      .default(1_048_576)
      .describe('SO_RCVBUF per socket, in bytes (Linux doubles it, up to net.core.rmem_max). The default holds ~100 ms of 20,000 packets/s, so a garbage-collection or start-up pause loses nothing; smaller keeps waits shorter under overload'),
    'udp-io': z
      .enum(['auto', 'batched', 'dgram'])
      .default('auto')
      .describe("Socket I/O: 'batched' reads many datagrams per system call through Fulmar's native addon (Linux, built by npm run build); 'dgram' uses Node's sockets; 'auto' takes batched when the addon is built"),
    'max-queue-wait': z.number().int().min(10).max(60_000).default(1000).describe('Milliseconds a request may wait before it is dropped unserved (clients have retransmitted by then)'),
    'option-data': optionData,
    'option-def': z.array(optionDefSchema).default([]),
    subnets: z.array(subnet6Schema).default([]),
    pipeline: pipelineSchema.optional(),
    'assignment-sources': z.record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-"'), assignmentSourceSchema).default({}).describe('Named sources of static assignments, used by the pipeline\'s static handler'),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    'data-directory': z.string().default('/var/lib/fulmar').describe('Server DUID and the default lease database live here'),
    user: z.string().optional().describe('Drop to this user after binding sockets'),
    logging: z
      .object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info') })
      .strict()
      .default({ level: 'info' }),
    dhcp6: dhcp6Schema,
    plugins: z.array(pluginEntrySchema).default([]).describe('Plugins to load: their filters, handlers and options become usable in the pipeline'),
    control: controlSchema.optional().describe('The management API (with /metrics and the looking glass); absent: no API'),
    events: eventsSchema.optional().describe('The transaction event stream; absent: no stream'),
  })
  .strict();

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type Dhcp6Config = Config['dhcp6'];
export type Subnet6Config = Dhcp6Config['subnets'][number];
export type OptionDataConfig = z.output<typeof optionDataSchema>;

/** The JSON Schema operators' editors use (`fulmar schema`). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
}
