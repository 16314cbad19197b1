import { z } from 'zod';
import { command, fail, ok, type CommandDef } from '../command.js';

/** Kea's server commands: who are you, how are you, stop, pause, sweep. */

const none = z.strictObject({});
/** Kea's dhcp-disable/-enable `origin` says who asked (user, ha-partner, ...); Fulmar accepts and ignores it. */
const origin = z.union([z.string().max(64), z.number().int()], { error: 'must be a string or an integer' }).optional().describe('Accepted for Kea compatibility and ignored');

export const serverCommands: CommandDef[] = [
  command({
    name: 'list-commands',
    access: 'read',
    description: 'The names of every command this server accepts.',
    args: none,
    handler: (_t, _a, ctx) => ok(`${ctx.names.length} commands`, [...ctx.names].sort()),
  }),
  command({
    name: 'version-get',
    access: 'read',
    description: 'The Fulmar version (in `text`) and the Node.js version it runs on.',
    args: none,
    handler: (t) => ok(t.version, { extended: `fulmar ${t.version} (node ${process.version})` }),
  }),
  command({
    name: 'status-get',
    access: 'read',
    description: 'Process id, seconds since start (`uptime`) and since the last config reload (`reload`), and whether DHCP is being served.',
    args: none,
    handler: (t, _a, ctx) => {
      const now = Date.now();
      return ok('', {
        pid: process.pid,
        uptime: Math.floor((now - t.startedAt) / 1000),
        reload: Math.floor((now - ctx.reloadedAt) / 1000),
        'dhcp-state': { 'globally-disabled': !t.serving() },
        'multi-threading-enabled': false,
      });
    },
  }),
  command({
    name: 'dhcp-disable',
    access: 'write',
    description: 'Stop answering DHCP (requests are dropped and counted), for `max-period` seconds or until dhcp-enable.',
    args: z.strictObject({
      'max-period': z.number().int().min(1).max(86400).optional().describe('Re-enable by itself after this many seconds'),
      origin,
    }),
    handler: (t, a) => {
      t.setServing(false, a['max-period']);
      return ok(`DHCPv6 service disabled${a['max-period'] ? ` for ${a['max-period']} seconds` : ''}`);
    },
  }),
  command({
    name: 'dhcp-enable',
    access: 'write',
    description: 'Answer DHCP again after dhcp-disable.',
    args: z.strictObject({ origin }),
    handler: (t) => {
      t.setServing(true);
      return ok('DHCP service successfully enabled');
    },
  }),
  command({
    name: 'leases-reclaim',
    access: 'write',
    description: 'Reclaim expired leases now instead of at the next sweep. Reclaimed leases are kept (state 2) for address affinity.',
    args: z.strictObject({
      remove: z.boolean().optional().describe('Kea deletes reclaimed leases when true; Fulmar keeps them, so only false is accepted'),
    }),
    handler: async (t, a) => {
      if (a.remove) return fail('arguments.remove: true is not supported: reclaimed leases are kept for address affinity');
      const n = await t.reclaim();
      return ok('Reclamation of expired leases is complete.', { reclaimed: n });
    },
  }),
  command({
    name: 'shutdown',
    access: 'write',
    description: 'Stop the server gracefully once this answer is sent (in-flight transactions finish, the lease store is closed).',
    args: z.strictObject({
      'exit-value': z.number().int().min(0).max(255).optional().describe('Accepted for Kea compatibility; Fulmar exits with 0'),
    }),
    handler: (t, _a, ctx) => {
      ctx.afterReply(() => t.shutdown());
      return ok('Shutting down.');
    },
  }),
];
