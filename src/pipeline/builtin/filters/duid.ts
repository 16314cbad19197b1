import { idSetFilter } from './id-set.js';

export const duidFilter = idSetFilter(
  'duid',
  "Matches clients by DUID (RFC 8415 §11), the client identifier option's content.",
  'DUIDs as hex bytes, separators ":" or "-" allowed, e.g. 00:01:00:01:2c:4d:5e:6f:00:11:22:33:44:55',
  false,
);
