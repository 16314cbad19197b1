import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { optionTable } from './option-table.js';
import { standardSpaces } from './spaces.js';

describe('docs/options.md', () => {
  it('is generated from the current definitions (run npm run docs:options after changing them)', () => {
    expect(readFileSync('docs/options.md', 'utf8')).toBe(optionTable(standardSpaces()));
  });
});
