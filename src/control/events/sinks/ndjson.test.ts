import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TransactionRecord } from '../../types.js';
import { FanOut } from '../fanout.js';
import { sampleRecord } from '../testing.js';
import { NdjsonSink } from './ndjson.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fulmar-ndjson-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const micros = (text: string): number[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as TransactionRecord).micros);

describe('NdjsonSink', () => {
  it('appends one JSON object per line', async () => {
    const path = join(dir, 'events.ndjson');
    await writeFile(path, '{"old":true}\n');
    const sink = new NdjsonSink({ path, maxBytes: 1 << 20, maxFiles: 2 });
    expect(await sink.write([JSON.stringify(sampleRecord(1)), JSON.stringify(sampleRecord(2))])).toEqual({ sent: 2, failed: 0 });
    await sink.close();
    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines[0]).toBe('{"old":true}');
    expect(micros(lines.slice(1).join('\n'))).toEqual([1, 2]);
  });

  it('rotates by size, keeps max-files, and loses nothing in between', async () => {
    const path = join(dir, 'sub', 'events.ndjson');
    const sink = new NdjsonSink({ path, maxBytes: 4096, maxFiles: 3 });
    const s = new FanOut({ file: sink }, { queueSize: 10_000 });
    for (let i = 0; i < 400; i++) s.publish(sampleRecord(i));
    await s.close();
    expect(s.stats().perSink.file).toEqual({ sent: 400, dropped: 0, errors: 0, queued: 0 });
    const names = (await readdir(join(dir, 'sub'))).sort();
    expect(names).toEqual(['events.ndjson', 'events.ndjson.1', 'events.ndjson.2', 'events.ndjson.3']);
    let all: number[] = [];
    for (const n of ['events.ndjson.3', 'events.ndjson.2', 'events.ndjson.1', 'events.ndjson']) {
      expect((await stat(join(dir, 'sub', n))).size).toBeLessThanOrEqual(4096);
      all = all.concat(micros(await readFile(join(dir, 'sub', n), 'utf8')));
    }
    // The newest records survive, contiguous and in order, ending with the last.
    expect(all.at(-1)).toBe(399);
    expect(all).toEqual([...Array(all.length).keys()].map((k) => k + 400 - all.length));
    expect(all.length).toBeGreaterThan(60);
  });

  it('counts a write error instead of throwing', async () => {
    await writeFile(join(dir, 'not-a-dir'), '');
    const sink = new NdjsonSink({ path: join(dir, 'not-a-dir', 'events.ndjson'), maxBytes: 4096, maxFiles: 1 });
    expect(await sink.write(['{}', '{}'])).toEqual({ sent: 0, failed: 2 });
    await sink.close();
  });
});
