import { z } from 'zod';

/**
 * Config key "events": where transaction records go (NDJSON file, NATS
 * JetStream, HTTP webhook), how many may wait per sink, and whether data
 * handed to third parties is anonymised first.
 */

const MiB = 1024 * 1024;

const sinkName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase letters, digits, "_" and "-", at most 63')
  .optional()
  .describe('Name used in stats and logs; default "<type>-<index>"');

export const ndjsonSinkSchema = z
  .strictObject({
    type: z.literal('ndjson').describe('Append one JSON object per line to a file'),
    name: sinkName,
    path: z.string().min(1).describe('The file to append to; relative paths are resolved against the config file'),
    'max-bytes': z
      .number()
      .int()
      .min(4096)
      .max(2 ** 40)
      .default(100 * MiB)
      .describe('Rotate when the file would grow past this many bytes (FILE -> FILE.1 -> ... )'),
    'max-files': z.number().int().min(1).max(1000).default(5).describe('Rotated files kept besides the live one; the oldest is deleted'),
  })
  .describe('NDJSON file sink');

export const natsSinkSchema = z
  .strictObject({
    type: z.literal('nats').describe('Publish each record to NATS JetStream, waiting for the ack'),
    name: sinkName,
    servers: z
      .array(z.string().regex(/^(nats|tls|wss?):\/\/[^\s]+$/, 'not a NATS URL (nats://HOST:PORT)'))
      .min(1)
      .max(32)
      .default(['nats://127.0.0.1:4222'])
      .describe('NATS server URLs'),
    subject: z
      .string()
      .regex(/^[^\s*>]+$/, 'a subject without spaces or wildcards')
      .describe('Subject each record is published on'),
    stream: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" and "-", at most 64')
      .describe('JetStream stream that stores the subject; created with that subject if missing'),
    'max-in-flight': z.number().int().min(1).max(100_000).default(1000).describe('Publishes awaiting their JetStream ack at once'),
  })
  .describe('NATS JetStream sink');

export const webhookSinkSchema = z
  .strictObject({
    type: z.literal('webhook').describe('POST batches of records as a JSON array'),
    name: sinkName,
    url: z
      .string()
      .refine((s) => /^https?:$/.test(safeProtocol(s)), { message: 'not an http:// or https:// URL' })
      .describe('Where batches are POSTed'),
    headers: z.record(z.string(), z.string()).optional().describe('Extra request headers, e.g. Authorization'),
    'batch-size': z.number().int().min(1).max(10_000).default(100).describe('Records per POST at most'),
    'timeout-ms': z.number().int().min(100).max(120_000).default(2000).describe('Give up on one POST after this long'),
  })
  .describe('HTTP webhook sink');

function safeProtocol(s: string): string {
  try {
    return new URL(s).protocol;
  } catch {
    return '';
  }
}

export const sinkSchema = z.discriminatedUnion('type', [ndjsonSinkSchema, natsSinkSchema, webhookSinkSchema]);

export const anonymiseSchema = z
  .strictObject({
    addresses: z
      .enum(['prefix-preserving', 'random', 'none'])
      .default('prefix-preserving')
      .describe('Client addresses and prefixes: keyed prefix-preserving mapping, random per process run, or left as they are'),
    identifiers: z.enum(['hash', 'none']).default('hash').describe('DUIDs, MACs, remote-ids, ...: keyed HMAC-SHA256 (16 bytes, hex), or left as they are'),
    'key-file': z
      .string()
      .min(1)
      .optional()
      .describe('File holding the secret key (32 bytes or more); relative to the config file. Needed by prefix-preserving and hash'),
  })
  .superRefine((a, ctx) => {
    if (a['key-file'] !== undefined) return;
    const needs = a.addresses === 'prefix-preserving' ? 'addresses "prefix-preserving"' : a.identifiers === 'hash' ? 'identifiers "hash"' : undefined;
    if (needs) ctx.addIssue({ code: 'custom', path: ['key-file'], message: `"key-file" is required with ${needs} (a secret of 32 bytes or more)` });
  })
  .describe('Anonymise what sinks receive');

export const eventsSchema = z
  .strictObject({
    'queue-size': z.number().int().min(1).max(1_000_000).default(10_000).describe('Records waiting per sink at most; more are dropped and counted'),
    'include-messages': z.boolean().default(true).describe('Include the decoded request and response (relays included) in each record'),
    anonymise: anonymiseSchema.optional(),
    sinks: z
      .array(sinkSchema)
      .max(16)
      .default([])
      .superRefine((sinks, ctx) => {
        const seen = new Set<string>();
        sinks.forEach((s, i) => {
          const n = sinkNameOf(s, i);
          if (seen.has(n)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `sink name "${n}" is used twice` });
          seen.add(n);
        });
      })
      .describe('Where records go; each sink has its own queue'),
  })
  .describe('Transaction event stream');

export type EventsConfig = z.infer<typeof eventsSchema>;
export type EventsConfigInput = z.input<typeof eventsSchema>;
export type SinkConfig = z.infer<typeof sinkSchema>;
export type NdjsonSinkConfig = z.infer<typeof ndjsonSinkSchema>;
export type NatsSinkConfig = z.infer<typeof natsSinkSchema>;
export type WebhookSinkConfig = z.infer<typeof webhookSinkSchema>;
export type AnonymiseConfig = z.infer<typeof anonymiseSchema>;

/** The name a sink is known by in stats and logs. */
export function sinkNameOf(s: { type: string; name?: string | undefined }, index: number): string {
  return s.name ?? `${s.type}-${index}`;
}
