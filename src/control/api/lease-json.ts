import { z } from 'zod';
import { ipv6ToBigInt, parsePrefix6, prefixContains } from '../../protocol/net6.js';
import type { Lease6, LeaseState } from '../../store/types.js';
import type { ControlTarget } from '../types.js';
import { ArgumentError } from './command.js';
import { colonHex, duid, hwAddress, iaid, ipv6Address, KEA_TYPE, leaseType, seconds, subnetId, TYPE_OF } from './fields.js';

/** Leases in Kea's lease_cmds JSON form, both ways. */

const STATE_CODE: Record<LeaseState, number> = { assigned: 0, declined: 1, reclaimed: 2 };
const STATE_OF: LeaseState[] = ['assigned', 'declined', 'reclaimed'];
const MAX_USER_CONTEXT = 8192;

export function leaseToKea(l: Lease6): Record<string, unknown> {
  const slash = l.address.indexOf('/');
  const out: Record<string, unknown> = {
    'ip-address': slash < 0 ? l.address : l.address.slice(0, slash),
    'prefix-len': slash < 0 ? 128 : Number(l.address.slice(slash + 1)),
    type: KEA_TYPE[l.type],
    duid: colonHex(l.duid),
    iaid: l.iaid,
    'subnet-id': l.subnetId,
    'valid-lft': l.validLifetime,
    'preferred-lft': l.preferredLifetime,
    cltt: l.cltt,
    state: STATE_CODE[l.state],
    hostname: l.hostname ?? '',
    'fqdn-fwd': false,
    'fqdn-rev': false,
  };
  if (l.hwaddr) out['hw-address'] = colonHex(l.hwaddr);
  if (l.userContext) out['user-context'] = l.userContext;
  return out;
}

/** The fields lease6-add and lease6-update take (Kea's names). */
export const leaseFields = {
  'ip-address': ipv6Address.describe('The address, or for IA_PD the first address of the prefix'),
  type: leaseType.default('IA_NA').describe('Lease type'),
  'prefix-len': z.number().int().min(1).max(128).optional().describe('Prefix length; required for IA_PD, 128 or absent otherwise'),
  duid: duid.describe("Client DUID, colon-separated hex (Kea's form) or plain hex"),
  iaid: iaid.describe('Identity association id'),
  'subnet-id': subnetId.optional().describe('A configured subnet; for IA_NA and IA_TA it defaults to the subnet containing the address'),
  'valid-lft': seconds.default(3600).describe('Valid lifetime in seconds'),
  'preferred-lft': seconds.optional().describe('Preferred lifetime in seconds (default: the valid lifetime)'),
  cltt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('Client last transaction time, unix seconds (default: now)'),
  state: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0).describe('0 default (assigned), 1 declined, 2 expired-reclaimed'),
  'hw-address': hwAddress.optional().describe('Client hardware address, colon-separated hex'),
  hostname: z.string().max(255).optional().describe('Client host name'),
  'user-context': z
    .record(z.string(), z.unknown())
    .refine((o) => JSON.stringify(o).length <= MAX_USER_CONTEXT, `larger than ${MAX_USER_CONTEXT} bytes of JSON`)
    .optional()
    .describe('Arbitrary JSON object kept with the lease'),
  'fqdn-fwd': z.boolean().optional().describe('Accepted for Kea compatibility and ignored (Fulmar does no DDNS)'),
  'fqdn-rev': z.boolean().optional().describe('Accepted for Kea compatibility and ignored (Fulmar does no DDNS)'),
};

export const leaseArgs = z.strictObject(leaseFields);
export type LeaseArgs = z.output<typeof leaseArgs>;

/** The configured subnet that holds an address, if any. */
export function subnetOf(target: ControlTarget, address: string): number | undefined {
  const a = ipv6ToBigInt(address);
  if (a === undefined) return undefined;
  for (const s of target.subnetUsage()) {
    const p = parsePrefix6(s.subnet);
    if (p && prefixContains(p, a)) return s.id;
  }
  return undefined;
}

/** A subnet-id argument must name a configured subnet. */
export function checkSubnet(target: ControlTarget, id: number, field = 'subnet-id'): number {
  if (!target.subnetIds().includes(id)) throw new ArgumentError(field, `no subnet ${id} is configured`);
  return id;
}

/** Resource key of Kea's (type, ip-address, prefix-len). */
export function leaseAddress(type: 'na' | 'ta' | 'pd', address: string, prefixLen: number | undefined): string {
  if (type !== 'pd') {
    if (prefixLen !== undefined && prefixLen !== 128) throw new ArgumentError('prefix-len', `must be 128 or absent for ${KEA_TYPE[type]}`);
    return address;
  }
  if (prefixLen === undefined) throw new ArgumentError('prefix-len', 'required for IA_PD');
  const key = `${address}/${prefixLen}`;
  if (!parsePrefix6(key)) throw new ArgumentError('ip-address', `${address} has bits set past /${prefixLen}`);
  return key;
}

export function leaseFromArgs(target: ControlTarget, a: LeaseArgs, now: number): Lease6 {
  const type = TYPE_OF[a.type];
  const address = leaseAddress(type, a['ip-address'], a['prefix-len']);
  let subnet = a['subnet-id'];
  if (subnet === undefined) {
    if (type === 'pd') throw new ArgumentError('subnet-id', 'required for IA_PD');
    subnet = subnetOf(target, address);
    if (subnet === undefined) throw new ArgumentError('subnet-id', `not given, and no configured subnet contains ${address}`);
  } else checkSubnet(target, subnet);
  const preferred = a['preferred-lft'] ?? a['valid-lft'];
  if (preferred > a['valid-lft']) throw new ArgumentError('preferred-lft', `${preferred} is longer than valid-lft ${a['valid-lft']}`);
  const cltt = a.cltt ?? now;
  const lease: Lease6 = {
    type,
    address,
    duid: a.duid,
    iaid: a.iaid,
    subnetId: subnet,
    preferredLifetime: preferred,
    validLifetime: a['valid-lft'],
    cltt,
    expiresAt: cltt + a['valid-lft'],
    state: STATE_OF[a.state]!,
  };
  if (a['hw-address'] !== undefined) lease.hwaddr = a['hw-address'];
  if (a.hostname) lease.hostname = a.hostname;
  if (a['user-context'] !== undefined) lease.userContext = a['user-context'];
  return lease;
}
