import type { PipelineContext } from '../../types.js';

/** Add an address and/or prefix to ctx.assigned once each; true if either was given. */
export function addAssigned(ctx: PipelineContext, address: string | undefined, prefix: string | undefined): boolean {
  const { addresses, prefixes } = ctx.assigned;
  if (address !== undefined && !addresses.includes(address)) addresses.push(address);
  if (prefix !== undefined && !prefixes.includes(prefix)) prefixes.push(prefix);
  return address !== undefined || prefix !== undefined;
}
