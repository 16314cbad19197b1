import { pathOf, type KeaObject } from './object.js';

/** Where Fulmar takes a client's MAC (for hw-address reservations) from, in order. */
const FULMAR_ORDER = ['client-link-addr-option', 'duid'];
const ALIASES: Readonly<Record<string, string>> = { rfc6939: 'client-link-addr-option', rfc4649: 'remote-id', rfc4580: 'subscriber-id' };
const FULMAR_WAY = "Fulmar takes the MAC from the relay's client link-layer address option (RFC 6939), else from the client's DUID-LL or DUID-LLT";

/**
 * Kea's mac-sources has no Fulmar setting: report how Fulmar differs. Not
 * set means Kea's "any", which matters only to hw-address reservations.
 */
export function checkMacSources(d: KeaObject, hwReservations: boolean): void {
  if (!d.has('mac-sources')) {
    if (hwReservations) d.report.change(d.at('mac-sources'), `it is not set, so Kea took the MAC for hw-address reservations from any source; ${FULMAR_WAY}`);
    return;
  }
  const sources = (d.list('mac-sources') ?? []).map((s) => (typeof s === 'string' ? (ALIASES[s] ?? s) : String(s)));
  sources.forEach((s, i) => {
    if (s === 'any') d.report.change(pathOf(d.at('mac-sources'), i), `"any" includes remote-id, subscriber-id, ipv6-link-local and docsis-*; ${FULMAR_WAY}`);
    else if (s !== 'raw' && !FULMAR_ORDER.includes(s)) d.report.change(pathOf(d.at('mac-sources'), i), `Fulmar does not use ${s}: ${FULMAR_WAY}`);
  });
  const kept = sources.filter((s) => FULMAR_ORDER.includes(s));
  if (!sources.includes('any') && kept.join() !== FULMAR_ORDER.join()) d.report.change(d.at('mac-sources'), `Kea used only ${kept.join(', ') || 'sources Fulmar lacks'}; ${FULMAR_WAY}`);
}
