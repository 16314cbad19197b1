import type { Readable, Writable } from 'node:stream';

/** The streams a command talks to, so tests can run commands in-process. */
export interface CliIo {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  /** Raised by a command that finished but met problems worth a failing exit status. */
  exitCode: number;
}

export function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, exitCode: 0 };
}

/** One line on stderr, prefixed like every message of ours. */
export function warn(io: CliIo, message: string): void {
  io.stderr.write(`fulmar: ${message}\n`);
}
