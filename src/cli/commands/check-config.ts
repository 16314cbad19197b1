import type { Command } from 'commander';
import { loadConfigText } from '../../config/validate.js';
import { readTextFile } from '../errors.js';
import type { CliIo } from '../io.js';

/** `fulmar check-config FILE`: exit 0 and say so, or list every issue with its path and exit 1. */
export function registerCheckConfig(program: Command, io: CliIo): void {
  program
    .command('check-config')
    .description('validate a configuration file')
    .argument('<file>', 'configuration file')
    .action((file: string) => {
      const text = readTextFile(file);
      const r = loadConfigText(text);
      if (r.ok) {
        io.stdout.write(`${file}: configuration is valid\n`);
        return;
      }
      for (const i of r.issues) io.stderr.write(`${file}: ${i.path}: ${i.message}\n`);
      io.exitCode = 1;
    });
}
