import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pipelineReference } from './docs.js';
import { buildRegistry } from './registry.js';

describe('docs/pipeline.md', () => {
  it('is what `fulmar docs pipeline` generates from the built-in schemas (regenerate: node bin/fulmar.js docs pipeline > docs/pipeline.md)', () => {
    expect(readFileSync('docs/pipeline.md', 'utf8')).toBe(pipelineReference(buildRegistry([], [])));
  });

  it('documents every parameter of every built-in filter and handler', () => {
    const text = pipelineReference(buildRegistry([], []));
    for (const t of ['remote-id', 'elapsed-time', 'expression', 'static', 'rate-limit', 'pools', 'dump']) expect(text).toContain(`### \`${t}\``);
    expect(text).toMatch(/\| `requests` \| integer \| yes \|/);
  });
});
