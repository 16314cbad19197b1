import type { Command } from 'commander';
import { pino } from 'pino';
import type { CliIo } from '../io.js';
import { configBaseDir, parseConfigFile, testConfig } from '../serve/prepare.js';

/**
 * `fulmar check-config FILE`: exit 0 and say so, or list every issue with its
 * path and exit 1. The whole config is checked as serve would load it:
 * schema, plugins, assignment sources (opened, then closed) and pipeline.
 */
export function registerCheckConfig(program: Command, io: CliIo): void {
  program
    .command('check-config')
    .description('validate a configuration file')
    .argument('<file>', 'configuration file')
    .action(async (file: string) => {
      const p = parseConfigFile(file);
      const issues = p.ok ? await testConfig(p.raw, configBaseDir(file), { log: pino({ level: 'silent' }), count: () => undefined }) : p.issues;
      if (!issues.length) {
        io.stdout.write(`${file}: configuration is valid\n`);
        return;
      }
      for (const i of issues) io.stderr.write(`${file}: ${i.path}: ${i.message}\n`);
      io.exitCode = 1;
    });
}
