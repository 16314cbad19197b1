import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsSchema, type EventsConfigInput } from './config.js';
import { createEventStream } from './create.js';
import { sampleRecord } from './testing.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fulmar-events-worker-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function capture(): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'info' }, out), lines };
}

const open = (events: EventsConfigInput, log?: Logger) => createEventStream(eventsSchema.parse(events), { configFile: join(dir, 'fulmar.json'), log });

describe('WorkerEventStream', () => {
  it('drops and counts for every sink when more than queue-size records are on their way to the worker', async () => {
    const s = await open({ 'queue-size': 100, sinks: [{ type: 'ndjson', path: 'a.ndjson' }, { type: 'ndjson', path: 'b.ndjson' }] });
    // Within one turn nothing reaches the worker: the first 100 wait, the rest drop here.
    for (let i = 0; i < 1000; i++) s.publish(sampleRecord(i), Buffer.from([1]), undefined);
    expect(s.stats()).toMatchObject({ published: 1000, behind: 900, dropped: 1800 });
    expect(s.stats().perSink['ndjson-0']).toEqual({ sent: 0, dropped: 900, errors: 0, queued: 100 });
    await s.close();
    expect(s.stats().perSink['ndjson-1']).toEqual({ sent: 100, dropped: 900, errors: 0, queued: 0 });
    const lines = (await readFile(join(dir, 'b.ndjson'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { micros: number }).micros)).toEqual([...Array(100).keys()]);
  });

  it("the worker's log lines reach the main logger; close() is bounded and later publishes are counted", async () => {
    const { log, lines } = capture();
    await writeFile(join(dir, 'file'), 'x');
    const s = await open({ sinks: [{ type: 'ndjson', path: 'file/events.ndjson' }] }, log); // a file where a folder should be
    s.publish(sampleRecord(1));
    await s.close();
    expect(lines.some((l) => l.msgId === 'FULMAR_EVENTS_SINK_ERROR')).toBe(true);
    expect(s.stats().perSink['ndjson-0']).toMatchObject({ sent: 0, errors: 1 });
    s.publish(sampleRecord(2));
    expect(s.stats()).toMatchObject({ published: 2, behind: 1 });
  });
});
