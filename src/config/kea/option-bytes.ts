import { keaHex, splitCsv } from './csv.js';
import { vendorSpace } from './kea-defs.js';
import type { KeaOptionEntry } from './option-entry.js';
import type { Report } from './report.js';
import { dataBytes, KeaDataError, valuesRead } from './wire.js';

/** Kea's standard and custom encapsulations nest no deeper than this; more means a loop. */
const MAX_NESTING = 8;

/**
 * Option bodies as Kea builds them: the entry's data, then the options of
 * the space it encapsulates that are configured at the same level (Kea
 * packs sub-options per scope). Entries used as sub-options are recorded
 * in `nested`; bad ones are reported and left out.
 */
export class OptionBodies {
  readonly nested = new Set<KeaOptionEntry>();

  constructor(
    private readonly scope: readonly KeaOptionEntry[],
    private readonly report: Report,
  ) {}

  /** The body, or undefined when the entry's own data cannot be read (reported). */
  body(e: KeaOptionEntry, depth = 0): Buffer | undefined {
    let head: Buffer;
    try {
      head = this.data(e);
    } catch (err) {
      if (!(err instanceof KeaDataError)) throw err;
      return void this.report.drop(e.path, err.message);
    }
    const space = encapsulated(e, head);
    if (!space) return head;
    if (depth >= MAX_NESTING) return void this.report.drop(e.path, `sub-options nested deeper than ${MAX_NESTING}`);
    const parts = [head];
    for (const sub of this.scope.filter((s) => s.space === space)) {
      this.nested.add(sub);
      const b = this.body(sub, depth + 1);
      if (b === undefined) continue;
      if (b.length > 0xffff) {
        this.report.drop(sub.path, 'longer than 65535 bytes');
        continue;
      }
      parts.push(Buffer.from([sub.code >> 8, sub.code & 0xff, b.length >> 8, b.length & 0xff]), b);
    }
    return Buffer.concat(parts);
  }

  /** The bytes of the entry's own data; throws KeaDataError. */
  private data(e: KeaOptionEntry): Buffer {
    if (!e.csv) {
      const hex = keaHex(e.data ?? '');
      if (hex === undefined) throw new KeaDataError(`data "${e.data}" is not hex (csv-format is false)`);
      return Buffer.from(hex, 'hex');
    }
    if (!e.def) throw new KeaDataError(`option ${e.code} in space ${e.space} has no definition, so its data must be hex (csv-format false)`);
    if (e.data === undefined && e.def.type !== 'empty') throw new KeaDataError(`${e.def.name} has no data`);
    const values = splitCsv(e.data ?? '');
    const n = valuesRead(e.def, values.length);
    if (n < values.length) this.report.drop(`${e.path}.data`, `Kea reads only the first ${n} value(s) of ${e.def.name} and ignores "${values.slice(n).join(', ')}": they are left out here too`);
    return dataBytes(e.def, values.slice(0, n));
  }
}

function encapsulated(e: KeaOptionEntry, head: Buffer): string {
  if (e.def?.encapsulate) return e.def.encapsulate;
  // vendor-opts (RFC 8415 §21.17): the enterprise number picks the space.
  if (e.space === 'dhcp6' && e.code === 17 && head.length >= 4) return vendorSpace(head.readUInt32BE(0));
  return '';
}
