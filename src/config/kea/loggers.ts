import type { Config } from '../schema.js';
import { KeaObject, pathOf } from './object.js';
import type { Report } from './report.js';

type Level = Config['logging']['level'];

const SEVERITIES: Readonly<Record<string, Level>> = { DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error', FATAL: 'fatal' };

/** Fulmar has one log level: the first logger's severity. The rest is reported. */
export function convertLoggers(list: unknown[], path: string, report: Report): Level | undefined {
  list.slice(1).forEach((_, i) => report.drop(pathOf(path, i + 1), 'Fulmar has one log level for everything: only the first logger is converted'));
  if (list.length === 0) return undefined;
  const o = KeaObject.of(list[0], pathOf(path, 0), report);
  if (!o) return undefined;
  o.accept('name');
  const severity = o.str('severity');
  const level = severity === undefined ? undefined : SEVERITIES[severity.toUpperCase()];
  if (severity !== undefined && !level) report.drop(o.at('severity'), `Fulmar has no severity ${severity}`);
  o.finish((k) => (k === 'debuglevel' ? 'Fulmar has a single debug level' : k.startsWith('output') ? 'Fulmar logs JSON lines to stdout' : 'Fulmar has no equivalent setting'));
  return level;
}
