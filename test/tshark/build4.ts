import type { Message4, Option } from '../../src/protocol/index.js';

/**
 * The small vocabulary the DHCPv4 corpus is written in: documentation
 * addresses (192.0.2.0/24 for clients, 198.51.100.0/24 behind a relay,
 * 203.0.113.0/24 for services), the documentation enterprise number 32473
 * (RFC 5612), MACs 00-00-5E-00-53-xx (RFC 7042), and message builders.
 */

export const EXAMPLE_PEN = 32473;
export const CLIENT_MAC = '00005e005310';
export const CLIENT_IP = '192.0.2.100';
export const SERVER_IP = '192.0.2.1';
export const RELAY_IP = '198.51.100.1';

/** Text → hex, so opaque fields read as what they hold. */
export const hex = (text: string): string => Buffer.from(text, 'ascii').toString('hex');

export const o = (code: number, name: string, value?: unknown): Option => (value === undefined ? { code, name } : { code, name, value });

export const type = (t: string): Option => o(53, 'dhcp-message-type', t);
export const serverId = o(54, 'dhcp-server-identifier', SERVER_IP);
/** RFC 2132 §9.14: type 1 (Ethernet) and the MAC. */
export const clientId = (mac = CLIENT_MAC): Option => o(61, 'dhcp-client-identifier', `01${mac}`);
export const requested = (ip: string): Option => o(50, 'dhcp-requested-address', ip);
export const leaseTimes: readonly Option[] = [o(51, 'dhcp-lease-time', 86400), o(58, 'dhcp-renewal-time', 43200), o(59, 'dhcp-rebinding-time', 75600)];

/** Header fields every message starts from; each message overrides what it sets. */
const HEADER = {
  htype: 1,
  hlen: 6,
  hops: 0,
  secs: 0,
  broadcast: false,
  ciaddr: '0.0.0.0',
  yiaddr: '0.0.0.0',
  siaddr: '0.0.0.0',
  giaddr: '0.0.0.0',
  chaddr: CLIENT_MAC,
  sname: '',
  file: '',
};

export const bootRequest = (xid: number, options: Option[], header: Partial<Message4> = {}): Message4 => ({ ...HEADER, op: 'BOOTREQUEST', xid, options, ...header });
export const bootReply = (xid: number, options: Option[], header: Partial<Message4> = {}): Message4 => ({ ...HEADER, op: 'BOOTREPLY', xid, options, ...header });
