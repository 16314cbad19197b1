import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// DESIGN: every log message has a stable ID in a catalogue that says when it fires and what to do.

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

describe('log message catalogue', () => {
  it('lists every msgId the source uses, and no other', () => {
    const used = new Set(sources('src').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/msgId: '([A-Z0-9_]+)'/g)].map((m) => m[1]!)));
    const listed = new Set([...readFileSync('docs/log-messages.md', 'utf8').matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]!));
    expect([...used].sort()).toEqual([...listed].sort());
    expect(used.size).toBeGreaterThan(5);
  });
});
