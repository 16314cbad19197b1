import type { Field, FieldCodec } from './fields.js';
import { compileField } from './fields.js';

/**
 * One option in decoded (JSON) form. Known options carry `name` and `value`;
 * unknown ones carry only `raw` (hex). A known option whose body does not parse
 * keeps its bytes in `raw` plus the reason in `error`, so captures still
 * round-trip and the server can decide to drop. On encode, `raw` wins.
 */
export interface Option {
  code: number;
  name?: string;
  value?: unknown;
  raw?: string;
  error?: string;
}

/** One option definition: the whole description of a standard, vendor or custom option. */
export interface OptionDef {
  readonly code: number;
  /** Kea's name where Kea has the option, so configs and imports read the same. */
  readonly name: string;
  readonly type: Field;
  /** Where it is defined, e.g. "RFC 8415 §21.4". */
  readonly ref?: string;
}

export type SpaceFormat = 'dhcp6' | 'dhcp4';

export interface CompiledDef {
  readonly def: OptionDef;
  readonly codec: FieldCodec;
}

/** A named set of option definitions; codes and lengths are 16-bit (dhcp6) or 8-bit (dhcp4). */
export interface Space {
  readonly name: string;
  readonly format: SpaceFormat;
  readonly byCode: ReadonlyMap<number, CompiledDef>;
  readonly byName: ReadonlyMap<string, CompiledDef>;
}

/** Codes below this are also kept in an array, so the per-option lookup is an index, not a hash. */
const DENSE_CODES = 4096;

/** What defineSpace actually builds: a Space plus its array index. */
interface IndexedSpace extends Space {
  readonly dense: readonly (CompiledDef | undefined)[];
}

/** The definition of `code` in `space`, if any: the decoder's and encoder's per-option lookup. */
export function compiledDef(space: Space, code: number): CompiledDef | undefined {
  const dense = (space as Partial<IndexedSpace>).dense;
  return dense !== undefined && code < dense.length ? dense[code] : space.byCode.get(code);
}

export function defineSpace(name: string, format: SpaceFormat, defs: readonly OptionDef[]): Space {
  const byCode = new Map<number, CompiledDef>();
  const byName = new Map<string, CompiledDef>();
  const max = format === 'dhcp6' ? 0xffff : 0xfe;
  for (const def of defs) {
    if (!Number.isInteger(def.code) || def.code < 1 || def.code > max) throw new Error(`${name}: bad code ${def.code} for ${def.name}`);
    if (byCode.has(def.code)) throw new Error(`${name}: code ${def.code} defined twice`);
    if (byName.has(def.name)) throw new Error(`${name}: name ${def.name} defined twice`);
    const c = { def, codec: compileField(def.type) };
    byCode.set(def.code, c);
    byName.set(def.name, c);
  }
  let top = 0;
  for (const code of byCode.keys()) if (code < DENSE_CODES && code >= top) top = code + 1;
  const dense = Array.from({ length: top }, (): CompiledDef | undefined => undefined);
  for (const [code, c] of byCode) if (code < top) dense[code] = c;
  const space: IndexedSpace = { name, format, byCode, byName, dense };
  return space;
}

/** A space with some definitions added or replaced (custom options from config). */
export function extendSpace(base: Space, defs: readonly OptionDef[]): Space {
  const merged = new Map<number, OptionDef>();
  for (const c of base.byCode.values()) merged.set(c.def.code, c.def);
  for (const d of defs) merged.set(d.code, d);
  return defineSpace(base.name, base.format, [...merged.values()]);
}

/** Find an option by name or code; the first one, as most options appear once. */
export function findOption(options: readonly Option[] | undefined, key: string | number): Option | undefined {
  if (!options) return undefined;
  for (const o of options) if (typeof key === 'number' ? o.code === key : o.name === key) return o;
  return undefined;
}

export function findOptions(options: readonly Option[] | undefined, key: string | number): Option[] {
  if (!options) return [];
  return options.filter((o) => (typeof key === 'number' ? o.code === key : o.name === key));
}
