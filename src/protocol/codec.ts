import type { FieldContext } from './fields.js';
import type { Option, Space } from './options.js';
import { Reader } from './reader.js';
import { Writer } from './writer.js';
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
  private readonly writer = new Writer(2048);

  constructor(spaces: Iterable<Space> = standardSpaces()) {
    const m = new Map<string, Space>();
    for (const s of spaces) m.set(s.name, s);
    this.spaces = m;
  }

  hasSpace(name: string): boolean {
    return this.spaces.has(name);
  }

  space(name: string): Space {
    const s = this.spaces.get(name);
    if (!s) throw new Error(`unknown option space ${name}`);
    return s;
  }

  /** Bytes → DHCPv6 message, or the DecodeError saying where and why. Never throws. */
  decode6(buf: Uint8Array): Message6 | DecodeError {
    return this.decodeWith(readMessage6, buf);
  }

  /** Bytes → DHCPv4 message, or the DecodeError saying where and why. Never throws. */
  decode4(buf: Uint8Array): Message4 | DecodeError {
    return this.decodeWith(readMessage4, buf);
  }

  private decodeWith<M>(read: (r: Reader, codec: Codec) => M, buf: Uint8Array): M | DecodeError {
    this.depth = 0;
    this.optionCount = 0;
    this.listDepth = 0;
    try {
      return read(new Reader(buf), this);
    } catch (e) {
      if (e instanceof DecodeError) return e;
      throw e;
    }
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
    const c = space.byCode.get(code);
    const start = r.pos;
    if (!c) {
      r.pos = bodyEnd;
      return { code, raw: hexOf(r.buf, start, bodyEnd) };
    }
    const savedEnd = r.end;
    r.end = bodyEnd;
    try {
      const value = c.codec.decode(r, this);
      if (r.pos !== bodyEnd) r.fail(`${bodyEnd - r.pos} trailing bytes in ${c.def.name}`);
      return value === undefined ? { code, name: c.def.name } : { code, name: c.def.name, value };
    } catch (e) {
      if (!(e instanceof DecodeError) || e instanceof LimitError) throw e;
      return { code, name: c.def.name, raw: hexOf(r.buf, start, bodyEnd), error: `${e.reason} at offset ${e.offset}` };
    } finally {
      r.end = savedEnd;
      r.pos = bodyEnd;
    }
  }

  private readOptions16(r: Reader, space: Space): Option[] {
    const out: Option[] = [];
    while (r.pos < r.end) {
      const at = r.pos;
      const code = r.u16('option code');
      const len = r.u16('option length');
      if (len > r.end - r.pos) r.fail(`option ${code} length ${len} runs past its container (${r.end - r.pos} left)`, at);
      out.push(this.readOptionBody(r, space, code, r.pos + len));
    }
    return out;
  }

  private readOptions8(r: Reader, space: Space): Option[] {
    const out: Option[] = [];
    while (r.pos < r.end) {
      const at = r.pos;
      const code = r.u8('suboption code');
      const len = r.u8('suboption length');
      if (len > r.end - r.pos) r.fail(`suboption ${code} length ${len} runs past its container (${r.end - r.pos} left)`, at);
      out.push(this.readOptionBody(r, space, code, r.pos + len));
    }
    return out;
  }

  /** Write one option (code, length, body) in a 16-bit (DHCPv6) or 8-bit (sub-option) space. */
  writeOption(w: Writer, v: unknown, space: Space, wide: boolean, path: string): void {
    if (typeof v !== 'object' || v === null) throw new EncodeError(path, 'expected an option object');
    const o = v as Option;
    const code = this.resolveCode(o, space, path);
    const size = wide ? 2 : 1;
    if (wide) w.u16(code);
    else w.u8(code);
    const at = w.placeholder(size);
    this.writeOptionBody(w, o, code, space, path);
    w.patchLength(at, size, path);
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
    const c = space.byCode.get(code);
    if (!c) throw new EncodeError(path, `option ${code} is not defined in space ${space.name}: give its bytes as "raw"`);
    try {
      c.codec.encode(w, o.value, this, '');
    } catch (e) {
      within(e, `${path}(${c.def.name})`);
    }
  }
}

let shared: Codec | undefined;

/** The codec with the standard option definitions only. */
export function standardCodec(): Codec {
  return (shared ??= new Codec());
}
