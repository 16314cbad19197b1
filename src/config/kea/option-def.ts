import type { z } from 'zod';
import type { optionDefSchema } from '../schema.js';
import { isKeaType, type KeaDef, type KeaType } from './kea-defs.js';
import { KeaObject } from './object.js';
import type { Report } from './report.js';

export type FulmarOptionDef = z.input<typeof optionDefSchema>;

/** Kea field types Fulmar's option-def vocabulary has, by their Fulmar names. */
const FULMAR_TYPES: Partial<Record<KeaType, 'u8' | 'u16' | 'u32' | 'i32' | 'bool' | 'ipv4' | 'ipv6' | 'string' | 'binary' | 'fqdn'>> = {
  uint8: 'u8',
  uint16: 'u16',
  uint32: 'u32',
  int32: 'i32',
  boolean: 'bool',
  'ipv4-address': 'ipv4',
  'ipv6-address': 'ipv6',
  string: 'string',
  binary: 'binary',
  fqdn: 'fqdn',
};

const WHY_NOT: Partial<Record<KeaType, string>> = {
  'ipv6-prefix': "Kea's ipv6-prefix is variable-length (RFC 7598 style); Fulmar's prefix6 is the fixed 17-byte IAPREFIX form",
  psid: 'Fulmar option-def has no psid type',
  tuple: 'Fulmar option-def has no tuple type',
  int8: 'Fulmar option-def has no int8 type',
  int16: 'Fulmar option-def has no int16 type',
};

export interface ConvertedDef {
  /** Kea's view, needed to read the option's data whatever Fulmar makes of it. */
  kea: KeaDef;
  /** Fulmar's, when it can say the same; else the report says why not. */
  fulmar?: FulmarOptionDef;
}

/** Read one Kea option-def; undefined (reported) when Kea itself could not use it. */
export function convertOptionDef(v: unknown, path: string, report: Report): ConvertedDef | undefined {
  const o = KeaObject.of(v, path, report);
  if (!o) return undefined;
  const name = o.str('name');
  const code = o.num('code');
  const type = o.str('type');
  const space = o.str('space') ?? 'dhcp6';
  const array = o.bool('array') ?? false;
  const records = (o.str('record-types') ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const encapsulate = o.str('encapsulate') ?? '';
  o.finish();
  if (name === undefined || code === undefined || type === undefined) return void report.drop(path, 'an option-def needs name, code and type');
  if (!isKeaType(type) || !records.every(isKeaType)) return void report.drop(path, `unknown Kea type in "${[type, ...records].join(', ')}"`);
  const kea: KeaDef = { name, code, space, type, array, recordTypes: records as KeaType[], encapsulate };
  const why = whyNoFulmarDef(kea);
  if (why) {
    report.drop(path, `${why}; the option's data is still converted, as raw bytes where Fulmar has no definition`);
    return { kea };
  }
  const fulmar: FulmarOptionDef = { name, code, type: fulmarType(kea) };
  if (type === 'record') fulmar['record-types'] = kea.recordTypes.map((t) => FULMAR_TYPES[t]!);
  if (array && type !== 'fqdn') fulmar.array = true;
  return { kea, fulmar };
}

function fulmarType(d: KeaDef): FulmarOptionDef['type'] {
  if (d.type === 'fqdn' && d.array) return 'fqdn-list';
  if (d.type === 'record' || d.type === 'empty') return d.type;
  return FULMAR_TYPES[d.type]!;
}

function whyNoFulmarDef(d: KeaDef): string | undefined {
  if (d.space !== 'dhcp6') return `Fulmar option-def takes the dhcp6 space only, not ${d.space}`;
  if (d.encapsulate) return 'Fulmar option-def cannot encapsulate an option space';
  // Kea's array flag on a record repeats its last field; Fulmar's repeats the whole record.
  if (d.type === 'record' && d.array) return 'a record whose last field repeats has no Fulmar equivalent';
  for (const t of d.type === 'record' ? d.recordTypes : [d.type]) {
    if (t !== 'empty' && t !== 'record' && !FULMAR_TYPES[t]) return WHY_NOT[t] ?? `Fulmar option-def has no ${t} type`;
  }
  return undefined;
}
