import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_GROUPS } from './commands/index.js';
import { apiReference } from './docs.js';

describe('docs/api.md', () => {
  it('is generated from the command declarations (UPDATE_DOCS=1 rewrites it)', () => {
    const text = apiReference();
    if (process.env.UPDATE_DOCS) writeFileSync('docs/api.md', text);
    expect(readFileSync('docs/api.md', 'utf8')).toBe(text);
  });

  it('declares every command once, each with a description', () => {
    const names = COMMAND_GROUPS.flatMap((g) => g.commands.map((c) => c.name));
    expect(new Set(names).size).toBe(names.length);
    for (const g of COMMAND_GROUPS) for (const c of g.commands) expect(c.description.length).toBeGreaterThan(10);
  });
});
