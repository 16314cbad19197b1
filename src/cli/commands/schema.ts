import type { Command } from 'commander';
import { configJsonSchema } from '../../config/schema.js';
import type { CliIo } from '../io.js';

/** `fulmar schema`: the configuration's JSON Schema, generated from the zod schema, for editors. */
export function registerSchema(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description("print the configuration's JSON Schema")
    .action(() => {
      io.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    });
}
