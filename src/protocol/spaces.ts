import { defineSpace, type Space } from './options.js';
import { DHCP6_OPTIONS, NTP_SUBOPTIONS } from './v6/options.js';
import { AGENT_SUBOPTIONS, DHCP4_OPTIONS } from './v4/options.js';

/** The standard option spaces, built once (definitions are compiled at load). */
let cached: Space[] | undefined;

export function standardSpaces(): Space[] {
  return (cached ??= [
    defineSpace('dhcp6', 'dhcp6', DHCP6_OPTIONS),
    defineSpace('v6-ntp-server-suboptions', 'dhcp6', NTP_SUBOPTIONS),
    defineSpace('vendor-opts', 'dhcp6', []),
    defineSpace('dhcp4', 'dhcp4', DHCP4_OPTIONS),
    defineSpace('dhcp-agent-options-space', 'dhcp4', AGENT_SUBOPTIONS),
    defineSpace('vendor-encapsulated-options-space', 'dhcp4', []),
    // Vendor-identifying options (RFC 3925 §4) of enterprises with no "vendor4-<number>" space.
    defineSpace('vendor4-opts', 'dhcp4', []),
  ]);
}
