import Database from 'better-sqlite3';
import { perfdhcpClient } from './perfdhcp-clients.js';
import { staticAddress, staticPrefix } from './static-csv.js';

export interface LeaseCheck {
  leases: number;
  /** Leases whose address or prefix is the CSV's entry for their DUID. */
  fromCsv: number;
}

/**
 * Read a stopped server's lease database: perfdhcp counts an exchange as
 * complete even when the Reply grants nothing, so this is what shows that
 * static lookups hit (every lease the CSV's) and dynamic runs used pools.
 */
export function checkLeases(path: string): LeaseCheck {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare("SELECT type, address, duid FROM lease6 WHERE state = 'assigned'").all() as { type: string; address: string; duid: string }[];
    let fromCsv = 0;
    for (const row of rows) {
      const r = perfdhcpClient(row.duid);
      if (r !== undefined && row.address === (row.type === 'pd' ? staticPrefix(r) : staticAddress(r))) fromCsv++;
    }
    return { leases: rows.length, fromCsv };
  } finally {
    db.close();
  }
}
