import type { FieldContext } from './fields.js';
import { compiledDef, type CompiledDef, type Option, type Space } from './options.js';
import { Reader } from './reader.js';
import type { Writer } from './writer.js';
import { SlabWriter } from './slab-writer.js';
import { DecodeError, EncodeError, LimitError, within } from './errors.js';
import { hexOf } from './hex.js';
import { readMessage6, writeMessage6, type Message6 } from './v6/message.js';
import { readMessage4, writeMessage4, type Message4 } from './v4/message.js';
import { standardSpaces } from './spaces.js';

/** RFC 8415 §7.6 sets HOP_COUNT_LIMIT to 8; we accept up to 32 nested relay headers when decoding. */
export const MAX_RELAY_DEPTH = 32;
/** Options per decoded message, counting nested ones. A 64 KiB packet holds at most 16 K. */
export const MAX_OPTIONS = 8192;
/** Option lists nested in one another (IA in client-data in relay-msg ...), so recursion stays bounded. */
export const MAX_OPTION_NESTING = 128;

/**
 * A codec: a set of option spaces (the standard ones, plus any custom
 * definitions from config) and the scratch state of one decode or encode call.
 * Pure: no I/O; its only state is reset at the start of every top-level call.
 */
export class Codec implements FieldContext {
  readonly spaces: ReadonlyMap<string, Space>;
  /** Nested messages entered in the current decode (relay chains, lq-relay-data, DHCPv4-msg). */
  depth = 0;
  optionCount = 0;
  listDepth = 0;
  private readonly writer = new SlabWriter();
  /** The last space looked up: nearly every list in a message is in the same one. */
  private lastSpaceName = '';
  private lastSpace: Space | undefined;

  constructor(spaces: Iterable<Space> = standardSpaces()) {
    const m = new Map<string, Space>();
    for (const s of spaces) m.set(s.name, s);
    this.spaces = m;
  }

  hasSpace(name: string): boolean {
    return this.spaces.has(name);
  }

  space(name: string): Space {
    if (name === this.lastSpaceName && this.lastSpace !== undefined) return this.lastSpace;
    const s = this.spaces.get(name);
    if (!s) throw new Error(`unknown option space ${name}`);
    this.lastSpaceName = name;
    this.lastSpace = s;
    return s;
  }

  /** Bytes → DHCPv6 message, or the DecodeError saying where and why. Never throws. */
  decode6(buf: Uint8Array): Message6 | DecodeError {
    const r = this.begin(buf);
    // Each entry point calls its reader directly: a shared one taking it as a parameter costs an indirect call.
    try {
      return readMessage6(r, this);
    } catch (e) {
      return decodeFailure(e);
    }
  }

  /** Bytes → DHCPv4 message, or the DecodeError saying where and why. Never throws. */
  decode4(buf: Uint8Array): Message4 | DecodeError {
    const r = this.begin(buf);
    try {
      return readMessage4(r, this);
    } catch (e) {
      return decodeFailure(e);
    }
  }

  /** Reset the per-call state; a Reader over buf. */
  private begin(buf: Uint8Array): Reader {
    this.depth = 0;
    this.optionCount = 0;
    this.listDepth = 0;
    return new Reader(buf);
  }

  /** DHCPv6 message (JSON form) → a fresh Buffer. Throws EncodeError naming the bad field. */
  encode6(msg: Message6): Buffer {
    const w = this.writer;
    w.reset();
    this.listDepth = 0;
    writeMessage6(w, msg, this, 'message');
    return w.take();
  }

  /** `maxSize`: the client's maximum message size (option 57); options beyond it overflow into file/sname when option 52 allows. */
  encode4(msg: Message4, maxSize?: number): Buffer {
    const w = this.writer;
    w.reset();
    this.listDepth = 0;
    writeMessage4(w, msg, this, 'message', maxSize);
    return w.take();
  }

  // FieldContext: how nested fields reach option spaces and messages.

  readOptions(r: Reader, spaceName: string): Option[] {
    const space = this.space(spaceName);
    if (++this.listDepth > MAX_OPTION_NESTING) throw new LimitError(r.pos, `options nested deeper than ${MAX_OPTION_NESTING}`);
    try {
      return space.format === 'dhcp6' ? this.readOptions16(r, space) : this.readOptions8(r, space);
    } finally {
      this.listDepth--;
    }
  }

  writeOptions(w: Writer, v: unknown, spaceName: string, path: string): void {
    if (!Array.isArray(v)) throw new EncodeError(path, 'expected an array of options');
    const space = this.space(spaceName);
    const wide = space.format === 'dhcp6';
    if (++this.listDepth > MAX_OPTION_NESTING) throw new EncodeError(path, `options nested deeper than ${MAX_OPTION_NESTING}`);
    let i = 0;
    try {
      for (; i < v.length; i++) this.writeOption(w, v[i], space, wide, '');
    } catch (e) {
      within(e, `${path}[${i}]`);
    } finally {
      this.listDepth--;
    }
  }

  readMessage6(r: Reader): Message6 {
    if (++this.depth > MAX_RELAY_DEPTH) throw new LimitError(r.pos, `messages nested deeper than ${MAX_RELAY_DEPTH}`);
    try {
      return readMessage6(r, this);
    } finally {
      this.depth--;
    }
  }

  writeMessage6(w: Writer, v: unknown, path: string): void {
    writeMessage6(w, v as Message6, this, path);
  }

  readMessage4(r: Reader): Message4 {
    if (++this.depth > MAX_RELAY_DEPTH) throw new LimitError(r.pos, `messages nested deeper than ${MAX_RELAY_DEPTH}`);
    try {
      return readMessage4(r, this);
    } finally {
      this.depth--;
    }
  }

