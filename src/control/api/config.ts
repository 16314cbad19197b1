import { z } from 'zod';

/**
 * The `control` section of the config file: where the management API listens
 * and how it is protected. Loopback only unless the operator says otherwise.
 */

const MIB = 1024 * 1024;

export const controlSchema = z
  .strictObject({
    address: z.string().min(1).default('127.0.0.1').describe('Address the management API listens on; the default accepts local clients only'),
    port: z.number().int().min(0).max(65535).default(8547).describe('TCP port of the management API (0: any free port)'),
    'auth-file': z
      .string()
      .min(1)
      .describe('JSON file of API users and their hashed secrets (`fulmar auth add`); a relative path is relative to the config file'),
    tls: z
      .strictObject({
        cert: z.string().min(1).describe('PEM certificate chain file; relative to the config file'),
        key: z.string().min(1).describe('PEM private key file; relative to the config file'),
      })
      .optional()
      .describe('Serve HTTPS with this certificate and key; without it the API speaks plain HTTP'),
    'body-limit': z
      .number()
      .int()
      .min(1024)
      .max(64 * MIB)
      .default(MIB)
      .describe('Largest request body in bytes; larger ones are refused with HTTP 413'),
    'rate-limit': z
      .strictObject({
        requests: z.number().int().min(1).max(1_000_000).default(100).describe('Requests a client IP may make per window (also the burst size)'),
        seconds: z.number().int().min(1).max(3600).default(1).describe('Length of the window in seconds'),
      })
      .default({ requests: 100, seconds: 1 })
      .describe('Per-client-IP token bucket; excess requests get HTTP 429'),
  })
  .describe('The management API (Kea-style JSON commands over HTTP)');

export type ControlConfig = z.output<typeof controlSchema>;
export type ControlConfigInput = z.input<typeof controlSchema>;
