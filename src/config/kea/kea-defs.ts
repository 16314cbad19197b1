/**
 * Kea's option definitions: its type vocabulary (option_data_types.h) and a
 * registry by space, name and code. The importer needs Kea's view of an
 * option to read Kea's CSV `data`; Fulmar's own table then types the bytes.
 */
export const KEA_TYPES = [
  'binary',
  'boolean',
  'empty',
  'fqdn',
  'ipv4-address',
  'ipv6-address',
  'ipv6-prefix',
  'psid',
  'record',
  'string',
  'tuple',
  'uint8',
  'uint16',
  'uint32',
  'int8',
  'int16',
  'int32',
] as const;

export type KeaType = (typeof KEA_TYPES)[number];

export function isKeaType(s: string): s is KeaType {
  return (KEA_TYPES as readonly string[]).includes(s);
}

export interface KeaDef {
  readonly name: string;
  readonly code: number;
  readonly space: string;
  readonly type: KeaType;
  /** For a record, the last field repeats; otherwise the whole type does. */
  readonly array: boolean;
  readonly recordTypes: readonly KeaType[];
  /** Space whose options from the same scope Kea packs inside this one; '' for none. */
  readonly encapsulate: string;
}

export class KeaDefs {
  private readonly byName = new Map<string, KeaDef>();
  private readonly byCode = new Map<string, KeaDef>();

  constructor(defs: Iterable<KeaDef> = []) {
    for (const d of defs) this.add(d);
  }

  add(d: KeaDef): void {
    this.byName.set(`${d.space}/${d.name}`, d);
    this.byCode.set(`${d.space}/${d.code}`, d);
  }

  find(space: string, key: string | number): KeaDef | undefined {
    return typeof key === 'number' ? this.byCode.get(`${space}/${key}`) : this.byName.get(`${space}/${key}`);
  }
}

/** Kea's vendor-opts carries the options of space vendor-<enterprise>. */
export function vendorSpace(enterprise: number): string {
  return `vendor-${enterprise}`;
}
