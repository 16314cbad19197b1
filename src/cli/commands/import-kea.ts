import type { Command } from 'commander';
import { convertKea } from '../../config/kea/convert.js';
import { formatReportItem } from '../../config/kea/report.js';
import { parseKeaText } from '../../config/kea/text.js';
import { loadConfig } from '../../config/validate.js';
import { CliError, readTextFile } from '../errors.js';
import { warn, type CliIo } from '../io.js';

/**
 * `fulmar import-kea FILE`: a Kea DHCPv6 config → a Fulmar config on stdout.
 * What is not converted is listed on stderr, path by path; exit 0 even then.
 * Exit 1 when the file cannot be read, or the result would not validate.
 */
export function registerImportKea(program: Command, io: CliIo): void {
  program
    .command('import-kea')
    .description('convert a Kea DHCPv6 config (kea-dhcp6.conf) to a Fulmar config; what does not convert is listed on stderr')
    .argument('<file>', 'Kea configuration file')
    .action((file: string) => {
      const text = readTextFile(file);
      const parsed = parseKeaText(text);
      if (!parsed.ok) throw new CliError(`${file}: ${parsed.message}`);
      const r = convertKea(parsed.value);
      if (!r.ok) throw new CliError(`${file}: ${r.message}`);
      for (const item of r.report) io.stderr.write(`${file}: ${formatReportItem(item)}\n`);
      // Never print a config Fulmar would refuse.
      const loaded = loadConfig(r.config);
      if (!loaded.ok) {
        for (const i of loaded.issues) warn(io, `the converted config is not valid: ${i.path}: ${i.message}`);
        io.exitCode = 1;
        return;
      }
      const dropped = r.report.filter((i) => i.kind === 'dropped').length;
      if (r.report.length) warn(io, `${dropped} item(s) not converted, ${r.report.length - dropped} converted with different behaviour`);
      io.stdout.write(`${JSON.stringify(r.config, null, 2)}\n`);
    });
}
