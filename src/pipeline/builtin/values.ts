import { z } from 'zod';
import { checkAddress, checkId, checkPrefix, MAX_ID_BYTES, type Checked } from '../../store/assignments/identifiers.js';

/**
 * Config value schemas shared by the built-ins. Each turns what an operator
 * writes into the canonical text of RequestIds (lowercase hex, no separators;
 * remote-id `ENTERPRISE:HEX`) at load, so per-packet work is a Set lookup.
 *
 * Alternatives (hex or `{text}`) are one union that checks only the shape,
 * then one transform that checks the value: a plain union of two checking
 * schemas would report only "Invalid input" when both fail.
 */

/** Identifier types whose canonical form is plain hex bytes. */
export type HexIdType = 'duid' | 'hw-address' | 'interface-id' | 'subscriber-id';

/** Longest list a filter takes; bigger sets belong in an assignment source. */
export const MAX_VALUES = 100_000;

// Cisco-style 0011.2233.4455: dots between groups of four digits.
const DOTTED = /^[0-9a-f]{4}(?:\.[0-9a-f]{4})+$/i;
const HEX_BYTES = /^[0-9a-f]{2}(?:[:-]?[0-9a-f]{2})*$/i;

type Path = (string | number)[];

/** The value, or an issue at `path` and z.NEVER (a marker zod discards, not a throw). */
function accept(c: Checked, ctx: z.RefinementCtx, path: Path = []): string {
  if (c.error === undefined) return c.value;
  ctx.addIssue({ code: 'custom', path, message: c.error });
  return z.NEVER;
}

function idHex(type: HexIdType, s: string): Checked {
  return checkId(type, DOTTED.test(s) ? s.replaceAll('.', '') : s);
}

function bytesHex(s: string, maxBytes: number): Checked {
  if (!HEX_BYTES.test(s)) return { error: `bad hex ${JSON.stringify(s.slice(0, 60))}: expected bytes such as 00:11:22 or 001122` };
  const hex = s.replace(/[:-]/g, '').toLowerCase();
  return hex.length > 2 * maxBytes ? { error: `longer than ${maxBytes} bytes` } : { value: hex };
}

function textHex(text: string, maxBytes: number): Checked {
  if (text.length === 0) return { error: 'empty text' };
  const hex = Buffer.from(text, 'utf8').toString('hex');
  return hex.length > 2 * maxBytes ? { error: `longer than ${maxBytes} bytes in UTF-8` } : { value: hex };
}

/** Hex bytes of one identifier, with ':', '-' or '.' separators allowed, any case. */
export function hexId(type: HexIdType) {
  return z.string().transform((s, ctx) => accept(idHex(type, s), ctx));
}

const textShape = z.strictObject({ text: z.string().describe('The value as text; its UTF-8 bytes are matched') });

function hexOrText(hex: (s: string) => Checked, maxBytes: number) {
  return z
    .union([z.string(), textShape], { error: 'expected hex bytes such as 00:11:22, or {"text": "..."}' })
    .transform((v, ctx) => (typeof v === 'string' ? accept(hex(v), ctx) : accept(textHex(v.text, maxBytes), ctx, ['text'])));
}

/** An identifier as hex bytes, or `{"text": ...}` for ids that relays fill with readable strings. */
export function opaqueId(type: HexIdType) {
  return hexOrText((s) => idHex(type, s), MAX_ID_BYTES[type]);
}

/** Option content (not an identifier) as hex bytes or `{"text": ...}`. */
export function opaqueBytes(maxBytes: number) {
  return hexOrText((s) => bytesHex(s, maxBytes), maxBytes);
}

/** Option content as hex bytes only. */
export function hexBytes(maxBytes: number) {
  return z.string().transform((s, ctx) => accept(bytesHex(s, maxBytes), ctx));
}

/** A non-empty, bounded list of values; the set of their canonical forms is built once. */
export function valueList<T extends z.ZodType>(item: T, what: string) {
  return z.array(item).min(1, `list at least one ${what}`).max(MAX_VALUES);
}

/** One remote-id pattern; an absent part matches anything. */
export interface RemoteIdPattern {
  enterprise?: number;
  id?: string;
}

// RFC 4649 §3: the option holds a 4-byte enterprise number before the id.
const REMOTE_ID_BYTES = MAX_ID_BYTES['remote-id'] - 4;

const remoteIdShape = z.strictObject({
  enterprise: z.number().int().min(0).max(0xffffffff).optional().describe('Enterprise number of the relay vendor (IANA); absent matches any'),
  id: z.string().optional().describe('The remote-id as hex bytes; absent matches any id of the enterprise'),
  text: z.string().optional().describe('The remote-id as text (its UTF-8 bytes), instead of id'),
});

function remoteIdObject(o: z.output<typeof remoteIdShape>, ctx: z.RefinementCtx): RemoteIdPattern {
  if (o.id !== undefined && o.text !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['text'], message: 'give "id" or "text", not both' });
    return z.NEVER;
  }
  if (o.enterprise === undefined && o.id === undefined && o.text === undefined) {
    ctx.addIssue({ code: 'custom', message: 'give "enterprise", "id" or "text" (an empty pattern would match every remote-id)' });
    return z.NEVER;
  }
  let id: string | undefined;
  if (o.id !== undefined) id = accept(bytesHex(o.id, REMOTE_ID_BYTES), ctx, ['id']);
  else if (o.text !== undefined) id = accept(textHex(o.text, REMOTE_ID_BYTES), ctx, ['text']);
  return { enterprise: o.enterprise, id };
}

function remoteIdText(s: string, ctx: z.RefinementCtx): RemoteIdPattern {
  const c = checkId('remote-id', s);
  if (c.error !== undefined) return accept(c, ctx) as never;
  const canonical = c.value;
  const colon = canonical.indexOf(':');
  return { enterprise: Number(canonical.slice(0, colon)), id: canonical.slice(colon + 1) };
}

/** `"ENTERPRISE:HEX"` or `{enterprise?, id? | text?}`. */
export const remoteIdPattern = z
  .union([z.string(), remoteIdShape], { error: 'expected "ENTERPRISE:HEX" such as "4491:00:11:22", or {"enterprise"?, "id"? | "text"?}' })
  .transform((v, ctx) => (typeof v === 'string' ? remoteIdText(v, ctx) : remoteIdObject(v, ctx)));

/** An address a client can hold, in RFC 5952 form. */
export const clientAddress = z.string().transform((s, ctx) => accept(checkAddress(s), ctx));

/** A delegable prefix `ADDRESS/LEN`, host bits zero, in RFC 5952 form. */
export const delegatedPrefix = z.string().transform((s, ctx) => accept(checkPrefix(s), ctx));

/** A mark set by `mark` and tested by `marked` (and by expressions). */
export const markName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'a mark is 1 to 64 letters, digits, "_", "." or "-", starting with a letter or digit');
