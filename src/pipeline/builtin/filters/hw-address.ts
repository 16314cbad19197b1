import { idSetFilter } from './id-set.js';

export const hwAddressFilter = idSetFilter(
  'hw-address',
  "Matches the client's link-layer address: the relay's client link-layer address option (RFC 6939) or, without one, what the server derives from the DUID.",
  'MAC addresses as hex, e.g. 00:11:22:33:44:55, 00-11-22-33-44-55, 0011.2233.4455 or 001122334455',
  false,
);
