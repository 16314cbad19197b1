import { describe, expect, it } from 'vitest';
import { eventsSchema } from './config.js';

function issues(v: unknown): string[] {
  const r = eventsSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('eventsSchema', () => {
  it('fills in the defaults', () => {
    expect(eventsSchema.parse({ sinks: [{ type: 'ndjson', path: 'ev.ndjson' }, { type: 'nats', subject: 's', stream: 'S' }, { type: 'webhook', url: 'https://x.example/h' }] })).toEqual({
      'queue-size': 10_000,
      'include-messages': true,
      sinks: [
        { type: 'ndjson', path: 'ev.ndjson', 'max-bytes': 100 * 1024 * 1024, 'max-files': 5 },
        { type: 'nats', servers: ['nats://127.0.0.1:4222'], subject: 's', stream: 'S', 'max-in-flight': 1000 },
        { type: 'webhook', url: 'https://x.example/h', 'batch-size': 100, 'timeout-ms': 2000 },
      ],
    });
  });

  it('names the field that is wrong', () => {
    expect(issues({ 'queue-size': 2_000_000 })).toEqual(['queue-size: Too big: expected number to be <=1000000']);
    expect(issues({ sinks: [{ type: 'ndjson', path: 'x', maxBytes: 1 }] })[0]).toMatch(/^sinks\.0: Unrecognized key: "maxBytes"/);
    expect(issues({ sinks: [{ type: 'kafka' }] })[0]).toMatch(/^sinks\.0\.type: /);
    expect(issues({ sinks: [{ type: 'webhook', url: 'ftp://x' }] })).toEqual(['sinks.0.url: not an http:// or https:// URL']);
    expect(issues({ sinks: [{ type: 'nats', subject: 'a.*', stream: 'S' }] })).toEqual(['sinks.0.subject: a subject without spaces or wildcards']);
    expect(issues({ sinks: [{ type: 'ndjson', path: 'a' }, { type: 'ndjson', path: 'b', name: 'ndjson-0' }] })).toEqual(['sinks.1.name: sink name "ndjson-0" is used twice']);
  });

  it('asks for a key file when the anonymisation needs one', () => {
    expect(issues({ anonymise: {} })).toEqual(['anonymise.key-file: "key-file" is required with addresses "prefix-preserving" (a secret of 32 bytes or more)']);
    expect(issues({ anonymise: { addresses: 'random' } })).toEqual(['anonymise.key-file: "key-file" is required with identifiers "hash" (a secret of 32 bytes or more)']);
    expect(issues({ anonymise: { addresses: 'random', identifiers: 'none' } })).toEqual([]);
    expect(issues({ anonymise: { 'key-file': 'k' } })).toEqual([]);
  });

  it('describes every field (for the JSON Schema)', () => {
    const schema = JSON.stringify(eventsSchema.toJSONSchema({ io: 'input' }));
    for (const k of ['queue-size', 'include-messages', 'key-file', 'max-bytes', 'max-files', 'max-in-flight', 'batch-size', 'timeout-ms']) expect(schema).toContain(`"${k}":{`);
    const props = (o: unknown): void => {
      if (typeof o !== 'object' || o === null) return;
      const rec = o as Record<string, unknown>;
      if (rec.properties) for (const [k, v] of Object.entries(rec.properties as Record<string, { description?: string }>)) expect(v.description, k).toBeTruthy();
      Object.values(rec).forEach(props);
    };
    props(eventsSchema.toJSONSchema({ io: 'input' }));
  });
});
