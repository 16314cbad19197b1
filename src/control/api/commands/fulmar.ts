import { z } from 'zod';
import { canonicalIpv6 } from '../../../protocol/index.js';
import { formatPrefix6, parsePrefix6 } from '../../../protocol/net6.js';
import type { ClientKey, ReconfigureQuery, ReconfigureResult } from '../../types.js';
import { ArgumentError, command, empty, fail, ok, type CommandDef } from '../command.js';
import { duid, ipv6Address, ipv6Prefix, subnetId } from '../fields.js';
import { canonicalIdentifier } from '../identifiers.js';
import { checkSubnet } from '../lease-json.js';

/** Fulmar's own commands: the looking glass query, assignment reloads, Reconfigure (RFC 8415 §18.3.11). */

const KEYS = ['duid', 'hw-address', 'remote-id', 'subscriber-id', 'interface-id', 'address', 'prefix'] as const;

/** The value of a looking-glass key in the canonical form the server records. */
function keyValue(by: (typeof KEYS)[number], value: string): string | string[] {
  if (by === 'address') {
    const a = value.includes('/') ? undefined : canonicalIpv6(value);
    return a ?? ['not an IPv6 address'];
  }
  if (by === 'prefix') {
    const p = parsePrefix6(value);
    return p ? formatPrefix6(p) : ['not an IPv6 prefix ADDRESS/LENGTH with host bits clear'];
  }
  const c = canonicalIdentifier(by, value);
  return 'id' in c ? c.id : [c.problem];
}

const transactionsArgs = z
  .strictObject({
    by: z.enum(KEYS).optional().describe('What value identifies: a client, a line or a resource (default: every transaction)'),
    value: z.string().min(1).max(600).optional().describe('Hex for ids (aa:bb:cc), ENTERPRISE:HEX for remote-id, an address or a prefix'),
    limit: z.number().int().min(1).max(1000).default(50).describe('Newest first, at most this many'),
  })
  .transform((a, ctx) => {
    if ((a.by === undefined) !== (a.value === undefined)) {
      ctx.addIssue({ code: 'custom', path: [a.by === undefined ? 'by' : 'value'], message: 'required with ' + (a.by === undefined ? 'value' : 'by') });
      return z.NEVER;
    }
    if (a.by === undefined) return { key: undefined, limit: a.limit };
    const v = keyValue(a.by, a.value!);
    if (Array.isArray(v)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: v[0]! });
      return z.NEVER;
    }
    return { key: { by: a.by, value: v } as ClientKey, limit: a.limit };
  });

export const fulmarCommands: CommandDef[] = [
  command({
    name: 'transactions-get',
    access: 'read',
    description: 'Recent request/response pairs (the looking glass), newest first, optionally for one client, line, address or prefix.',
    args: transactionsArgs,
    handler: (t, a) => {
      const transactions = t.transactions(a.key, a.limit);
      const text = `${transactions.length} transaction(s) found.`;
      return transactions.length ? ok(text, { transactions, count: transactions.length }) : empty(text, { transactions, count: 0 });
    },
  }),
  command({
    name: 'assignments-reload',
    access: 'write',
    description: 'Read file-based assignment sources again; a reload that would remove too many entries is refused and the old table kept.',
    args: z.strictObject({ name: z.string().min(1).max(128).optional().describe('Only this source (default: every source that can reload)') }),
    handler: async (t, a) => {
      if (a.name !== undefined) {
        const s = t.assignmentSources().find((x) => x.name === a.name);
        if (!s) throw new ArgumentError('name', `no assignment source named "${a.name}"`);
        if (!s.reload) throw new ArgumentError('name', `"${a.name}" is a ${s.kind} source: it is read live, there is nothing to reload`);
      }
      const results = await t.reloadAssignments(a.name);
      const refused = Object.entries(results).filter(([, r]) => !r.ok);
      if (refused.length) return fail(`reload refused: ${refused.map(([n, r]) => `${n}: ${r.reason ?? 'refused'}`).join('; ')}`, results);
      const n = Object.keys(results).length;
      return n ? ok(`${n} assignment source(s) reloaded.`, results) : empty('no assignment source can reload', results);
    },
  }),
  command({
    name: 'lease6-reconfigure',
    access: 'write',
    description: 'Send Reconfigure to the clients holding matching leases (those that sent Reconfigure Accept); a subnet-wide run is paced by rate.',
    args: z
      .strictObject({
        duid: duid.optional().describe('Clients with this DUID'),
        'ip-address': ipv6Address.optional().describe('The client holding this address'),
        prefix: ipv6Prefix.optional().describe('The client holding this delegated prefix'),
        'subnet-id': subnetId.optional().describe('Every client with a lease in this subnet'),
        message: z.enum(['renew', 'information-request']).default('renew').describe('What the client is asked to send (RFC 8415 §21.19)'),
        rate: z.number().int().min(1).max(10_000).optional().describe('Reconfigure messages per second for a subnet-wide run'),
      })
      .refine((a) => [a.duid, a['ip-address'], a.prefix, a['subnet-id']].filter((v) => v !== undefined).length === 1, { message: 'give exactly one of duid, ip-address, prefix, subnet-id', path: [] }),
    handler: async (t, a) => {
      const q: ReconfigureQuery = { message: a.message };
      if (a.duid !== undefined) q.duid = a.duid;
      if (a['ip-address'] !== undefined) q.address = a['ip-address'];
      if (a.prefix !== undefined) q.prefix = a.prefix;
      if (a['subnet-id'] !== undefined) q.subnetId = checkSubnet(t, a['subnet-id']);
      if (a.rate !== undefined) q.rate = a.rate;
      const r = (await t.reconfigure(q)) as ReconfigureResult & { unreachable?: number; failed?: number };
      const counts = { sent: r.sent, skipped: r.skipped, unreachable: r.unreachable ?? 0, failed: r.failed ?? 0 };
      const text = `Reconfigure sent to ${counts.sent} client(s); ${counts.skipped} skipped (no reconfigure key), ${counts.unreachable} unreachable (not heard from since start), ${counts.failed} failed.`;
      return counts.sent + counts.skipped + counts.unreachable + counts.failed ? ok(text, counts) : empty('no matching lease', counts);
    },
  }),
];
