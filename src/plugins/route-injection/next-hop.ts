import type { Handler, PipelineRequest } from '../../pipeline/types.js';
import type { NextHop } from './config.js';

/**
 * Where a client's delegated prefix is routed to: the relay that passed the
 * request on (the hop next to us), or, for a direct client, the address it
 * sent from (its link-local address) on the interface it came in on. Taken
 * from the packet, never from the DUID: a DUID's link-layer address need not
 * be the client's, nor on this link.
 */
export function nextHop(req: PipelineRequest, dev?: string): NextHop {
  // A link-local next hop (a direct client, or a relay sending from one) means nothing without its interface.
  const onLink = req.relays.length === 0 || LINK_LOCAL.test(req.source);
  const out = dev ?? (onLink ? req.iface : undefined);
  return { via: req.source, ...(out ? { dev: out } : {}) };
}

const LINK_LOCAL = /^fe[89ab][0-9a-f]:/i;

/** The `route-injection` handler: records the next hop in every lease the transaction commits. */
export function createHandler(dev?: string): Handler {
  return {
    pre(ctx) {
      ctx.leaseContext.route = nextHop(ctx.request, dev);
    },
  };
}
