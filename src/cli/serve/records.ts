import type { TransactionRecord } from '../../control/types.js';
import type { TransactionSummary } from '../../server/server.js';
import { requestIds } from '../../pipeline/ids.js';

/** The server's summary as the control layer's record (the event stream, the looking glass). */
export function toRecord(t: TransactionSummary): TransactionRecord {
  const ids: Record<string, string> = {};
  const known = t.ids ?? (t.duid !== undefined ? requestIds(t.duid, t.hwaddr, t.relays ?? []) : undefined);
  if (known) for (const [k, v] of Object.entries(known)) if (v !== undefined && v !== '') ids[k] = v;
  const r: TransactionRecord = { at: t.at, micros: Math.round(t.micros), type: t.type, ids, source: t.source, granted: t.granted, status: t.status };
  if (t.reply !== undefined) r.reply = t.reply;
  if (t.drop !== undefined) r.drop = t.drop;
  if (t.duid) r.duid = t.duid;
  if (t.hwaddr) r.hwaddr = t.hwaddr;
  if (t.subnet !== undefined) r.subnet = t.subnet;
  if (t.iface !== undefined) r.iface = t.iface;
  if (t.request) r.request = t.request;
  if (t.response) r.response = t.response;
  return r;
}

/** The info line per transaction: the summary without the decoded messages. */
export function logFields(t: TransactionSummary): Record<string, unknown> {
  const { request: _request, response: _response, requestData: _q, responseData: _r, ids: _ids, relays: _relays, at: _at, ...rest } = t;
  return rest;
}
