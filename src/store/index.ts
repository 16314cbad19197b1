export type { Durability, Lease6, LeaseChange6, LeaseCount6, LeaseKey6, LeaseState, LeaseStore6, LeaseType6, LeaseVersion6, LiveLease6 } from './types.js';
export { LeaseStoreError, LeaseConflictError, LeaseStaleError, LeaseInvalidError, StoreOverloadError, StoreClosedError, SchemaVersionError } from './errors.js';
export type { LeaseHolder } from './errors.js';
export { MemoryLeaseStore6 } from './memory/store6.js';
export { SqliteLeaseStore6, openSqliteLeaseStore6, type SqliteLeaseStoreOptions } from './sqlite/store6.js';
