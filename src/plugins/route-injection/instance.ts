import type { LeaseEvent, Logger, PluginInstance } from '../../pipeline/types.js';
import type { Lease6 } from '../../store/types.js';
import { routeOfLease } from './config.js';
import type { Route, RouteTable } from './routes.js';

/**
 * The process-wide half of route injection: a delegated prefix gets its
 * route when granted or extended, loses it when released, declined or
 * expired, and every live one gets it again at start (after a reboot, or a
 * route removed by hand). Stopping leaves the routes: clients keep their
 * connectivity while the server restarts.
 */

/** Routes per `ip -batch` run at start. */
const CHUNK = 1000;

export function createInstance(table: RouteTable, log: Logger, dev?: string): PluginInstance {
  // A configured interface wins over the one the lease recorded.
  const routeOf = (lease: Lease6): Route | undefined => {
    const r = routeOfLease(lease);
    return r && dev ? { ...r, dev } : r;
  };

  return {
    async start(live) {
      const started = Date.now();
      let routes = 0;
      let applied = 0;
      let chunk: Route[] = [];
      const flush = async () => {
        applied += await table.replaceMany(chunk);
        chunk = [];
      };
      for await (const lease of live) {
        const r = lease.state === 'assigned' ? routeOf(lease) : undefined;
        if (!r) continue;
        routes++;
        chunk.push(r);
        if (chunk.length >= CHUNK) await flush();
      }
      await flush();
      log.info({ msgId: 'FULMAR_ROUTES_REINSTALLED', routes, failed: routes - applied, ms: Date.now() - started }, 'routes of live delegated prefixes installed');
    },

    // Queued, not awaited: the reply must not wait for the routing table.
    onLease({ kind, lease }: LeaseEvent) {
      if (lease.type !== 'pd') return;
      const r = routeOf(lease);
      if (kind === 'granted' || kind === 'extended') {
        if (r) void table.replace(r.prefix, r.via, r.dev);
        else log.debug({ msgId: 'FULMAR_ROUTE_NO_NEXT_HOP', prefix: lease.address, duid: lease.duid }, 'delegated prefix without a recorded next hop: no route');
        return;
      }
      // Even without a recorded next hop: a route left behind would send the prefix to a client that no longer holds it.
      void table.remove(lease.address);
    },

    stop: () => table.drain(),
  };
}
