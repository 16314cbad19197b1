import { definePlugin } from '../../pipeline/types.js';
import { configSchema, handlerSchema, type HandlerSettings, type Settings } from './config.js';
import { createInstance } from './instance.js';
import { createHandler } from './next-hop.js';
import { IpRouteTable } from './routes.js';

/**
 * Example plugin: a route to every delegated prefix, via the relay or the
 * client's link-local address, installed with `ip -6 route`. See README.md.
 */
export default definePlugin({
  name: 'route-injection',
  configSchema,
  handlers: {
    'route-injection': {
      description: 'Records the next hop (the relay, or the direct client and its interface) in the leases of the transaction, for the route to its delegated prefixes',
      schema: handlerSchema,
      // `plugin`: this plugin's validated config, when the loader passes it.
      create: (config: HandlerSettings, _env, plugin?: Settings) => createHandler(config.dev ?? plugin?.dev),
    },
  },
  setup(config, env) {
    const table = new IpRouteTable({
      ip: config.ip,
      protocol: config.protocol,
      table: config.table,
      metric: config.metric,
      queueLimit: config['queue-limit'],
      log: env.log,
      count: (s, by) => env.count(s, by),
    });
    return createInstance(table, env.log, config.dev);
  },
});

export { configSchema, handlerSchema, routeOfLease, type NextHop, type Settings } from './config.js';
export { createInstance } from './instance.js';
export { createHandler, nextHop } from './next-hop.js';
export { IpRouteTable, routeArgs, type Route, type RouteTable } from './routes.js';
