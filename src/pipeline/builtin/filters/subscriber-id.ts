import { idSetFilter } from './id-set.js';

export const subscriberIdFilter = idSetFilter(
  'subscriber-id',
  'Matches the subscriber-id option (RFC 4580) a relay adds: an opaque id of the subscriber, independent of the line.',
  'Subscriber-ids as hex bytes, or {"text": "..."} for their UTF-8 bytes',
  true,
);
