import type { Command } from 'commander';
import { CliError } from '../errors.js';
import type { CliIo } from '../io.js';
import { ConfigRejected, start } from '../serve/runtime.js';

/**
 * `fulmar serve --config FILE`: serve in the foreground, logging JSON lines to
 * stdout. SIGHUP reloads the config atomically (a bad one is rejected with
 * the field and reason, and the running one keeps serving); SIGTERM and
 * SIGINT stop cleanly once in-flight transactions are done.
 */
export function registerServe(program: Command, _io: CliIo): void {
  program
    .command('serve')
    .description('run the DHCPv6 server in the foreground')
    .requiredOption('-c, --config <file>', 'configuration file (JSON, comments allowed)')
    .action(async (opts: { config: string }) => {
      let running;
      try {
        running = await start(opts.config);
      } catch (e) {
        if (e instanceof ConfigRejected) throw new CliError(`configuration rejected:\n${e.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
        throw new CliError((e as Error).message);
      }
      const r = running;
      await new Promise<void>((resolve) => {
        process.on('SIGHUP', () => void r.reload());
        const stop = () => {
          process.removeAllListeners('SIGTERM');
          process.removeAllListeners('SIGINT');
          void r.stop().then(resolve);
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
    });
}
