import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { TransactionRecord } from '../types.js';
import type { AnonymiseConfig, SinkConfig } from './config.js';
import type { Sink } from './sink.js';
import { NdjsonSink } from './sinks/ndjson.js';
import { NatsSink } from './sinks/nats.js';
import { WebhookSink } from './sinks/webhook.js';
import { anonymiseRecord, type AnonymiseOptions } from './anonymise.js';
import { prefixPreservingMapper, randomMapper } from './address-map.js';
import { deriveKeys, identifierHasher } from './keys.js';

/** The sink a validated sink config describes; relative paths resolve against `base`. */
export function createSink(s: SinkConfig, name: string, base: string, log: Logger): Sink {
  switch (s.type) {
    case 'ndjson':
      return new NdjsonSink({ path: resolve(base, s.path), maxBytes: s['max-bytes'], maxFiles: s['max-files'], name, log });
    case 'nats':
      return new NatsSink({ servers: s.servers, subject: s.subject, stream: s.stream, maxInFlight: s['max-in-flight'], name, log });
    case 'webhook':
      return new WebhookSink({ url: s.url, headers: s.headers, batchSize: s['batch-size'], timeoutMs: s['timeout-ms'], name, log });
  }
}

/** The record transform an anonymise config asks for, given the key file's bytes; undefined when nothing is replaced. */
export function anonymiserFor(a: AnonymiseConfig | undefined, secret: Uint8Array | undefined): ((r: TransactionRecord) => TransactionRecord) | undefined {
  if (!a) return undefined;
  const opts: AnonymiseOptions = {};
  const keys = secret && deriveKeys(secret);
  if (a.addresses === 'random') opts.addresses = randomMapper();
  else if (a.addresses === 'prefix-preserving' && keys) opts.addresses = prefixPreservingMapper(keys.address);
  if (a.identifiers === 'hash' && keys) opts.hash = identifierHasher(keys.identifier);
  if (!opts.addresses && !opts.hash) return undefined;
  return (r) => anonymiseRecord(r, opts);
}
