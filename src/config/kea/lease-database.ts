import type { z } from 'zod';
import type { leaseDatabaseSchema } from '../schema.js';
import type { KeaObject } from './object.js';

export type FulmarLeaseDatabase = z.input<typeof leaseDatabaseSchema>;

/**
 * Kea's memfile becomes Fulmar's SQLite store at durability "process": both
 * have a lease in the OS before the reply, and neither fsyncs per lease.
 */
export function convertLeaseDatabase(o: KeaObject): FulmarLeaseDatabase | undefined {
  const type = o.obj.type;
  if (type !== 'memfile') {
    const what = type === 'mysql' || type === 'postgresql' ? `a ${type} lease database is not supported (Fulmar's PostgreSQL store is not there yet)` : `unknown lease database type ${JSON.stringify(type)}`;
    o.report.drop(o.path, `${what}: Fulmar keeps leases in SQLite in its data-directory, and Kea's leases are not carried over`);
    return undefined;
  }
  o.accept('type');
  if (o.bool('persist') === false) o.report.change(o.at('persist'), 'Kea kept leases in memory only; Fulmar stores them durably');
  o.finish((k) => `memfile's ${k} does not apply to Fulmar's SQLite store`);
  return { type: 'sqlite', durability: 'process' };
}
