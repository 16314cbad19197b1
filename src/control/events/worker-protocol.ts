import type { EventsConfig } from './config.js';
import type { Batch } from './compact.js';
import type { EventStreamStats } from './stream.js';

/** What the event worker is started with (workerData): plain data only. */
export interface WorkerInit {
  config: EventsConfig;
  /** Folder of the config file: relative sink paths resolve against it. */
  base: string;
  /** The anonymisation key file's bytes, read (and checked) by the main thread. */
  secret?: Uint8Array;
  logLevel: string;
  closeTimeoutMs?: number;
}

/** `busy`: the DHCP thread's event-loop utilisation (0..1) over its last 100 ms or more. */
export type ToWorker = ({ t: 'batch'; busy: number } & Batch) | { t: 'close' };

export type FromWorker =
  | { t: 'ready' }
  /** `n` records of a batch are in the sinks' queues (or dropped there): the main thread may send that many more; `bytes` is the batch's buffer, back for reuse. */
  /** `refusing`: every sink is full or the worker is over its CPU budget: the main thread drops (and counts) for a while without packing. */
  | { t: 'ack'; n: number; bytes: ArrayBuffer; refusing: boolean }
  | { t: 'stats'; stats: EventStreamStats }
  | { t: 'log'; level: number; obj: object; msg: string | undefined }
  | { t: 'closed'; stats: EventStreamStats };
