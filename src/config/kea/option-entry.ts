import type { KeaDef, KeaDefs } from './kea-defs.js';
import { KeaObject } from './object.js';
import type { Report } from './report.js';

/** One Kea option-data entry, read and resolved against Kea's definitions. */
export interface KeaOptionEntry {
  readonly path: string;
  readonly space: string;
  readonly code: number;
  readonly def: KeaDef | undefined;
  /** Kea's `data`; undefined when absent. */
  readonly data: string | undefined;
  /** false: `data` is hex (csv-format false). */
  readonly csv: boolean;
  readonly alwaysSend: boolean;
}

/** Read one entry; undefined (reported) when it names no option Kea knows or must be left out. */
export function readOptionEntry(v: unknown, path: string, defs: KeaDefs, report: Report): KeaOptionEntry | undefined {
  const o = KeaObject.of(v, path, report);
  if (!o) return undefined;
  const name = o.str('name');
  const givenCode = o.num('code');
  const space = o.str('space') ?? 'dhcp6';
  const data = o.str('data');
  const csv = o.bool('csv-format') ?? true;
  const alwaysSend = o.bool('always-send') ?? false;
  const neverSend = o.bool('never-send') ?? false;
  o.finish();
  const def = name !== undefined ? defs.find(space, name) : givenCode !== undefined ? defs.find(space, givenCode) : undefined;
  if (name !== undefined && !def) return void report.drop(path, `Kea has no option "${name}" in space ${space}`);
  const code = def?.code ?? givenCode;
  if (code === undefined) return void report.drop(path, 'an option needs a name or a code');
  if (neverSend) return void report.drop(path, 'never-send is not supported: Fulmar would send the option, so it is left out');
  return { path, space, code, def, data, csv, alwaysSend };
}
