import { findOption, type ClientServerMessage6, type Option, type RelayMessage6 } from '../../protocol/index.js';

/**
 * How to reach a client again (RFC 8415 §18.3.11: "The server may obtain the
 * address of the client (and the appropriate relay agent, if required)
 * through the information the server has about clients that have been in
 * contact with the server"): where its last message came from, and through
 * which relays.
 *
 * Kept in memory only, least recently used first out. After a restart a
 * client is reachable again once it has talked to the server (a Renew at T1,
 * a Rebind, a reboot). Persisting paths in leases would cost a write per
 * transaction, and stateless clients have no lease to keep it in.
 */
export interface ClientPath {
  /** Sender of the client's last message: the client's link-local address, or the outermost relay. */
  source: string;
  port: number;
  /** Receiving interface, for a direct client. */
  iface?: string;
  /** Outermost first, as unwrap() gives them; [] for a direct client. */
  relays: readonly RelayMessage6[];
}

interface Entry {
  path: ClientPath;
  /** Whether the client's last Solicit, Request, Renew, Rebind or Information-request carried Reconfigure Accept. */
  accepts: boolean | undefined;
}

/** RFC 8415 Appendix B: the client messages that may carry Reconfigure Accept. */
const ANNOUNCING = new Set(['solicit', 'request', 'renew', 'rebind', 'information-request']);
const RECONF_ACCEPT = 20;
const INTERFACE_ID = 18;

/**
 * What wrap() needs of a relay hop (RFC 8415 §19.3): its addresses, hop count
 * and Interface-ID. The rest (the client's whole message in relay-msg, remote
 * IDs ...) is dropped so a million remembered paths stay small.
 */
function compact(r: RelayMessage6): RelayMessage6 {
  const options: Option[] = [];
  const ifaceId = findOption(r.options, INTERFACE_ID);
  if (ifaceId) options.push(ifaceId);
  return { type: r.type, hopCount: r.hopCount, linkAddress: r.linkAddress, peerAddress: r.peerAddress, options };
}

export class PathBook {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly max = 1_000_000) {}

  get size(): number {
    return this.entries.size;
  }

  /** Called for every client message served; `msg` tells whether the client still accepts Reconfigure (§21.20). */
  remember(duid: string, path: ClientPath, msg?: ClientServerMessage6): void {
    const before = this.entries.get(duid);
    // Only clients that accept Reconfigure are worth a path: this runs per transaction.
    if (!before && !(msg && findOption(msg.options, RECONF_ACCEPT) !== undefined)) return;
    let accepts = before?.accepts;
    if (msg && ANNOUNCING.has(msg.type as string)) accepts = findOption(msg.options, RECONF_ACCEPT) !== undefined;
    const kept: ClientPath = { source: path.source, port: path.port, relays: path.relays.map(compact) };
    if (path.iface !== undefined) kept.iface = path.iface;
    // Delete first so the entry moves to the young end of the Map's order.
    this.entries.delete(duid);
    this.entries.set(duid, { path: kept, accepts });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  path(duid: string): ClientPath | undefined {
    return this.entries.get(duid)?.path;
  }

  /** false only when the client's last message that could carry Reconfigure Accept did not. */
  mayReconfigure(duid: string): boolean {
    return this.entries.get(duid)?.accepts !== false;
  }
}
