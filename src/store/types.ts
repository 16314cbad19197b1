/**
 * The DHCPv6 lease store: what the server commits before it replies
 * (DESIGN.md invariants 3 and 4). Names carry the family (`6`) so the
 * DHCPv4 store can sit beside this one with the same shape.
 */

export type LeaseType6 = 'na' | 'ta' | 'pd';

/**
 * `assigned` and `declined` are live: the address belongs to the lease's
 * (duid, iaid) and to no one else. `reclaimed` is history kept for affinity:
 * anyone may take the address.
 */
export type LeaseState = 'assigned' | 'declined' | 'reclaimed';

/** `process`: committed to the OS before the promise resolves (survives kill -9); `power`: fsync per group commit. */
export type Durability = 'process' | 'power';

/**
 * One resource: an address, or for `pd` a prefix. The address alone is
 * unique: one address cannot be an NA of one client and a TA of another.
 */
export interface LeaseKey6 {
  type: LeaseType6;
  /** RFC 5952 address; for `pd` `prefix/len` with the host bits zero. */
  address: string;
}

export interface Lease6 extends LeaseKey6 {
  /** Lowercase hex, type code included. */
  duid: string;
  iaid: number;
  subnetId: number;
  preferredLifetime: number;
  validLifetime: number;
  /** Client last transaction time, unix seconds. */
  cltt: number;
  /** Unix seconds; always `cltt + validLifetime`. */
  expiresAt: number;
  state: LeaseState;
  /** Lowercase hex. */
  hwaddr?: string;
  hostname?: string;
  userContext?: Record<string, unknown>;
}

/**
 * What a caller read. A change carrying it applies only if the stored lease
 * still has this owner, state and times; otherwise LeaseStaleError. This is
 * how the reclaim timer avoids undoing a renewal committed after its read.
 */
export type LeaseVersion6 = Pick<Lease6, 'duid' | 'iaid' | 'state' | 'cltt' | 'expiresAt'>;

export type LeaseChange6 =
  /** The address has no live lease (a reclaimed one is replaced), else LeaseConflictError. */
  | { op: 'insert'; lease: Lease6 }
  /**
   * Replace the stored lease at this key; it must exist (else LeaseStaleError).
   * Moving a live lease to another (duid, iaid) is a LeaseConflictError.
   */
  | { op: 'update'; lease: Lease6; expect?: LeaseVersion6 }
  /** Deleting a missing lease is a no-op, unless `expect` is given. */
  | { op: 'delete'; type: LeaseType6; address: string; expect?: LeaseVersion6 };

/** What the allocator needs to know at startup: which addresses are taken, and where. */
export type LiveLease6 = Pick<Lease6, 'type' | 'address' | 'subnetId' | 'state'>;

export interface LeaseCount6 {
  subnetId: number;
  type: LeaseType6;
  state: LeaseState;
  count: number;
}

export interface LeaseStore6 {
  get(type: LeaseType6, address: string): Promise<Lease6 | undefined>;
  /** Every lease of one IA, any state, in address order. */
  getByClient(duid: string, iaid: number, type: LeaseType6): Promise<Lease6[]>;
  /** Every lease of one client, in address order. */
  getByDuid(duid: string): Promise<Lease6[]>;
  /**
   * Apply a batch atomically: all of it or, on the first failing change,
   * none of it (rejecting with that change's error). Resolves only once the
   * batch is durable at the configured level.
   */
  commit(changes: readonly LeaseChange6[]): Promise<void>;
  /**
   * Live leases with `expiresAt < now`, soonest first, for the reclaim timer.
   * Declined ones too: their quarantine ends when they expire.
   */
  listExpired(now: number, limit: number): Promise<Lease6[]>;
  /** A full scan in SQLite (about 1 s per million leases): for the API, not for every metrics scrape. */
  countByState(): Promise<LeaseCount6[]>;
  /** Up to `limit` leases with addresses after `afterAddress`, in address (text) order; start with undefined. */
  page(afterAddress: string | undefined, limit: number): Promise<Lease6[]>;
  /**
   * Like page(), but only live leases and only the fields that rebuild the
   * allocator's index and the statistics at startup: about 3 times faster.
   */
  pageLive(afterAddress: string | undefined, limit: number): Promise<LiveLease6[]>;
  /** Delete every lease, or those of one subnet; resolves to how many. */
  wipe(subnetId?: number): Promise<number>;
  /** Build in-memory indexes now, before serving, so the first request does not wait for them. */
  prepare?(): Promise<void>;
  /** Commits what is queued, then releases the store; later calls reject with StoreClosedError. */
  close(): Promise<void>;
}
