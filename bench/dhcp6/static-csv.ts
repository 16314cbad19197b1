import { closeSync, openSync, writeSync } from 'node:fs';
import { bigIntToIpv6, ipv6ToBigInt } from '../../src/protocol/net6.js';
import { perfdhcpDuid } from './perfdhcp-clients.js';

/**
 * The static assignment CSV for the bench: one line per perfdhcp client
 * number r < lines, keyed by its DUID, with an address (and, for IA_PD
 * modes, a /60). Both ranges lie outside the subnet's dynamic pools, so a
 * lease shows which path gave it.
 */

/** 2^20 addresses, beside the dynamic pool 2001:db8:1::10:0/108 in the same /64. */
const ADDRESS_BASE = ipv6ToBigInt('2001:db8:1:0:2::')!;
/** 2^20 /60s, beside the dynamic pd-pool 2001:db8:8000::/40. */
const PREFIX_BASE = ipv6ToBigInt('2001:db8:4000::')!;
const PREFIX_LEN = 60;
export const MAX_LINES = 2 ** 20;

export const staticAddress = (r: number): string => bigIntToIpv6(ADDRESS_BASE + BigInt(r));
export const staticPrefix = (r: number): string => `${bigIntToIpv6(PREFIX_BASE + (BigInt(r) << BigInt(128 - PREFIX_LEN)))}/${PREFIX_LEN}`;

/**
 * Write `lines` entries. Clients are written in a scattered order (r = i ×
 * stride mod lines), so the few thousand a run uses are spread over the whole
 * table as they would be in a real file, not packed together at its start.
 */
export function writeStaticCsv(path: string, lines: number, withPrefix: boolean): void {
  if (lines > MAX_LINES) throw new Error(`static CSV: at most ${MAX_LINES} lines (the address and prefix ranges are 2^20)`);
  let stride = 7919;
  while (gcd(stride, lines) !== 1) stride++;
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `# perfdhcp clients for bench/dhcp6 (static part); ${lines} entries\nid-type,id,address,prefix\n`);
    let chunk: string[] = [];
    for (let i = 0; i < lines; i++) {
      const r = (i * stride) % lines;
      chunk.push(`duid,${perfdhcpDuid(r)},${staticAddress(r)}${withPrefix ? `,${staticPrefix(r)}` : ''}\n`);
      if (chunk.length === 50_000) {
        writeSync(fd, chunk.join(''));
        chunk = [];
      }
    }
    writeSync(fd, chunk.join(''));
  } finally {
    closeSync(fd);
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
