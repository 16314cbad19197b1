import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BUILTIN_FILTERS, BUILTIN_HANDLERS, describeBuiltins } from './index.js';

describe('built-in registry', () => {
  it('has the filters and handlers the config names', () => {
    expect(Object.keys(BUILTIN_FILTERS).sort()).toEqual(
      ['duid', 'elapsed-time', 'expression', 'hw-address', 'interface', 'interface-id', 'link-address', 'marked', 'message-type', 'remote-id', 'subnet', 'subscriber-id', 'user-class', 'vendor-class'].sort(),
    );
    expect(Object.keys(BUILTIN_HANDLERS).sort()).toEqual(['assign', 'dump', 'ignore', 'mark', 'options', 'pools', 'preference', 'rate-limit', 'static', 'timers'].sort());
  });

  it('describes each with a JSON Schema that rejects unknown keys and documents every field', () => {
    const docs = describeBuiltins();
    expect(docs).toHaveLength(Object.keys(BUILTIN_FILTERS).length + Object.keys(BUILTIN_HANDLERS).length);
    for (const d of docs) {
      expect(d.description.length, d.type).toBeGreaterThan(20);
      const s = d.schema as { type?: string; additionalProperties?: boolean; properties?: Record<string, { description?: string }> };
      expect(s.type, d.type).toBe('object');
      expect(s.additionalProperties, d.type).toBe(false);
      for (const [name, p] of Object.entries(s.properties ?? {})) expect(p.description, `${d.kind} ${d.type}.${name}`).toBeTruthy();
    }
  });

  it('every schema is an object schema the lead can extend with a type field', () => {
    for (const d of [...Object.values(BUILTIN_FILTERS), ...Object.values(BUILTIN_HANDLERS)]) {
      expect(d.schema).toBeInstanceOf(z.ZodObject);
    }
  });
});
