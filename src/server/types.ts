import type { ClientServerMessage6, Message6, RelayMessage6 } from '../protocol/index.js';
import type { SubnetModel } from './model.js';
import type { PipelineContext } from '../pipeline/types.js';

/** A datagram as the transport hands it over: no sockets past this point. */
export interface Inbound6 {
  data: Buffer;
  /** Sender's address, RFC 5952, no zone. */
  source: string;
  sourcePort: number;
  /** Receiving interface, when known (direct traffic on a multicast socket). */
  iface?: string;
  /** True when sent to one of our unicast addresses rather than ff02::1:2. */
  unicast: boolean;
}

export interface Outbound6 {
  data: Buffer;
  destination: string;
  port: number;
  iface?: string;
}

/** Why a packet got no answer; each is counted as pkt6-drop-<reason>. */
export type DropReason =
  | 'parse-failed'
  | 'malformed-option'
  | 'not-for-server'
  | 'no-relay-message'
  | 'missing-client-id'
  | 'missing-server-id'
  | 'server-id-mismatch'
  | 'unexpected-server-id'
  | 'ia-in-information-request'
  | 'no-subnet'
  | 'nothing-to-confirm'
  | 'store-overload'
  | 'internal-error'
  | 'disabled'
  // A pipeline handler's reason (rate-limited, ignored, or a plugin's own).
  | (string & {});

/** Everything known about one request while it is served. */
export interface Transaction6 {
  inbound: Inbound6;
  request: Message6;
  /** Outermost first. */
  relays: RelayMessage6[];
  msg: ClientServerMessage6;
  type: string;
  /** Client DUID, lowercase hex. */
  duid: string;
  /** Client link-layer address (hex) from its DUID or a relay (RFC 6939), if any. */
  hwaddr?: string;
  subnet?: SubnetModel;
  /** The pipeline's decisions, when the config has a pipeline. */
  ctx?: PipelineContext;
}