  writeMessage4(w: Writer, v: unknown, path: string): void {
    writeMessage4(w, v as Message4, this, path);
  }

  /** One option body in [r.pos, bodyEnd): typed if it parses, else kept raw with the reason. */
  readOptionBody(r: Reader, space: Space, code: number, bodyEnd: number): Option {
    if (++this.optionCount > MAX_OPTIONS) throw new LimitError(r.pos, `more than ${MAX_OPTIONS} options`);
    const c = compiledDef(space, code);
    const start = r.pos;
    if (!c) {
      r.pos = bodyEnd;
      return { code, raw: hexOf(r.buf, start, bodyEnd) };
    }
    const savedEnd = r.end;
    r.end = bodyEnd;
    let value: unknown;
    try {
      value = c.codec.decode(r, this);
    } catch (e) {
      r.end = savedEnd;
      r.pos = bodyEnd;
      if (!(e instanceof DecodeError) || e instanceof LimitError) throw e;
      return unparsed(r, c, code, start, bodyEnd, e);
    }
    const stop = r.pos;
    r.end = savedEnd;
    r.pos = bodyEnd;
    if (stop !== bodyEnd) return unparsed(r, c, code, start, bodyEnd, new DecodeError(stop, `${bodyEnd - stop} trailing bytes in ${c.def.name}`));
    return value === undefined ? { code, name: c.def.name } : { code, name: c.def.name, value };
  }

  private readOptions16(r: Reader, space: Space): Option[] {
    const out: Option[] = [];
    const b = r.buf;
    const end = r.end; // readOptionBody restores it
    while (r.pos < end) {
      const at = r.pos;
      if (end - at < 4) {
        // Truncated header: the Reader names which field is cut short.
        r.u16('option code');
        r.u16('option length');
      }
      const code = (b[at]! << 8) | b[at + 1]!;
      const len = (b[at + 2]! << 8) | b[at + 3]!;
      r.pos = at + 4;
      if (len > end - at - 4) r.fail(`option ${code} length ${len} runs past its container (${end - at - 4} left)`, at);
      out.push(this.readOptionBody(r, space, code, at + 4 + len));
    }
    return out;
  }

  private readOptions8(r: Reader, space: Space): Option[] {
    const out: Option[] = [];
    const b = r.buf;
    const end = r.end;
    while (r.pos < end) {
      const at = r.pos;
      if (end - at < 2) {
        r.u8('suboption code');
        r.u8('suboption length');
      }
      const code = b[at]!;
      const len = b[at + 1]!;
      r.pos = at + 2;
      if (len > end - at - 2) r.fail(`suboption ${code} length ${len} runs past its container (${end - at - 2} left)`, at);
      out.push(this.readOptionBody(r, space, code, at + 2 + len));
    }
    return out;
  }

  /** Write one option (code, length, body) in a 16-bit (DHCPv6) or 8-bit (sub-option) space. */
  writeOption(w: Writer, v: unknown, space: Space, wide: boolean, path: string): void {
    if (typeof v !== 'object' || v === null) throw new EncodeError(path, 'expected an option object');
    const o = v as Option;
    const code = this.resolveCode(o, space, path);
    // The header is written in place and its length filled in after the body.
    const at = w.pos;
    const head = wide ? 4 : 2;
    w.reserve(head);
    w.pos = at + head;
    this.writeOptionBody(w, o, code, space, path);
    const len = w.pos - at - head;
    const b = w.buf; // the body may have grown it
    if (wide) {
      if (len > 0xffff) throw new EncodeError(path, `${len} bytes does not fit a 16-bit length`);
      b[at] = code >>> 8;
      b[at + 1] = code;
      b[at + 2] = len >>> 8;
      b[at + 3] = len;
    } else {
      if (len > 0xff) throw new EncodeError(path, `${len} bytes does not fit a 8-bit length`);
      b[at] = code;
      b[at + 1] = len;
    }
  }

  resolveCode(o: Option, space: Space, path: string): number {
    if (o.code !== undefined) {
      const max = space.format === 'dhcp6' ? 0xffff : 0xff;
      if (typeof o.code !== 'number' || !Number.isInteger(o.code) || o.code < 0 || o.code > max) throw new EncodeError(`${path}.code`, `expected an integer 0..${max}`);
      return o.code;
    }
    if (typeof o.name === 'string') {
      const c = space.byName.get(o.name);
      if (!c) throw new EncodeError(`${path}.name`, `no option "${o.name}" in space ${space.name}`);
      return c.def.code;
    }
    throw new EncodeError(path, 'an option needs a code or a name');
  }

  writeOptionBody(w: Writer, o: Option, code: number, space: Space, path: string): void {
    if (o.raw !== undefined) {
      w.hexChecked(o.raw, `${path}.raw`);
      return;
    }
    const c = compiledDef(space, code);
    if (!c) throw new EncodeError(path, `option ${code} is not defined in space ${space.name}: give its bytes as "raw"`);
    try {
      c.codec.encode(w, o.value, this, '');
    } catch (e) {
      within(e, `${path}(${c.def.name})`);
    }
  }
}

/** What a decode entry point returns for what its reader threw: DecodeErrors are results, anything else a bug. */
function decodeFailure(e: unknown): DecodeError {
  if (e instanceof DecodeError) return e;
  throw e;
}

/** A known option whose body does not parse: its bytes, and why. */
function unparsed(r: Reader, c: CompiledDef, code: number, start: number, bodyEnd: number, e: DecodeError): Option {
  return { code, name: c.def.name, raw: hexOf(r.buf, start, bodyEnd), error: `${e.reason} at offset ${e.offset}` };
}

let shared: Codec | undefined;

/** The codec with the standard option definitions only. */
export function standardCodec(): Codec {
  return (shared ??= new Codec());
}
