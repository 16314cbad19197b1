/** Assignment sources: a CSV file in memory, SQLite and PostgreSQL tables queried live. */
export { assignmentSourceSchema, openAssignmentSource, type AssignmentSourceConfig, type OpenExtras } from './config.js';
export { CsvAssignmentSource, openCsvSource, type CsvSourceOptions, type CsvReloadResult } from './csv.js';
export type { CsvEntry } from './csv-table.js';
export { SqliteAssignmentSource, openSqliteSource, type SqliteSourceOptions } from './sqlite.js';
export { PostgresAssignmentSource, openPostgresSource, type PostgresSourceOptions } from './postgres.js';
export { canonicalId, canonicalAddress, canonicalPrefix, checkId, checkAddress, checkPrefix, isIdentifierType, MAX_ID_BYTES, type Checked } from './identifiers.js';
export type { OptionsCheck } from './options.js';
export { MAX_PAGE } from './keys.js';
export {
  AssignmentSourceError,
  AssignmentFileError,
  AssignmentInvalidError,
  AssignmentConflictError,
  AssignmentDataError,
  AssignmentTimeoutError,
  AssignmentOverloadError,
} from './errors.js';
