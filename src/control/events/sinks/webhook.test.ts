import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { TransactionRecord } from '../../types.js';
import { FanOut } from '../fanout.js';
import { sampleRecord } from '../testing.js';
import { WebhookSink } from './webhook.js';

interface Got {
  body: unknown;
  headers: IncomingMessage['headers'];
}

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

/** A local receiver; `answer` decides each response (undefined: never answer). */
async function receiver(answer: (n: number) => number | undefined): Promise<{ url: string; got: Got[] }> {
  const got: Got[] = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      got.push({ body: JSON.parse(text), headers: req.headers });
      const status = answer(got.length);
      if (status !== undefined) res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/events`, got };
}

describe('WebhookSink', () => {
  it('POSTs batches as JSON arrays, in order, with the configured headers', async () => {
    const { url, got } = await receiver(() => 204);
    const sink = new WebhookSink({ url, headers: { authorization: 'Bearer t0k3n' }, batchSize: 100, timeoutMs: 2000 });
    const s = new FanOut({ hook: sink }, { queueSize: 1000 });
    for (let i = 0; i < 250; i++) s.publish(sampleRecord(i));
    await s.close();
    expect(got.map((g) => (g.body as unknown[]).length)).toEqual([100, 100, 50]);
    expect(got.flatMap((g) => (g.body as TransactionRecord[]).map((r) => r.micros))).toEqual([...Array(250).keys()]);
    expect(got[0]!.headers['content-type']).toBe('application/json');
    expect(got[0]!.headers.authorization).toBe('Bearer t0k3n');
    expect(s.stats().perSink.hook).toEqual({ sent: 250, dropped: 0, errors: 0, queued: 0 });
  });

  it('retries a 5xx a bounded number of times, then counts the batch as errors', async () => {
    const { url, got } = await receiver(() => 503);
    const sink = new WebhookSink({ url, batchSize: 10, timeoutMs: 1000, retries: 2, backoffMs: 10 });
    expect(await sink.write(['{"a":1}', '{"a":2}'])).toEqual({ sent: 0, failed: 2 });
    expect(got).toHaveLength(3);
  });

  it('succeeds when a retry does', async () => {
    const { url, got } = await receiver((n) => (n === 1 ? 500 : 200));
    const sink = new WebhookSink({ url, batchSize: 10, timeoutMs: 1000, backoffMs: 10 });
    expect(await sink.write(['{"a":1}'])).toEqual({ sent: 1, failed: 0 });
    expect(got).toHaveLength(2);
  });

  it('does not retry a 4xx other than 429', async () => {
    const { url, got } = await receiver(() => 400);
    const sink = new WebhookSink({ url, batchSize: 10, timeoutMs: 1000, backoffMs: 10 });
    expect(await sink.write(['{"a":1}'])).toEqual({ sent: 0, failed: 1 });
    expect(got).toHaveLength(1);
  });

  it('times out a receiver that never answers, within the bound', async () => {
    const { url, got } = await receiver(() => undefined);
    const sink = new WebhookSink({ url, batchSize: 10, timeoutMs: 150, retries: 1, backoffMs: 10 });
    const t0 = Date.now();
    expect(await sink.write(['{"a":1}'])).toEqual({ sent: 0, failed: 1 });
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(1500);
    expect(got).toHaveLength(2);
  });

  it('counts an unreachable receiver as errors through the stream', async () => {
    const sink = new WebhookSink({ url: 'http://127.0.0.1:1/x', batchSize: 10, timeoutMs: 500, retries: 0 });
    const s = new FanOut({ hook: sink }, { queueSize: 100 });
    for (let i = 0; i < 25; i++) s.publish(sampleRecord(i));
    await s.close();
    expect(s.stats().perSink.hook).toEqual({ sent: 0, dropped: 0, errors: 25, queued: 0 });
  });
});
