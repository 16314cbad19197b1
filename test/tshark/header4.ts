import type { HeaderText, Message4 } from '../../src/protocol/index.js';
import type { Expected } from './fields.js';
import { bytes, flag, hexOf, one } from './format4.js';

/**
 * The BOOTP header (RFC 2131 §2) of a message as tshark 4.0 shows it, and
 * what follows it: the magic cookie (RFC 2131 §3) or the BOOTP vendor area
 * (RFC 951), and zero padding after the end option.
 */

const OPS: Readonly<Record<string, number>> = { BOOTREQUEST: 1, BOOTREPLY: 2 };
const ETHERNET = 1;
const COOKIE = '99.130.83.99';

/** Absent when option overload lends the field to options. */
function text(v: HeaderText | undefined): string[] {
  if (v === undefined) return [];
  if (typeof v !== 'string') throw new Error('header4: sname/file given as {hex} have no tshark expectation yet');
  return [v];
}

/** Ethernet: tshark splits the MAC from the rest of the 16 bytes; with hlen 0 (RFC 4390) it shows neither. */
function chaddr(m: Message4): Expected {
  const padded = m.chaddr.padEnd(32, '0');
  if (m.htype === ETHERNET && m.hlen === 6) return { 'dhcp.hw.mac_addr': [bytes(padded.slice(0, 12))], 'dhcp.hw.addr_padding': [bytes(padded.slice(12))] };
  if (m.hlen === 0) return { 'dhcp.hw.mac_addr': [], 'dhcp.hw.addr': [], 'dhcp.hw.addr_padding': [] };
  throw new Error(`header4: no tshark expectation for htype ${m.htype} with hlen ${m.hlen}`);
}

export function headerFields(m: Message4): Expected {
  return {
    'dhcp.type': one(typeof m.op === 'number' ? m.op : OPS[m.op]!),
    'dhcp.hw.type': [hexOf(m.htype, 2)],
    'dhcp.hw.len': one(m.hlen),
    'dhcp.hops': one(m.hops),
    'dhcp.id': [hexOf(m.xid, 8)],
    'dhcp.secs': one(m.secs),
    'dhcp.flags.bc': [flag(m.broadcast)],
    'dhcp.flags.reserved': [hexOf(m.reservedFlags ?? 0, 4)],
    'dhcp.ip.client': [m.ciaddr],
    'dhcp.ip.your': [m.yiaddr],
    'dhcp.ip.server': [m.siaddr],
    'dhcp.ip.relay': [m.giaddr],
    ...chaddr(m),
    'dhcp.server': text(m.sname),
    'dhcp.file': text(m.file),
    ...(m.vendor === undefined
      ? { 'dhcp.cookie': [COOKIE], 'dhcp.bootp': [] }
      : { 'dhcp.cookie': [], 'dhcp.bootp': ['1'], 'dhcp.vendor_specific_options': [bytes(m.vendor)] }),
    'dhcp.option.padding': m.padding ? [bytes('00'.repeat(m.padding))] : [],
  };
}
