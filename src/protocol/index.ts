export { Codec, standardCodec, MAX_RELAY_DEPTH, MAX_OPTIONS } from './codec.js';
export { DecodeError, EncodeError, LimitError } from './errors.js';
export type { Option, OptionDef, Space } from './options.js';
export { defineSpace, extendSpace, findOption, findOptions } from './options.js';
export type { Field } from './fields.js';
export type { Duid } from './duid.js';
export { duidHex } from './duid.js';
export type { Message6, ClientServerMessage6, RelayMessage6, Dhcp4o6Message } from './v6/message.js';
export { isRelay } from './v6/message.js';
export * from './v6/types.js';
export type { Message4 } from './v4/message.js';
export { formatIpv6, formatIpv4, parseIpv6Into, parseIpv4Into, canonicalIpv6 } from './address.js';
export { DHCP6_OPTIONS, NTP_SUBOPTIONS } from './v6/options.js';
export { DHCP4_OPTIONS, AGENT_SUBOPTIONS } from './v4/options.js';
export type { Header4, HeaderText } from './v4/header.js';
export { messageType4, writeMessage4 } from './v4/message.js';
export type { ClientId4, NodeSpecificClientId } from './v4/client-id.js';
export { clientIdHex } from './v4/client-id.js';
export type { ClientFqdn4 } from './v4/client-fqdn.js';
export { MIN_MAX_MESSAGE } from './v4/overload.js';
export {
  MESSAGE_TYPES as MESSAGE_TYPES4,
  MESSAGE_CODES as MESSAGE_CODES4,
  OPS as BOOTP_OPS,
  LQ_STATUS_CODES as LQ_STATUS_CODES4,
  LEASE_STATES as LEASE_STATES4,
  MAGIC_COOKIE,
  SERVER_PORT as SERVER_PORT4,
  CLIENT_PORT as CLIENT_PORT4,
} from './v4/types.js';
export { frame as frameTcp, Deframer as TcpDeframer } from './v6/tcp-framing.js';
