import type { Command } from 'commander';
import { optionTable } from '../../protocol/option-table.js';
import { standardSpaces } from '../../protocol/spaces.js';
import { buildRegistry } from '../../pipeline/registry.js';
import { loadPlugins } from '../../pipeline/plugins.js';
import { pipelineReference } from '../../pipeline/docs.js';
import { withPluginOptions } from '../../pipeline/setup.js';
import { apiReference } from '../../control/api/docs.js';
import { loadConfig } from '../../config/validate.js';
import { CliError } from '../errors.js';
import type { CliIo } from '../io.js';
import { configBaseDir, parseConfigFile } from '../serve/prepare.js';

/**
 * `fulmar docs [options|pipeline] [--config FILE]`: reference documentation
 * generated from the definitions: every option, every filter and handler;
 * with a config, its plugins' options, filters and handlers too.
 */
export function registerDocs(program: Command, io: CliIo): void {
  program
    .command('docs')
    .description('print reference documentation generated from the definitions (options, pipeline filters and handlers, API commands)')
    .argument('[topic]', 'options, pipeline or api (default: all)')
    .option('-c, --config <file>', 'also document the plugins this configuration loads')
    .action(async (topic: string | undefined, opts: { config?: string }) => {
      if (topic !== undefined && !['options', 'pipeline', 'api'].includes(topic)) throw new CliError(`unknown topic "${topic}": options, pipeline or api`);
      let spaces = standardSpaces();
      let plugins: Awaited<ReturnType<typeof loadPlugins>> = [];
      if (opts.config) {
        const p = parseConfigFile(opts.config);
        const r = p.ok ? loadConfig(p.raw) : p;
        if (!r.ok) throw new CliError(r.issues.map((i) => `${opts.config}: ${i.path}: ${i.message}`).join('\n'));
        const issues: { path: string; message: string }[] = [];
        plugins = await loadPlugins(r.config.plugins, configBaseDir(opts.config), issues);
        if (issues.length) throw new CliError(issues.map((i) => `${opts.config}: ${i.path}: ${i.message}`).join('\n'));
        spaces = [...withPluginOptions(r.codec, plugins, issues).spaces.values()];
      }
      const out: string[] = [];
      if (topic === undefined || topic === 'options') out.push(optionTable(spaces));
      if (topic === undefined || topic === 'pipeline') out.push(pipelineReference(buildRegistry(plugins, [])));
      if (topic === undefined || topic === 'api') out.push(apiReference());
      io.stdout.write(out.join('\n'));
    });
}
