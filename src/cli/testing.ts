import { Readable, Writable } from 'node:stream';
import type { CliIo } from './io.js';
import { runCli } from './program.js';

/**
 * Run `fulmar ARGS` in-process, as tests do. `stdin` undefined: an empty
 * terminal (so commands that read stdin when it is piped do not).
 */
export async function runFulmar(args: readonly string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const input = Readable.from(stdin === undefined ? [] : [stdin]) as CliIo['stdin'];
  if (stdin === undefined) input.isTTY = true;
  const io: CliIo = {
    stdin: input,
    stdout: new Writable({ write: (c, _e, done) => ((stdout += String(c)), done()) }),
    stderr: new Writable({ write: (c, _e, done) => ((stderr += String(c)), done()) }),
    exitCode: 0,
  };
  const code = await runCli(['node', 'fulmar', ...args], io);
  return { code, stdout, stderr };
}
