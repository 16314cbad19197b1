import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { commandContract } from '../testing-contract.js';
import { configCommands } from './config.js';

const NEW = { dhcp6: { subnets: [{ id: 1, subnet: '2001:db8:1::/64' }], 'valid-lifetime': 600 } };

commandContract('config', configCommands, {
  'config-get': {
    ok: (r, t) => expect(r.body).toEqual({ result: 0, text: 'Configuration returned.', arguments: t.target.config }),
    bad: { args: { x: 1 }, text: 'arguments: unknown key(s): "x"' },
  },
  'config-hash-get': {
    ok: (r) => {
      expect(r.body.result).toBe(0);
      expect((r.body.arguments as { hash: string }).hash).toMatch(/^[0-9A-F]{64}$/);
    },
    bad: { args: { hash: 'x' }, text: 'arguments: unknown key(s): "hash"' },
  },
  'config-test': {
    args: NEW,
    ok: (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'Configuration seems sane.' });
      expect(t.target.config).not.toEqual(NEW);
    },
    bad: { args: { dhcp4: {} }, text: 'configuration rejected: dhcp6: required' },
  },
  'config-set': {
    args: NEW,
    ok: (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'Configuration successful.' });
      expect(t.target.config).toEqual(NEW);
    },
    bad: { args: { dhcp4: {} }, text: 'configuration rejected: dhcp6: required' },
  },
  'config-write': {
    args: { filename: 'copy.json' },
    ok: (r, t) => {
      const file = join(t.target.dir, 'copy.json');
      expect(r.body.text).toBe(`Configuration written to ${file} successfully`);
      expect((r.body.arguments as { filename: string }).filename).toBe(file);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(t.target.config);
    },
    bad: { args: { filename: '../../etc/passwd' }, text: (t) => `arguments.filename: must be inside ${t.target.dir}` },
  },
  'config-reload': {
    setup: async (t) => {
      await t.target.setConfig(NEW);
      await t.target.writeConfig();
      t.target.config = { dhcp6: {} };
    },
    ok: (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'Configuration successful.' });
      expect(t.target.config).toEqual(NEW);
    },
    bad: { args: { file: 'x' }, text: 'arguments: unknown key(s): "file"' },
  },
});
