/** A failure the user can fix (bad usage, unreadable file): printed as one line, exit status 1, no stack. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
