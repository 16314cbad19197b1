import type { Command } from 'commander';
import { optionTable } from '../../protocol/option-table.js';
import { standardSpaces } from '../../protocol/spaces.js';
import type { CliIo } from '../io.js';

/** `fulmar docs`: reference documentation generated from the definitions (today: every option). */
export function registerDocs(program: Command, io: CliIo): void {
  program
    .command('docs')
    .description('print reference documentation generated from the definitions (options)')
    .action(() => {
      io.stdout.write(optionTable(standardSpaces()));
    });
}
