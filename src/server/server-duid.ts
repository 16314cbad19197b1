import type { Duid } from '../protocol/index.js';

/** RFC 8415 §11.2: DUID-LLT time counts seconds from midnight UTC, 1 January 2000. */
const DUID_EPOCH = 946684800;

/**
 * A new server DUID: DUID-LLT over a MAC of this machine when there is one
 * (what Kea creates), else DUID-LL over a random locally administered MAC.
 * Created once, then persisted: the server identifier must not change.
 */
export function makeServerDuid(mac: string | undefined, nowSeconds: number, random: () => number): Duid {
  if (mac && /^[0-9a-f]{12}$/.test(mac) && mac !== '000000000000') {
    const time = (nowSeconds - DUID_EPOCH) >>> 0;
    const hex = '00010001' + time.toString(16).padStart(8, '0') + mac;
    return { type: 'LLT', hwtype: 1, time, lladdr: mac, hex };
  }
  const bytes = Array.from({ length: 6 }, () => Math.floor(random() * 256));
  bytes[0] = (bytes[0]! & 0xfc) | 0x02; // unicast, locally administered
  const lladdr = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return { type: 'LL', hwtype: 1, lladdr, hex: '00030001' + lladdr };
}
