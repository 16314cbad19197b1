/**
 * The client DUIDs perfdhcp 2.2 sends, so a static assignment table can hold
 * an entry for each. Found by capturing its Solicits (fulmar decode --json):
 * with -R N it numbers its clients 0, 1, 2, ... (mod N) from the start of
 * every invocation, and client r's MAC is the MAC template plus r added byte
 * by byte from the right, each byte mod 256 with no carry (r = 252 on
 * ...:03:04 gives ...:03:00; r = 256 gives ...:04:04). The DUID is the DUID
 * template with its last 6 bytes replaced by that MAC.
 */

/** perfdhcp's own default MAC template, given explicitly so a change of default cannot shift the keys. */
const MAC_TEMPLATE = [0x00, 0x0c, 0x01, 0x02, 0x03, 0x04];
/**
 * DUID-LLT, Ethernet, a fixed time. perfdhcp's default template is also
 * DUID-LLT (so packets keep their size), but stamped with the current time,
 * which would change every key on every invocation.
 */
const DUID_HEAD = '000100012c4d5e6f';

/** Arguments that make perfdhcp send exactly the DUIDs perfdhcpDuid() computes. */
export const FIXED_CLIENT_ARGS = ['-b', `mac=${MAC_TEMPLATE.map(hex2).join(':')}`, '-b', `duid=${DUID_HEAD}${MAC_TEMPLATE.map(hex2).join('')}`];

/** The DUID (lowercase hex, the canonical form of a CSV duid) of perfdhcp's client number r (0 ≤ r < 2^32). */
export function perfdhcpDuid(r: number): string {
  const mac = [...MAC_TEMPLATE];
  for (let i = mac.length - 1; i >= 0 && r > 0; i--) {
    mac[i] = (mac[i]! + (r % 256)) % 256;
    r = Math.floor(r / 256);
  }
  return DUID_HEAD + mac.map(hex2).join('');
}

/** The client number of a DUID perfdhcpDuid() made, or undefined for any other DUID. */
export function perfdhcpClient(duid: string): number | undefined {
  if (duid.length !== DUID_HEAD.length + 12 || !duid.startsWith(DUID_HEAD)) return undefined;
  let r = 0;
  for (let i = 0; i < MAC_TEMPLATE.length; i++) {
    const byte = parseInt(duid.slice(DUID_HEAD.length + 2 * i, DUID_HEAD.length + 2 * i + 2), 16);
    r = r * 256 + ((byte - MAC_TEMPLATE[i]! + 256) % 256);
  }
  return perfdhcpDuid(r) === duid ? r : undefined;
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}
