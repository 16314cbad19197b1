import { Command, CommanderError } from 'commander';
import { registerAuth } from './commands/auth.js';
import { registerCheckConfig } from './commands/check-config.js';
import { registerCtl } from './commands/ctl.js';
import { registerDecode } from './commands/decode.js';
import { registerDocs } from './commands/docs.js';
import { registerImportKea } from './commands/import-kea.js';
import { registerLeases } from './commands/leases.js';
import { registerSchema } from './commands/schema.js';
import { registerServe } from './commands/serve.js';
import { CliError } from './errors.js';
import { warn, type CliIo } from './io.js';

/** The `fulmar` command line; each subcommand registers itself from its own file. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('fulmar')
    .description('Fulmar: a DHCPv6 and DHCPv4 server')
    // Before any subcommand is added, so they inherit both.
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(add --help for usage)');
  registerServe(program, io);
  registerCheckConfig(program, io);
  registerSchema(program, io);
  registerLeases(program, io);
  registerDecode(program, io);
  registerDocs(program, io);
  registerImportKea(program, io);
  registerCtl(program, io);
  registerAuth(program, io);
  return program;
}

/** Run the command line; resolves to the exit status: 0 ok, 1 usage, file or input errors. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv);
    return io.exitCode;
  } catch (e) {
    // Commander has already printed its message (or the help, exit code 0).
    if (e instanceof CommanderError) return e.exitCode;
    warn(io, e instanceof CliError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
