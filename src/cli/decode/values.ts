import type { Duid } from '../../protocol/index.js';

/** Plain-text forms of single values for the text printer. */

/** Hex, with the ASCII alongside when every byte is printable. */
export function hexAscii(hex: string): string {
  if (hex === '') return '(empty)';
  let ascii = '';
  for (let i = 0; i < hex.length; i += 2) {
    const c = parseInt(hex.slice(i, i + 2), 16);
    if (c < 0x20 || c > 0x7e) return hex;
    ascii += String.fromCharCode(c);
  }
  return `${hex} ${JSON.stringify(ascii)}`;
}

/** aa:bb:cc:dd:ee:ff for 6-byte Ethernet addresses (hardware type 1), plain hex otherwise. */
export function linkLayer(hex: string, hwtype: number): string {
  if (hwtype !== 1 || hex.length !== 12) return hex;
  return `${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}:${hex.slice(6, 8)}:${hex.slice(8, 10)}:${hex.slice(10)}`;
}

/** RFC 8415 §11.2: DUID-LLT time counts seconds from midnight UTC, 1 January 2000. */
const DUID_EPOCH_MS = Date.UTC(2000, 0, 1);

let lastDuidTime = NaN;
let lastDuidText = '';

/** A client's DUID shows up in every packet of its exchange: format its time once. */
function duidTime(seconds: number): string {
  if (seconds !== lastDuidTime) {
    lastDuidTime = seconds;
    lastDuidText = new Date(DUID_EPOCH_MS + seconds * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastDuidText;
}

/** The DUID's hex (what identifies the client, and what --duid takes), then its typed fields. */
export function duidText(d: Duid): string {
  switch (d.type) {
    case 'LLT': {
      const time = duidTime(d.time);
      return `${d.hex} (LLT hwtype ${d.hwtype} time ${time} lladdr ${linkLayer(d.lladdr, d.hwtype)})`;
    }
    case 'LL':
      return `${d.hex} (LL hwtype ${d.hwtype} lladdr ${linkLayer(d.lladdr, d.hwtype)})`;
    case 'EN':
      return `${d.hex} (EN enterprise ${d.enterprise} id ${hexAscii(d.id)})`;
    case 'UUID':
      return `${d.hex} (UUID ${d.uuid.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')})`;
    default:
      return `${d.hex} (type ${d.type})`;
  }
}

export function hex24(n: number): string {
  return `0x${n.toString(16).padStart(6, '0')}`;
}

export function hex32(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}

let cachedSecond = NaN;
let cachedPrefix = '';

/** ISO 8601 UTC with milliseconds, or undefined when the time is outside what Date can show. */
export function isoTime(ns: bigint): string | undefined {
  const ms = Number(ns / 1_000_000n);
  if (!(Math.abs(ms) <= 8.64e15)) return undefined;
  // Packets come in bursts: format each second once ("2024-05-01T10:00:00."), then add the milliseconds.
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedPrefix = new Date(second * 1000).toISOString().slice(0, -4);
  }
  return `${cachedPrefix}${String(ms - second * 1000).padStart(3, '0')}Z`;
}
