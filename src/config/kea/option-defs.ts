import type { Codec } from '../../protocol/index.js';
import { loadConfig } from '../validate.js';
import { KeaDefs } from './kea-defs.js';
import { pathOf } from './object.js';
import { convertOptionDef, type FulmarOptionDef } from './option-def.js';
import type { Report } from './report.js';
import { keaStandardDefs } from './std-options.js';

export interface Definitions {
  keaDefs: KeaDefs;
  fulmarDefs: FulmarOptionDef[];
  /** Fulmar's codec with fulmarDefs, to type option data. */
  codec: Codec;
}

/** Kea's option-def list → Kea's full set of definitions, and the Fulmar option-defs Fulmar accepts. */
export function convertOptionDefs(list: unknown, path: string, report: Report): Definitions {
  const keaDefs = new KeaDefs(keaStandardDefs());
  let candidates: { def: FulmarOptionDef; path: string }[] = [];
  if (list !== undefined && !Array.isArray(list)) report.drop(path, 'expected a list');
  (Array.isArray(list) ? list : []).forEach((v, i) => {
    const c = convertOptionDef(v, pathOf(path, i), report);
    if (c) keaDefs.add(c.kea);
    if (c?.fulmar) candidates.push({ def: c.fulmar, path: pathOf(path, i) });
  });
  // Fulmar's own checks decide the rest (e.g. a code its standard table already has).
  for (;;) {
    const r = loadConfig({ dhcp6: { 'option-def': candidates.map((c) => c.def) } });
    if (r.ok) return { keaDefs, fulmarDefs: candidates.map((c) => c.def), codec: r.codec };
    const bad = new Set<number>();
    for (const issue of r.issues) {
      const k = /^dhcp6\.option-def\[(\d+)\]\.?(.*)$/.exec(issue.path);
      const at = k ? Number(k[1]) : 0;
      const field = k?.[2] ? `${k[2]}: ` : '';
      if (!bad.has(at)) report.drop(candidates[at]!.path, `${field}${issue.message}; the option's data is still converted by Fulmar's own definition, or as raw bytes`);
      bad.add(at);
    }
    candidates = candidates.filter((_, i) => !bad.has(i));
  }
}
