import { z } from 'zod';
import { canonicalIpv6 } from '../../../protocol/index.js';
import { formatPrefix6, parsePrefix6 } from '../../../protocol/net6.js';
import type { Lease6, LeaseVersion6 } from '../../../store/types.js';
import type { ControlTarget } from '../../types.js';
import { command, empty, fail, ok, type CommandDef } from '../command.js';
import { duid, iaid, ipv6Address, leaseType, MAX_ALL, pageLimit, subnetId, TYPE_OF } from '../fields.js';
import { checkSubnet, leaseAddress, leaseArgs, leaseFields, leaseFromArgs, leaseToKea } from '../lease-json.js';

/** Kea's lease_cmds for DHCPv6 over ControlTarget.leases. */

const SCAN_PAGE = 1000;

/** lease6-get and lease6-del: by address, or by (duid, iaid, subnet-id, type) as Kea. */
const leaseQuery = z
  .strictObject({
    'ip-address': ipv6Address.optional().describe('The address, or for IA_PD the first address of the prefix'),
    type: leaseType.default('IA_NA').describe('Lease type'),
    'prefix-len': z.number().int().min(1).max(128).optional().describe('For IA_PD: the prefix length (optional; a prefix is found by its first address)'),
    'identifier-type': z.literal('duid').optional().describe('With identifier, iaid and subnet-id instead of ip-address'),
    identifier: duid.optional().describe('Client DUID, colon-separated hex'),
    iaid: iaid.optional().describe('Identity association id'),
    'subnet-id': subnetId.optional().describe('Subnet of the lease'),
  })
  .superRefine((a, ctx) => {
    if (a['ip-address'] !== undefined) return;
    const byId = ['identifier-type', 'identifier', 'iaid', 'subnet-id'] as const;
    if (byId.every((k) => a[k] === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'give ip-address, or identifier-type, identifier, iaid and subnet-id' });
      return;
    }
    for (const k of byId) if (a[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'required when ip-address is not given' });
  });

type LeaseQuery = z.output<typeof leaseQuery>;

async function findLease(t: ControlTarget, q: LeaseQuery): Promise<Lease6 | undefined> {
  const type = TYPE_OF[q.type];
  if (q['ip-address'] === undefined) {
    checkSubnet(t, q['subnet-id']!);
    const all = await t.leases.getByClient(q.identifier!, q.iaid!, type);
    return all.find((l) => l.subnetId === q['subnet-id']);
  }
  if (type !== 'pd' || q['prefix-len'] !== undefined) return t.leases.get(type, leaseAddress(type, q['ip-address'], q['prefix-len']));
  // A prefix by its first address: its key "ADDR/LEN" is the first one after "ADDR" in text order.
  const [next] = await t.leases.page(q['ip-address'], 1);
  return next?.type === 'pd' && next.address.startsWith(`${q['ip-address']}/`) ? next : undefined;
}

const version = (l: Lease6): LeaseVersion6 => ({ duid: l.duid, iaid: l.iaid, state: l.state, cltt: l.cltt, expiresAt: l.expiresAt });
const found = (n: number) => `${n} IPv6 lease(s) found.`;
const describe = (l: Lease6) => `${l.type === 'pd' ? 'prefix' : 'address'} ${l.address}, subnet-id ${l.subnetId}`;

/** Page cursor after Kea's `from`: an address skips the lease at it and any prefix starting there ("/~" sorts after "/LEN"). */
const pageFrom = z.string().transform((s, ctx) => {
  if (s === 'start') return undefined;
  const a = s.includes('/') ? undefined : canonicalIpv6(s);
  if (a !== undefined) return `${a}/~`;
  const p = parsePrefix6(s);
  if (p) return formatPrefix6(p);
  ctx.addIssue({ code: 'custom', message: 'not "start", an IPv6 address or a prefix' });
  return z.NEVER;
});

