import { Option, type Command } from 'commander';
import { AuthFileError, putUser, type Role } from '../../control/auth/file.js';
import { hashPassword, hashToken, newSecret } from '../../control/auth/hash.js';
import { CliError } from '../errors.js';
import type { CliIo } from '../io.js';

const MAX_PASSWORD = 1024;

async function readAll(io: CliIo): Promise<string> {
  let s = '';
  for await (const chunk of io.stdin) {
    s += String(chunk);
    if (s.length > MAX_PASSWORD) throw new CliError(`password: longer than ${MAX_PASSWORD} characters`);
  }
  return s.replace(/\r?\n$/, '');
}

/**
 * `fulmar auth add NAME --role R --file F`: a management API user. The
 * generated secret is printed once on stdout; the file keeps only its hash.
 */
export function registerAuth(program: Command, io: CliIo): void {
  const auth = program.command('auth').description('manage the users of the management API');
  auth
    .command('add')
    .description('add (or replace) a user; prints a generated secret once')
    .argument('<name>', 'user name (letters, digits, . _ @ -)')
    .addOption(new Option('--role <role>', 'what the user may do').choices(['read-only', 'read-write']).makeOptionMandatory())
    .requiredOption('--file <file>', "the users file (the config's control.auth-file); created 0600 if missing")
    .option('--password-stdin', 'read a chosen password from stdin and store it scrypt-hashed (HTTP Basic) instead of generating a token')
    .action(async (name: string, opts: { role: Role; file: string; passwordStdin?: boolean }) => {
      let secret: string | undefined;
      let hash: string;
      if (opts.passwordStdin) {
        const password = await readAll(io);
        if (password.length < 8) throw new CliError('password: at least 8 characters');
        hash = await hashPassword(password);
      } else {
        secret = newSecret();
        hash = hashToken(secret);
      }
      try {
        await putUser(opts.file, { name, role: opts.role, hash });
      } catch (e) {
        throw new CliError(e instanceof AuthFileError ? e.message : `cannot write ${opts.file}: ${(e as Error).message}`);
      }
      if (secret) {
        io.stderr.write(`fulmar: user "${name}" (${opts.role}) added to ${opts.file}; its secret is shown only now:\n`);
        io.stdout.write(`${secret}\n`);
      } else io.stderr.write(`fulmar: user "${name}" (${opts.role}) added to ${opts.file}\n`);
    });
}
