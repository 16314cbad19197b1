import { basename } from 'node:path';
import { isRecord, pathOf } from './object.js';
import type { Report } from './report.js';

/** Kea lists Fulmar has no counterpart for, reported entry by entry with what each one was. */
export function reportHooks(list: unknown[], path: string, report: Report): void {
  list.forEach((h, i) => {
    const lib = isRecord(h) && typeof h.library === 'string' ? ` (${basename(h.library)})` : '';
    report.drop(pathOf(path, i), `hooks are not supported${lib}`);
  });
}

export function reportClientClasses(list: unknown[], path: string, report: Report): void {
  list.forEach((c, i) => {
    const name = isRecord(c) && typeof c.name === 'string' ? ` "${c.name}"` : '';
    report.drop(pathOf(path, i), `client class${name}: client classification is not supported`);
  });
}
