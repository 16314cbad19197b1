import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineOutput } from './output.js';

describe('LineOutput', () => {
  it('batches lines into chunks', async () => {
    const chunks: string[] = [];
    const out = new LineOutput(new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) }), 10);
    for (const l of ['aaaa', 'bbbb', 'cccc', 'd']) out.line(l);
    await out.finish();
    expect(chunks).toEqual(['aaaa\nbbbb\n', 'cccc\nd\n']);
  });

  it('signals backpressure until the stream drains', async () => {
    let release: () => void = () => {};
    const slow = new Writable({ highWaterMark: 4, write: (_c, _e, done) => (release = done) });
    const out = new LineOutput(slow, 1);
    out.line('0123456789');
    expect(out.backpressure).toBeInstanceOf(Promise);
    release();
    await out.backpressure;
    expect(out.backpressure).toBeUndefined();
  });

  it('closes quietly when the reader goes away (EPIPE), and keeps other errors', async () => {
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    const gone = new Writable({ write: (_c, _e, done) => done(epipe) });
    const out = new LineOutput(gone, 1);
    out.line('x');
    await new Promise((r) => setImmediate(r));
    expect(out.closed).toBe(true);
    expect(out.error).toBeUndefined();
    out.line('y'); // dropped, no throw
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    const out2 = new LineOutput(new Writable({ write: (_c, _e, done) => done(full) }), 1);
    out2.line('x');
    await new Promise((r) => setImmediate(r));
    expect(out2.error).toBe(full);
  });
});
