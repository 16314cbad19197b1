import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTableBuilder, type CsvTable } from './csv-table.js';
import { deleteLimitReason, diffTables } from './reload-diff.js';
import { generatedLine, HEADER } from './testing.js';

function table(lines: string[]): CsvTable {
  const b = new CsvTableBuilder('t.csv', [HEADER, ...lines].join('\n'));
  b.step();
  expect(b.problems).toEqual([]);
  return b.table();
}

describe('deleteLimitReason', () => {
  it('allows up to the limit and explains past it', () => {
    expect(deleteLimitReason(1_000, 10_000, 0.1)).toBeUndefined();
    expect(deleteLimitReason(1_001, 10_000, 0.1)).toBe('reload would remove 1,001 of 10,000 entries (10%), more than the limit of 10%');
    expect(deleteLimitReason(1, 3, 0.25)).toBe('reload would remove 1 of 3 entries (33.3%), more than the limit of 25%');
    expect(deleteLimitReason(5, 0, 0)).toBeUndefined();
    expect(deleteLimitReason(1, 10, 0)).toBe('reload would remove 1 of 10 entries (10%), more than the limit of 0%');
  });
});

describe('diffTables', () => {
  it('property: counts match a set comparison', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 200 })), fc.uniqueArray(fc.integer({ min: 0, max: 200 })), fc.integer({ min: 0, max: 200 }), (a, b, moved) => {
        const old = table(a.map((i) => generatedLine(i)));
        // Line `moved` (when in both) gets another prefix: a change.
        const next = table(b.map((i) => generatedLine(i, i === moved ? 1000 : 0)));
        const inA = new Set(a);
        const both = b.filter((i) => inA.has(i));
        expect(diffTables(old, next)).toEqual({
          added: b.length - both.length,
          removed: a.length - both.length,
          changed: both.includes(moved) ? 1 : 0,
        });
      }),
      { numRuns: 40 },
    );
  });
});
