import type { Expected } from './fields.js';

/**
 * How tshark 4.0 prints DHCPv4 values, and the RFC wire layouts of values
 * tshark shows only as bytes, both computed here from our JSON form without
 * our encoder, so the comparison stays independent of it.
 */

export const one = (x: string | number): string[] => [String(x)];
export const list = (xs: readonly (string | number)[]): string[] => xs.map(String);
/** FT_BOOLEAN */
export const flag = (b: boolean): string => (b ? '1' : '0');
/** FT_UINT8/16/32 shown in hex: "0x05". */
export const hexOf = (n: number, digits: number): string => `0x${n.toString(16).padStart(digits, '0')}`;
/** FT_BYTES and FT_ETHER: colon-separated lowercase hex. */
export const bytes = (hex: string): string => (hex.toLowerCase().match(/../g) ?? []).join(':');
/** tshark prints domain names without the root label's dot. */
export const dotless = (name: string): string => name.replace(/\.$/, '');

/**
 * A byte string tshark shows as text (FT_STRINGZ): up to the first NUL,
 * invalid UTF-8 as U+FFFD.
 */
export function asText(hex: string): string {
  const b = Buffer.from(hex, 'hex');
  const nul = b.indexOf(0);
  return new TextDecoder().decode(nul < 0 ? b : b.subarray(0, nul));
}

// Wire layouts (hex), for values tshark shows only as bytes.

export const textHex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');
export const u8Hex = (n: number): string => n.toString(16).padStart(2, '0');
export const u16Hex = (n: number): string => n.toString(16).padStart(4, '0');
export const u32Hex = (n: number): string => n.toString(16).padStart(8, '0');
export const ipv4Hex = (a: string): string => a.split('.').map((x) => u8Hex(Number(x))).join('');
/** RFC 1035 §3.1, uncompressed. */
export const nameHex = (name: string): string =>
  dotless(name)
    .split('.')
    .map((label) => u8Hex(label.length) + textHex(label))
    .join('') + '00';
/** Length-prefixed items (RFC 3004 user class, RFC 8572 URIs). */
export const itemsHex = (items: readonly string[], lenBytes: 1 | 2): string =>
  items.map((h) => (lenBytes === 1 ? u8Hex : u16Hex)(h.length / 2) + h).join('');

/** [code, body hex] of each suboption in `hex`: code(1) length(1) body. */
export function tlvs(hex: string): [number, string][] {
  const out: [number, string][] = [];
  for (let i = 0; i < hex.length; ) {
    const len = parseInt(hex.slice(i + 2, i + 4), 16);
    out.push([parseInt(hex.slice(i, i + 2), 16), hex.slice(i + 4, i + 4 + 2 * len)]);
    i += 4 + 2 * len;
  }
  return out;
}

/** The expectations of several parts of one option, each field's values in order. */
export function merge(parts: readonly Expected[]): Expected {
  const out: Record<string, string[]> = {};
  for (const p of parts) for (const [field, values] of Object.entries(p)) (out[field] ??= []).push(...values);
  return out;
}
