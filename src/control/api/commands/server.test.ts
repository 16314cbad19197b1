import { expect } from 'vitest';
import { commandContract } from '../testing-contract.js';
import { serverCommands } from './server.js';

commandContract('server', serverCommands, {
  'list-commands': {
    ok: (r) => {
      expect(r.body.result).toBe(0);
      expect(r.body.arguments).toContain('lease6-get-page');
      expect(r.body.arguments).toContain('transactions-get');
    },
    bad: { args: { x: 1 }, text: 'arguments: unknown key(s): "x"' },
  },
  'version-get': {
    ok: (r) => expect(r.body).toEqual({ result: 0, text: '0.1.0-test', arguments: { extended: `fulmar 0.1.0-test (node ${process.version})` } }),
    bad: { args: { extended: true }, text: 'arguments: unknown key(s): "extended"' },
  },
  'status-get': {
    ok: (r) => {
      const a = r.body.arguments as Record<string, unknown>;
      expect(a.pid).toBe(process.pid);
      expect(a.uptime).toBeGreaterThanOrEqual(4);
      expect(a.reload).toBeGreaterThanOrEqual(0);
      expect(a['dhcp-state']).toEqual({ 'globally-disabled': false });
    },
    bad: { args: { pid: 1 }, text: 'arguments: unknown key(s): "pid"' },
  },
  'dhcp-disable': {
    args: { 'max-period': 20, origin: 'user' },
    ok: (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'DHCPv6 service disabled for 20 seconds' });
      expect(t.target.enabled).toBe(false);
      expect(t.target.maxPeriod).toBe(20);
    },
    bad: { args: { 'max-period': 0 }, text: 'arguments.max-period: must be at least 1' },
  },
  'dhcp-enable': {
    setup: (t) => t.target.setServing(false),
    ok: (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'DHCP service successfully enabled' });
      expect(t.target.enabled).toBe(true);
    },
    bad: { args: { origin: [] }, text: 'arguments.origin: must be a string or an integer' },
  },
  'leases-reclaim': {
    args: { remove: false },
    ok: (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'Reclamation of expired leases is complete.', arguments: { reclaimed: 0 } });
      expect(t.target.reclaims).toBe(1);
    },
    bad: { args: { remove: 'yes' }, text: 'arguments.remove: must be a boolean' },
  },
  shutdown: {
    ok: async (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'Shutting down.' });
      await new Promise((done) => setImmediate(done));
      expect(t.target.stopped).toBe(true);
    },
    bad: { args: { 'exit-value': -1 }, text: 'arguments.exit-value: must be at least 0' },
  },
});
