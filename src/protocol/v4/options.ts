import type { OptionDef } from '../options.js';

/** The DHCPv4 option table (RFC 2132 and later). Names are Kea's. */
export const DHCP4_OPTIONS: readonly OptionDef[] = [
  { code: 53, name: 'dhcp-message-type', type: { t: 'u8' }, ref: 'RFC 2132 §9.6' },
];

/** RFC 3046 relay agent information (option 82) suboptions. */
export const AGENT_SUBOPTIONS: readonly OptionDef[] = [];
