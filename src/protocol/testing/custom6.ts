import fc from 'fast-check';
import { hexBytes, plainRecord, u8 } from './values.js';

/**
 * Arbitraries for the DHCPv6 options with hand-written codecs (`custom`
 * fields), in the JSON form each codec decodes to. Add one here with each new
 * custom codec: the property tests fail loudly until it exists.
 */

/** RFC 7037 §4 (v6/radius.ts): RADIUS attributes as [{type, value}]. */
export const radiusAttributes = fc.array(plainRecord({ type: u8, value: hexBytes(0, 16) }), { maxLength: 3 });

/** RFC 7598 §4.5 (v6/portparams.ts): the PSID is a value of psidLen bits, offset 0..15. */
export const portParams = fc.integer({ min: 0, max: 16 }).chain((psidLen) =>
  plainRecord({
    offset: fc.integer({ min: 0, max: 15 }),
    psidLen: fc.constant(psidLen),
    psid: fc.integer({ min: 0, max: 2 ** psidLen - 1 }),
  }),
);
