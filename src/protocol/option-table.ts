import type { Field } from './fields.js';
import type { Space } from './options.js';

/** The options reference (docs/options.md), generated from the same definitions the codec runs on. */

function describe(f: Field): string {
  switch (f.t) {
    case 'u8':
    case 'u16':
    case 'u32':
      return f.enum ? `${f.t} (named values)` : f.t;
    case 'array':
      return `list of ${describe(f.of)}`;
    case 'record':
      return `{ ${f.fields.map((x) => `${x.name}: ${describe(x.type)}`).join(', ')} }`;
    case 'options':
      return `options (${f.space})`;
    case 'tuples':
      return `length-prefixed items (${f.lenSize * 8}-bit lengths)`;
    case 'fixed-binary':
      return `binary (${f.size} bytes)`;
    case 'fqdn-list':
      return f.compression ? 'fqdn list (compression read)' : 'fqdn list';
    case 'custom':
      return f.name;
    default:
      return f.t;
  }
}

export function optionTable(spaces: readonly Space[]): string {
  const out = ['# Options', '', 'Generated from the option definitions in `src/protocol` (`npm run docs:options`); a test keeps it current.', ''];
  for (const s of spaces) {
    if (s.byCode.size === 0) continue;
    out.push(`## ${s.name}`, '', '| code | name | value | defined in |', '|---|---|---|---|');
    for (const c of [...s.byCode.values()].sort((a, b) => a.def.code - b.def.code)) {
      out.push(`| ${c.def.code} | \`${c.def.name}\` | ${describe(c.def.type).replace(/\|/g, '\\|')} | ${c.def.ref ?? ''} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
