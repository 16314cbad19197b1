import { idSetFilter } from './id-set.js';

export const interfaceIdFilter = idSetFilter(
  'interface-id',
  'Matches the interface-id option (RFC 8415 §21.18) of the relay closest to the client: the port or line the request came in on.',
  'Interface-ids as hex bytes, or {"text": "..."} for the readable ones many relays send (e.g. {"text": "ge-0/0/1.100"})',
  true,
);
