import { CLIENT_PORT, type ClientServerMessage6, type Codec, type Duid, type Option } from '../../protocol/index.js';
import { wrap } from '../relay.js';
import type { Outbound6 } from '../types.js';
import { KEY_BYTES, digestOffset, digestOption, signReconfigure } from './auth.js';
import type { ClientPath } from './paths.js';

/** RFC 8415 §21.19: what the Reconfigure asks the client to send. */
export type ReconfMsgType = 'renew' | 'information-request';

export interface ReconfigureSpec {
  serverDuid: Duid;
  /** Client DUID, lowercase hex. */
  duid: string;
  message: ReconfMsgType;
  key: Buffer;
  replay: bigint;
}

/**
 * RFC 8415 §18.3.11: Server Identifier, Client Identifier, Reconfigure
 * Message option, and the Authentication option (§20.4.2); no other options.
 * The transaction-id is 0: the client answers with a transaction of its own.
 */
export function reconfigureMessage(s: ReconfigureSpec, digest?: Buffer): ClientServerMessage6 {
  const auth = digestOption(s.replay);
  if (digest) (auth.value as { info: string }).info = '02' + digest.toString('hex');
  const clientId: Option = { code: 1, name: 'clientid', value: { type: parseInt(s.duid.slice(0, 4), 16), hex: s.duid } };
  return {
    type: 'reconfigure',
    xid: 0,
    options: [{ code: 2, name: 'serverid', value: s.serverDuid }, clientId, { code: 19, name: 'reconf-msg', value: s.message }, auth],
  };
}

/**
 * The signed Reconfigure as a datagram. §18.3.11: straight to the client's
 * address when it talked to us directly (its link-local address, on the
 * interface it came in on: dhcpcd accepts a Reconfigure only from a
 * link-local source, which is what the kernel picks for a link-local
 * destination); otherwise in Relay-reply messages (§19.3) back through the
 * relays of its last transaction, to the relay that sent that one.
 */
export function reconfigureDatagram(codec: Codec, s: ReconfigureSpec, path: ClientPath, clientPort = CLIENT_PORT): Outbound6 {
  const signed = signReconfigure(codec.encode6(reconfigureMessage(s)), s.key);
  if (path.relays.length === 0) return withIface({ data: signed, destination: path.source, port: clientPort }, path);
  // Re-encoding the same JSON gives the same bytes, so the signature holds inside the relay chain.
  const at = digestOffset(signed);
  const inner = reconfigureMessage(s, signed.subarray(at, at + KEY_BYTES));
  return withIface({ data: codec.encode6(wrap(path.relays, inner)), destination: path.source, port: path.port }, path);
}

function withIface(out: Outbound6, path: ClientPath): Outbound6 {
  if (path.iface !== undefined) out.iface = path.iface;
  return out;
}
