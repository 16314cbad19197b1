import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Helpers for the assignment sources' tests and benchmark. */

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'fulmar-assign-'));
  file(name: string): string {
    return join(this.path, name);
  }
  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

const ID_TYPES = ['duid', 'hw-address', 'remote-id', 'interface-id', 'subscriber-id', 'flex-id'] as const;

function hex(n: number, bytes: number): string {
  return n.toString(16).padStart(bytes * 2, '0');
}

/**
 * Line `i` of a generated assignments file: one /56 from 2001:db8::/32 each,
 * and an address too on remote-id lines; id types mixed.
 */
export function generatedLine(i: number, salt = 0): string {
  const type = ID_TYPES[i % ID_TYPES.length]!;
  const id =
    type === 'remote-id' ? `4491:${hex(i, 6)}`
    : type === 'flex-id' ? `line-${i}`
    : type === 'hw-address' ? hex(i, 6).replace(/(..)(?!$)/g, '$1:')
    : hex(i, type === 'duid' ? 10 : 6);
  // Bits 32..55 of the prefix carry i (2^24 = 16,777,216 lines at most).
  const p = i + salt;
  const prefix = `2001:db8:${hex(p >>> 8, 2).replace(/^0+(?=.)/, '')}:${((p & 0xff) << 8).toString(16)}::/56`;
  const address = type === 'remote-id' ? `2001:db8:ffff:ffff::${hex(p % 0x10000, 2).replace(/^0+(?=.)/, '')}:${(p >>> 16).toString(16)}` : '';
  return `${type},${id},${address},${prefix},`;
}

export const HEADER = 'id-type,id,address,prefix,options';
