import { readFileSync } from 'node:fs';

/** A failure the user can fix (bad usage, unreadable file): printed as one line, exit status 1, no stack. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** A file's text, or a CliError naming it (one line, no stack). */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as Error).message}`);
  }
}
