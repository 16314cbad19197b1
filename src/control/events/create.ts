import { dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { EventsConfig } from './config.js';
import { sinkNameOf } from './config.js';
import { silentLog } from './sink.js';
import type { EventStream } from './stream.js';
import { WorkerEventStream } from './worker-stream.js';
import { keyFingerprint, loadKey } from './keys.js';

export { createSink } from './build.js';

export interface CreateEventStreamOptions {
  /** Path of the config file: relative sink paths and key-file resolve against its folder. */
  configFile: string;
  log?: Logger;
}

/**
 * Build the stream a validated "events" config describes: sinks, JSON and
 * anonymisation run in a worker thread (worker-stream.ts). Rejects only when
 * the key file is unusable or the worker cannot start.
 */
export async function createEventStream(config: EventsConfig, o: CreateEventStreamOptions): Promise<EventStream> {
  const log = o.log ?? silentLog;
  const base = dirname(resolve(o.configFile));
  const a = config.anonymise;
  // Read here, so a bad key file fails the config change and the worker gets only the bytes.
  const secret = a?.['key-file'] === undefined ? undefined : await loadKey(resolve(base, a['key-file']));
  if (a && (a.addresses !== 'none' || a.identifiers !== 'none')) {
    log.info({ msgId: 'FULMAR_EVENTS_ANONYMISING', addresses: a.addresses, identifiers: a.identifiers, key: secret && keyFingerprint(secret) }, 'event sinks receive anonymised records');
  }
  return WorkerEventStream.start({
    init: { config, base, secret, logLevel: log.level },
    sinkNames: config.sinks.map((s, i) => sinkNameOf(s, i)),
    queueSize: config['queue-size'],
    includeMessages: config['include-messages'],
    log,
  });
}
