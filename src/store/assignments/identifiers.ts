import { formatIpv6, parseIpv6Into } from '../../protocol/index.js';
import { flatAscii, flatText } from './flat-text.js';
import { IDENTIFIER_TYPES, type IdentifierType } from '../../pipeline/types.js';

/**
 * Canonical text of identifiers, addresses and prefixes, so one client or one
 * resource can never be stored under two spellings. Identifiers follow
 * RequestIds: lowercase hex without separators; remote-id `ENTERPRISE:HEX`
 * (RFC 4649, enterprise in decimal); flex-id the expression's value, trimmed.
 * These run once per CSV line, so the common already-canonical case allocates
 * nothing.
 */

/** A parsed value or why it was refused; the reason names the value. */
export type Checked = { value: string; error?: undefined } | { value?: undefined; error: string };

/** Longest identifier in bytes (flex-id: characters). DUID: RFC 8415 §11.1 (128 + type code); hw-address: Kea's limit. */
export const MAX_ID_BYTES: Readonly<Record<IdentifierType, number>> = {
  duid: 130,
  'hw-address': 20,
  'interface-id': 255,
  'remote-id': 255,
  'subscriber-id': 255,
  'flex-id': 255,
};

const TYPES = new Set<string>(IDENTIFIER_TYPES);

export function isIdentifierType(s: string): s is IdentifierType {
  return TYPES.has(s);
}

const BY_NAME = new Map<string, IdentifierType>(IDENTIFIER_TYPES.map((t) => [t, t]));

/** The shared constant for a type name (so a million entries do not each hold a copy), or undefined. */
export function identifierType(s: string): IdentifierType | undefined {
  return BY_NAME.get(s);
}

const FORMAT: Readonly<Record<IdentifierType, string>> = {
  duid: 'hex bytes such as 00:01:00:01:2c:4d:5e:6f:00:11:22:33:44:55',
  'hw-address': 'hex bytes such as 00:11:22:33:44:55',
  'interface-id': 'hex bytes such as 65:74:68:30',
  'remote-id': 'ENTERPRISE:HEX such as 4491:00:11:22:33',
  'subscriber-id': 'hex bytes such as 73:75:62:31',
  'flex-id': 'non-empty text',
};

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * Hex bytes, any case, optionally split by ':' or '-' into groups of whole
 * bytes. A group of one digit ("0:1:2:3:4:5") is refused rather than guessed.
 */
function canonicalHex(s: string, maxBytes: number): string | undefined {
  let digits = 0;
  let group = 0;
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66)) {
      group++;
    } else if (c >= 0x41 && c <= 0x46) {
      group++;
      plain = false;
    } else if (c === 0x3a || c === 0x2d) {
      if (group === 0 || group % 2 !== 0) return undefined;
      digits += group;
      group = 0;
      plain = false;
    } else return undefined;
  }
  if (group === 0 || group % 2 !== 0) return undefined;
  digits += group;
  if (digits > 2 * maxBytes) return undefined;
  return plain ? flatAscii(s) : s.replace(/[:-]/g, '').toLowerCase();
}

function canonicalRemoteId(s: string): string | undefined {
  const colon = s.indexOf(':');
  if (colon < 1 || colon > 10) return undefined;
  let enterprise = 0;
  for (let i = 0; i < colon; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
    enterprise = enterprise * 10 + (c - 0x30);
  }
  if (enterprise > 0xffffffff) return undefined;
  const tail = s.slice(colon + 1);
  const hex = canonicalHex(tail, MAX_ID_BYTES['remote-id'] - 4);
  if (hex === undefined) return undefined;
  const head = String(enterprise);
  // Reuse the input when it already is canonical (no leading zeros, hex untouched).
  return head.length === colon && hex === tail ? flatAscii(s) : `${head}:${hex}`;
}

function trimmed(s: string): string {
  return s.length > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1))) ? s.trim() : s;
}