export const leaseCommands: CommandDef[] = [
  command({
    name: 'lease6-add',
    access: 'write',
    description: 'Add a lease. Refused if the address or prefix already has a live lease, or the subnet is not configured.',
    args: leaseArgs,
    handler: async (t, a) => {
      const lease = leaseFromArgs(t, a, Math.floor(Date.now() / 1000));
      await t.leases.commit([{ op: 'insert', lease }]);
      return ok(`Lease for ${describe(lease)} added.`);
    },
  }),
  command({
    name: 'lease6-get',
    access: 'read',
    description: 'One lease, by ip-address (and type), or by identifier-type "duid", identifier, iaid, subnet-id and type.',
    args: leaseQuery,
    handler: async (t, a) => {
      const l = await findLease(t, a);
      return l ? ok('IPv6 lease found.', leaseToKea(l)) : empty('Lease not found.');
    },
  }),
  command({
    name: 'lease6-get-all',
    access: 'read',
    description: `Every lease, or those of the given subnets (at most ${MAX_ALL}; page with lease6-get-page beyond that).`,
    args: z.strictObject({
      subnets: z.array(subnetId).min(1).max(1000).optional().describe('Subnet ids (default: every subnet)'),
    }),
    handler: async (t, a) => {
      a.subnets?.forEach((id, i) => checkSubnet(t, id, `subnets[${i}]`));
      const want = a.subnets && new Set(a.subnets);
      const leases: Record<string, unknown>[] = [];
      for (let after: string | undefined; ; ) {
        const page = await t.leases.page(after, SCAN_PAGE);
        for (const l of page) if (!want || want.has(l.subnetId)) leases.push(leaseToKea(l));
        if (leases.length > MAX_ALL) return fail(`more than ${MAX_ALL} leases match: use lease6-get-page`);
        if (page.length < SCAN_PAGE) break;
        after = page[page.length - 1]!.address;
      }
      return leases.length ? ok(found(leases.length), { leases }) : empty(found(0), { leases });
    },
  }),
  command({
    name: 'lease6-get-page',
    access: 'read',
    description: 'Leases in address order, a page at a time: start with from "start", then pass the last ip-address returned.',
    args: z.strictObject({
      from: pageFrom.describe('"start", or the ip-address of the last lease of the previous page'),
      limit: pageLimit.describe('Page size'),
    }),
    handler: async (t, a) => {
      const leases = (await t.leases.page(a.from, a.limit)).map(leaseToKea);
      const args = { leases, count: leases.length };
      return leases.length ? ok(found(leases.length), args) : empty(found(0), args);
    },
  }),
  command({
    name: 'lease6-get-by-duid',
    access: 'read',
    description: 'Every lease of one client.',
    args: z.strictObject({ duid: duid.describe('Client DUID, colon-separated hex') }),
    handler: async (t, a) => {
      const leases = (await t.leases.getByDuid(a.duid)).map(leaseToKea);
      return leases.length ? ok(found(leases.length), { leases }) : empty(found(0), { leases });
    },
  }),
  command({
    name: 'lease6-update',
    access: 'write',
    description: 'Replace a lease (found by type and ip-address); with force-create, add it when missing.',
    args: z.strictObject({ ...leaseFields, 'force-create': z.boolean().default(false).describe('Add the lease if it does not exist') }),
    handler: async (t, a) => {
      const lease = leaseFromArgs(t, a, Math.floor(Date.now() / 1000));
      const old = await t.leases.get(lease.type, lease.address);
      if (!old && !a['force-create']) return empty('IPv6 lease not found.');
      await t.leases.commit([old ? { op: 'update', lease, expect: version(old) } : { op: 'insert', lease }]);
      return ok(old ? 'IPv6 lease updated.' : `Lease for ${describe(lease)} added.`);
    },
  }),
  command({
    name: 'lease6-del',
    access: 'write',
    description: 'Delete one lease, found as lease6-get finds it.',
    args: leaseQuery,
    handler: async (t, a) => {
      const l = await findLease(t, a);
      if (!l) return empty('IPv6 lease not found.');
      await t.leases.commit([{ op: 'delete', type: l.type, address: l.address, expect: version(l) }]);
      return ok('IPv6 lease deleted.');
    },
  }),
  command({
    name: 'lease6-wipe',
    access: 'write',
    description: 'Delete every lease of one subnet, or of all subnets.',
    args: z.strictObject({ 'subnet-id': subnetId.optional().describe('Subnet to wipe (default: all)') }),
    handler: async (t, a) => {
      if (a['subnet-id'] !== undefined) checkSubnet(t, a['subnet-id']);
      const n = await t.leases.wipe(a['subnet-id']);
      const text = `Deleted ${n} IPv6 lease(s) from subnet(s) ${a['subnet-id'] ?? 'all'}`;
      return n ? ok(text) : empty(text);
    },
  }),
];
