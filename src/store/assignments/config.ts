import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import type { AssignmentSource } from '../../pipeline/sources.js';
import { CsvAssignmentSource } from './csv.js';
import type { OptionsCheck } from './options.js';
import { PostgresAssignmentSource } from './postgres.js';
import { SqliteAssignmentSource } from './sqlite.js';
import { isTableName, TABLE_NAME_RULE } from './table.js';

/**
 * The `assignment-sources` entries of the config, and opening one. Relative
 * paths are taken from the config file's folder, so a config moved together
 * with its files keeps working.
 */

const path = z.string().min(1, 'a file path is required');
const table = z
  .string()
  .refine(isTableName, { message: `not ${TABLE_NAME_RULE}` })
  .default('assignments')
  .describe('Table name (created if missing): id_type, id, address UNIQUE, prefix UNIQUE, options; primary key (id_type, id)');

const csvSource = z
  .strictObject({
    type: z.literal('csv'),
    path: path.describe('CSV file "id-type,id,address,prefix,options", relative to the config file; reloaded on SIGHUP or by the API'),
    'max-delete-share': z
      .number()
      .min(0, 'at least 0')
      .max(1, 'at most 1 (a share, 0.1 = 10 %)')
      .default(0.1)
      .describe('A reload that would remove more than this share of the entries is refused and the old table kept'),
  })
  .describe('Static assignments from a CSV file held in memory');

const sqliteSource = z
  .strictObject({
    type: z.literal('sqlite'),
    path: path.describe('SQLite database file, relative to the config file; created if missing'),
    table,
  })
  .describe('Static assignments in a SQLite table, queried live (changes count without a reload)');

const postgresSource = z
  .strictObject({
    type: z.literal('postgresql'),
    url: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a URL starting postgres:// or postgresql://')
      .optional()
      .describe('Connection URL, postgres://user:password@host:port/database (instead of host, port, ...)'),
    host: z.string().min(1).optional().describe('Server host name, address or socket directory'),
    port: z.number().int().min(1).max(65535).optional().describe('Server port (default 5432)'),
    database: z.string().min(1).optional().describe('Database name'),
    user: z.string().min(1).optional().describe('User name'),
    password: z.string().optional().describe('Password'),
    table,
    'pool-size': z.number().int().min(1).max(64).default(4).describe('Connections at most'),
    'query-timeout': z.number().int().min(1).max(60_000).default(500).describe('Per query, ms: a slower lookup fails (the request is dropped) and the server cancels it'),
  })
  .refine((c) => c.url !== undefined || c.host !== undefined, { message: 'give "url" or "host"', path: ['url'] })
  .refine((c) => c.url === undefined || [c.host, c.port, c.database, c.user, c.password].every((v) => v === undefined), {
    message: 'give either "url" or host, port, database, user and password, not both',
    path: ['url'],
  })
  .describe('Static assignments in a PostgreSQL table, queried live (changes count without a reload)');

export const assignmentSourceSchema = z
  .discriminatedUnion('type', [csvSource, sqliteSource, postgresSource])
  .describe('A named source of static assignments (address, prefix, options per identifier)');

export type AssignmentSourceConfig = z.output<typeof assignmentSourceSchema>;

export interface OpenExtras {
  /** Deeper check of options lists (the config's option-data schema). */
  checkOptions?: OptionsCheck;
}

function fromBase(baseDir: string, p: string): string {
  return p === ':memory:' || isAbsolute(p) ? p : resolve(baseDir, p);
}

/**
 * Open a configured source: a CSV file is read and checked now (throws
 * listing its problems), a database is connected and its table created if
 * missing.
 */
export async function openAssignmentSource(name: string, config: AssignmentSourceConfig, baseDir: string, extras: OpenExtras = {}): Promise<AssignmentSource> {
  switch (config.type) {
    case 'csv':
      return new CsvAssignmentSource({ name, path: fromBase(baseDir, config.path), maxDeleteShare: config['max-delete-share'], ...extras });
    case 'sqlite':
      return new SqliteAssignmentSource({ name, path: fromBase(baseDir, config.path), table: config.table, ...extras });
    case 'postgresql':
      return PostgresAssignmentSource.open({
        name,
        url: config.url,
        host: config.host,
        port: config.port,
        database: config.database,
        user: config.user,
        password: config.password,
        table: config.table,
        poolSize: config['pool-size'],
        queryTimeoutMs: config['query-timeout'],
        ...extras,
      });
  }
}
