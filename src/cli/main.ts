import { processIo } from './io.js';
import { runCli } from './program.js';

// Entry point of bin/fulmar.js. exitCode rather than exit(), so pending output is flushed first.
process.exitCode = await runCli(process.argv, processIo());
