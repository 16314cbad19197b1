import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TransactionRecord } from '../types.js';
import { eventsSchema } from './config.js';
import { createEventStream } from './create.js';
import { sampleRecord } from './testing.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fulmar-events-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createEventStream', () => {
  it('resolves paths against the config file and anonymises what sinks get', async () => {
    await writeFile(join(dir, 'events.key'), Buffer.alloc(32, 9));
    const config = eventsSchema.parse({ 'include-messages': false, anonymise: { 'key-file': 'events.key' }, sinks: [{ type: 'ndjson', path: 'out/events.ndjson' }] });
    const s = await createEventStream(config, { configFile: join(dir, 'fulmar.json') });
    s.publish(sampleRecord(1, { duid: '00030001020000000001', source: '2001:db8:1::5', request: { type: 'solicit', xid: 1, options: [] } }));
    await s.close();
    const got = JSON.parse(await readFile(join(dir, 'out', 'events.ndjson'), 'utf8')) as TransactionRecord;
    expect(got.duid).toMatch(/^[0-9a-f]{32}$/);
    expect(got.source).not.toBe('2001:db8:1::5');
    expect(got.request).toBeUndefined();
    expect(s.stats().perSink['ndjson-0']).toMatchObject({ sent: 1 });
  });

  it('refuses a key file shorter than 32 bytes, naming it', async () => {
    await writeFile(join(dir, 'short.key'), 'tooshort');
    const config = eventsSchema.parse({ anonymise: { 'key-file': 'short.key' } });
    await expect(createEventStream(config, { configFile: join(dir, 'fulmar.json') })).rejects.toThrow(/short\.key: 8 bytes, need at least 32/);
  });
});
