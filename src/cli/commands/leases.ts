import type { Command } from 'commander';
import { CliError } from '../errors.js';
import type { CliIo } from '../io.js';
import { LineOutput } from '../output.js';
import { ConfigRejected, openStore, readConfig } from '../serve/runtime.js';
import type { Lease6 } from '../../store/types.js';

const PAGE = 1000;

/**
 * `fulmar leases --config FILE [--json]`: the leases in the configured store.
 * SQLite in WAL mode lets this read while the server writes.
 */
export function registerLeases(program: Command, io: CliIo): void {
  program
    .command('leases')
    .description('list the leases in the configured lease store')
    .requiredOption('-c, --config <file>', 'configuration file')
    .option('--json', 'one JSON object per lease per line')
    .action(async (opts: { config: string; json?: boolean }) => {
      let store;
      try {
        const { config } = readConfig(opts.config);
        if (config.dhcp6['lease-database'].type === 'memory') throw new CliError('the lease database is "memory": only the running server can see it');
        store = openStore(config);
      } catch (e) {
        if (e instanceof ConfigRejected) throw new CliError(`configuration rejected: ${e.message}`);
        throw e instanceof CliError ? e : new CliError((e as Error).message);
      }
      // Batched, with backpressure, and quiet when the reader leaves (| head).
      const out = new LineOutput(io.stdout);
      try {
        if (!opts.json) out.line(`${'type'.padEnd(4)} ${'address or prefix'.padEnd(40)} ${'state'.padEnd(9)} ${'expires (UTC)'.padEnd(20)} ${'iaid'.padStart(10)}  duid`);
        let after: string | undefined;
        while (!out.closed) {
          const page: Lease6[] = await store.page(after, PAGE);
          for (const l of page) out.line(opts.json ? JSON.stringify(l) : line(l));
          if (out.backpressure) await out.backpressure;
          if (page.length < PAGE) break;
          after = page[page.length - 1]!.address;
        }
        await out.finish();
      } finally {
        await store.close();
      }
    });
}

function line(l: Lease6): string {
  const expires = new Date(l.expiresAt * 1000).toISOString().slice(0, 19).replace('T', ' ');
  return `${l.type.padEnd(4)} ${l.address.padEnd(40)} ${l.state.padEnd(9)} ${expires.padEnd(20)} ${String(l.iaid).padStart(10)}  ${l.duid}`;
}
