import { dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { TransactionRecord } from '../types.js';
import type { AnonymiseConfig, EventsConfig, SinkConfig } from './config.js';
import { sinkNameOf } from './config.js';
import type { Sink } from './sink.js';
import { silentLog } from './sink.js';
import { EventStream } from './stream.js';
import { NdjsonSink } from './sinks/ndjson.js';
import { NatsSink } from './sinks/nats.js';
import { WebhookSink } from './sinks/webhook.js';
import { anonymiseRecord, type AnonymiseOptions } from './anonymise.js';
import { prefixPreservingMapper, randomMapper } from './address-map.js';
import { deriveKeys, identifierHasher, keyFingerprint, loadKey } from './keys.js';

export interface CreateEventStreamOptions {
  /** Path of the config file: relative sink paths and key-file resolve against its folder. */
  configFile: string;
  log?: Logger;
}

/** Build the stream a validated "events" config describes; rejects only when the key file is unusable. */
export async function createEventStream(config: EventsConfig, o: CreateEventStreamOptions): Promise<EventStream> {
  const log = o.log ?? silentLog;
  const base = dirname(resolve(o.configFile));
  const transform = config.anonymise ? await anonymiser(config.anonymise, base, log) : undefined;
  const sinks: Record<string, Sink> = {};
  config.sinks.forEach((s, i) => {
    const name = sinkNameOf(s, i);
    sinks[name] = createSink(s, name, base, log);
  });
  return new EventStream(sinks, { queueSize: config['queue-size'], includeMessages: config['include-messages'], transform, log });
}

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

async function anonymiser(a: AnonymiseConfig, base: string, log: Logger): Promise<((r: TransactionRecord) => TransactionRecord) | undefined> {
  const opts: AnonymiseOptions = {};
  const secret = a['key-file'] === undefined ? undefined : await loadKey(resolve(base, a['key-file']));
  const keys = secret && deriveKeys(secret);
  if (a.addresses === 'random') opts.addresses = randomMapper();
  else if (a.addresses === 'prefix-preserving' && keys) opts.addresses = prefixPreservingMapper(keys.address);
  if (a.identifiers === 'hash' && keys) opts.hash = identifierHasher(keys.identifier);
  if (!opts.addresses && !opts.hash) return undefined;
  log.info({ msgId: 'FULMAR_EVENTS_ANONYMISING', addresses: a.addresses, identifiers: a.identifiers, key: secret && keyFingerprint(secret) }, 'event sinks receive anonymised records');
  return (r) => anonymiseRecord(r, opts);
}