/** Canonical identifier text, or undefined when `text` is not a valid identifier of `type`. */
export function canonicalId(type: IdentifierType, text: string): string | undefined {
  const s = trimmed(text);
  switch (type) {
    case 'remote-id':
      return canonicalRemoteId(s);
    case 'flex-id':
      return s.length > 0 && s.length <= MAX_ID_BYTES['flex-id'] ? s : undefined;
    case 'duid':
    case 'hw-address':
    case 'interface-id':
    case 'subscriber-id':
      return canonicalHex(s, MAX_ID_BYTES[type]);
    default:
      return undefined;
  }
}

/** `canonicalId` with a reason naming the type and the expected form. */
export function checkId(type: IdentifierType, text: string): Checked {
  const value = canonicalId(type, text);
  if (value !== undefined) return { value };
  return { error: `bad ${type} ${JSON.stringify(clip(text))}: expected ${FORMAT[type]} (at most ${MAX_ID_BYTES[type]} ${type === 'flex-id' ? 'characters' : 'bytes'})` };
}

const scratch = new Uint8Array(16);

/** Refuse addresses no client can hold: unspecified, loopback, multicast. */
function specialAddress(b: Uint8Array): string | undefined {
  if (b[0] === 0xff) return 'a multicast address';
  let zero = true;
  for (let i = 0; i < 15; i++) if (b[i] !== 0) zero = false;
  if (zero && b[15] === 0) return 'the unspecified address';
  if (zero && b[15] === 1) return 'the loopback address';
  return undefined;
}

/** RFC 5952 text of an address a client can be given. */
export function checkAddress(text: string): Checked {
  const s = trimmed(text);
  if (!parseIpv6Into(s, scratch)) return { error: `bad address ${JSON.stringify(clip(text))}: not an IPv6 address` };
  const special = specialAddress(scratch);
  if (special) return { error: `bad address ${JSON.stringify(clip(text))}: ${special}` };
  return { value: flatText(scratch, -1) };
}

/** `ADDRESS/LEN`, LEN 1..128, host bits zero, address in RFC 5952 form. */
export function checkPrefix(text: string): Checked {
  const s = trimmed(text);
  const bad = (why: string): Checked => ({ error: `bad prefix ${JSON.stringify(clip(text))}: ${why}` });
  const slash = s.indexOf('/');
  if (slash < 0) return bad('expected ADDRESS/LENGTH such as 2001:db8:1200::/56');
  let len = 0;
  const lenText = s.length - slash - 1;
  if (lenText < 1 || lenText > 3) return bad('the length must be 1 to 128');
  for (let i = slash + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return bad('the length must be 1 to 128');
    len = len * 10 + (c - 0x30);
  }
  if (len < 1 || len > 128) return bad('the length must be 1 to 128');
  if (!parseIpv6Into(s.slice(0, slash), scratch)) return bad('not an IPv6 address before the "/"');
  if (scratch[0] === 0xff) return bad('a multicast prefix');
  let hostBits = false;
  for (let bit = len; bit < 128; bit++) {
    if (bit % 8 === 0) {
      // Whole bytes at once; the loop only walks bits inside the boundary byte.
      for (let k = bit / 8; k < 16; k++) if (scratch[k] !== 0) hostBits = true;
      break;
    }
    if (scratch[bit >> 3]! & (0x80 >> (bit & 7))) hostBits = true;
  }
  if (hostBits) {
    for (let bit = len; bit < 128; bit++) scratch[bit >> 3] &= ~(0x80 >> (bit & 7));
    return bad(`host bits set (did you mean ${formatIpv6(scratch)}/${len}?)`);
  }
  return { value: flatText(scratch, len) };
}

export function canonicalAddress(text: string): string | undefined {
  return checkAddress(text).value;
}

export function canonicalPrefix(text: string): string | undefined {
  return checkPrefix(text).value;
}

/** Keep error messages bounded when a field is huge. */
export function clip(s: string, max = 80): string {
  return s.length <= max ? s : `${s.slice(0, max)}…`;
}
