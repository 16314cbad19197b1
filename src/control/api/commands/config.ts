import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { z } from 'zod';
import type { ConfigIssue } from '../../../config/validate.js';
import { command, fail, ok, type Answer, type CommandDef } from '../command.js';

/** Kea's config-* commands over ControlTarget; a rejected config changes nothing (DESIGN.md invariant 6). */

const none = z.strictObject({});
const configObject = z.record(z.string(), z.unknown()).describe('A whole Fulmar configuration, as in the config file');
const SHOWN_ISSUES = 20;

function rejected(issues: ConfigIssue[]): Answer {
  const shown = issues.slice(0, SHOWN_ISSUES).map((i) => `${i.path}: ${i.message}`);
  if (issues.length > SHOWN_ISSUES) shown.push(`and ${issues.length - SHOWN_ISSUES} more`);
  return fail(`configuration rejected: ${shown.join('; ')}`, { issues });
}

export const configCommands: CommandDef[] = [
  command({
    name: 'config-get',
    access: 'read',
    description: 'The running configuration.',
    args: none,
    handler: (t) => ok('Configuration returned.', t.currentConfig()),
  }),
  command({
    name: 'config-hash-get',
    access: 'read',
    description: "SHA-256 of the running configuration's JSON (uppercase hex, as Kea), to tell whether it changed.",
    args: none,
    handler: (t) => ok('Configuration hash returned.', { hash: createHash('sha256').update(JSON.stringify(t.currentConfig())).digest('hex').toUpperCase() }),
  }),
  command({
    name: 'config-test',
    access: 'read',
    description: 'Validate a configuration without applying it; every problem is listed with its path.',
    args: configObject,
    handler: async (t, a) => {
      const issues = await t.testConfig(a);
      return issues.length ? rejected(issues) : ok('Configuration seems sane.');
    },
  }),
  command({
    name: 'config-set',
    access: 'write',
    description: 'Validate a configuration, then make it the running one atomically; on any problem nothing changes.',
    args: configObject,
    handler: async (t, a, ctx) => {
      const issues = await t.setConfig(a);
      if (issues.length) return rejected(issues);
      const problem = await ctx.reloaded();
      return ok(`Configuration successful.${problem ? ` The API keeps its previous users: ${problem}` : ''}`);
    },
  }),
  command({
    name: 'config-write',
    access: 'write',
    description: "Write the running configuration to a file in the config file's directory (default: the config file).",
    args: z.strictObject({
      filename: z.string().min(1).max(4096).optional().describe("Target file, relative to the config file's directory, and inside it"),
    }),
    handler: async (t, a, ctx) => {
      let target: string | undefined;
      if (a.filename !== undefined) {
        target = resolve(ctx.baseDir, a.filename);
        // An API user must not be able to write files anywhere the server can.
        if (!target.startsWith(ctx.baseDir.endsWith(sep) ? ctx.baseDir : ctx.baseDir + sep)) {
          return fail(`arguments.filename: must be inside ${ctx.baseDir}`);
        }
      }
      const written = await t.writeConfig(target);
      const size = (await stat(written)).size;
      return ok(`Configuration written to ${written} successfully`, { filename: written, size });
    },
  }),
  command({
    name: 'config-reload',
    access: 'write',
    description: 'Read the config file again and apply it (like SIGHUP); the users file is re-read too.',
    args: none,
    handler: async (t, _a, ctx) => {
      const issues = await t.reloadConfig();
      if (issues.length) return rejected(issues);
      const problem = await ctx.reloaded();
      return ok(`Configuration successful.${problem ? ` The API keeps its previous users: ${problem}` : ''}`);
    },
  }),
];
