/**
 * Errors the lease stores reject with, each with a stable code and a message
 * that names the offending value. Shared by the DHCPv6 and DHCPv4 stores.
 */

export abstract class LeaseStoreError extends Error {
  abstract readonly code: string;
}

export interface LeaseHolder {
  duid: string;
  iaid: number;
}

/** Invariant 3: the address already has a live lease. The allocator retries elsewhere. */
export class LeaseConflictError extends LeaseStoreError {
  override readonly name = 'LeaseConflictError';
  readonly code = 'LEASE_CONFLICT';
  constructor(
    readonly address: string,
    /** The live lease's owner, when the store could see it. */
    readonly holder?: LeaseHolder,
  ) {
    super(`${address} is leased${holder ? ` to duid ${holder.duid} iaid ${holder.iaid}` : ''}`);
  }
}

/** An update or an expecting delete found the lease gone or changed since it was read. */
export class LeaseStaleError extends LeaseStoreError {
  override readonly name = 'LeaseStaleError';
  readonly code = 'LEASE_STALE';
  constructor(readonly address: string) {
    super(`${address}: the stored lease is missing or has changed`);
  }
}

/** A lease the store refuses to hold (non-canonical address, bad hex, times that do not add up). */
export class LeaseInvalidError extends LeaseStoreError {
  override readonly name = 'LeaseInvalidError';
  readonly code = 'LEASE_INVALID';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** Invariant 7: too many changes wait for the next group commit; the caller sheds the request. */
export class StoreOverloadError extends LeaseStoreError {
  override readonly name = 'StoreOverloadError';
  readonly code = 'STORE_OVERLOAD';
  constructor(
    readonly pending: number,
    readonly limit: number,
  ) {
    super(`${pending} changes wait for commit (limit ${limit})`);
  }
}

export class StoreClosedError extends LeaseStoreError {
  override readonly name = 'StoreClosedError';
  readonly code = 'STORE_CLOSED';
  constructor() {
    super('the lease store is closed');
  }
}

/** The database was written by a newer Fulmar; opening it could damage it. */
export class SchemaVersionError extends LeaseStoreError {
  override readonly name = 'SchemaVersionError';
  readonly code = 'SCHEMA_VERSION';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`database schema version ${found} is newer than this Fulmar knows (${known})`);
  }
}
