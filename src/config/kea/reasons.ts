/**
 * Why a Kea key has no place in a Fulmar config, by key name. Keys not
 * listed get the generic reason; the importer reports them all.
 */
const CLASSES = 'client classification is not supported: Fulmar serves this to every client';
const DDNS = 'DNS updates (DDNS) are not supported';
const RESERVATION_LOOKUP = "Fulmar looks reservations up in the client's subnet, by DUID then hw-address, and never hands reserved resources to others";
const ANNOTATION = 'Kea annotations are not carried over';
const CLIENT_HINTS = 'Fulmar gives the configured lifetime and ignores the lifetimes a client asks for';

const REASONS: Readonly<Record<string, string>> = {
  comment: ANNOTATION,
  'user-context': ANNOTATION,
  'client-class': CLASSES,
  'client-classes': CLASSES,
  'require-client-classes': CLASSES,
  'dhcp-ddns': DDNS,
  'hostname-char-set': DDNS,
  'hostname-char-replacement': DDNS,
  'reservation-mode': RESERVATION_LOOKUP,
  'reservations-global': RESERVATION_LOOKUP,
  'reservations-in-subnet': RESERVATION_LOOKUP,
  'reservations-out-of-pool': RESERVATION_LOOKUP,
  'host-reservation-identifiers': RESERVATION_LOOKUP,
  'early-global-reservations-lookup': RESERVATION_LOOKUP,
  'min-valid-lifetime': CLIENT_HINTS,
  'max-valid-lifetime': CLIENT_HINTS,
  'min-preferred-lifetime': CLIENT_HINTS,
  'max-preferred-lifetime': CLIENT_HINTS,
  'interface-id': 'subnet selection by the relay interface-id is not supported: use relay ip-addresses or interface',
  'server-id': 'Fulmar creates its own server DUID once and keeps it in its data-directory',
  'data-directory': 'Fulmar keeps its files in its own data-directory (default /var/lib/fulmar)',
  'hosts-database': 'host reservations in a database are not supported: Fulmar reads reservations from its config file',
  'hosts-databases': 'host reservations in a database are not supported: Fulmar reads reservations from its config file',
  'control-socket': "Fulmar's management API is not configured through this file",
  'multi-threading': 'Fulmar sizes its own concurrency',
  'dhcp-queue-control': "Fulmar's receive queue is set with receive-queue",
  'config-control': 'configuration backends are not supported',
  'server-tag': 'configuration backends are not supported',
  'relay-supplied-options': 'Fulmar does not echo relay-supplied options (RFC 6422)',
  'excluded-prefix': 'the Prefix Exclude option (RFC 6603) is not supported',
  'excluded-prefix-len': 'the Prefix Exclude option (RFC 6603) is not supported',
  'store-extended-info': 'Fulmar does not store relay information with leases',
  allocator: 'Fulmar has one allocator',
  reservations: 'global reservations are not supported: Fulmar looks reservations up in the subnet; move them into their subnets',
  're-detect': 'Fulmar opens its interfaces once, when it starts',
  Dhcp4: 'only the Dhcp6 part of a Kea config is converted',
  DhcpDdns: DDNS,
  'Control-agent': "Fulmar's management API is not configured through this file",
  Netconf: 'NETCONF is not supported',
  Logging: "Kea's old top-level Logging is not converted: move its loggers into Dhcp6",
  'pd-allocator': 'Fulmar has one allocator',
};

export function whyNotConverted(key: string): string {
  if (key in REASONS) return REASONS[key]!;
  if (key.startsWith('ddns-')) return DDNS;
  return 'Fulmar has no equivalent setting';
}
