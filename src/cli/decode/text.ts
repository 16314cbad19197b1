import {
  DecodeError,
  STATUS_CODES,
  standardCodec,
  type Codec,
  type Duid,
  type Field,
  type Message4,
  type Message6,
  type Option,
  type Space,
} from '../../protocol/index.js';
import type { PacketHeader } from './packet.js';
import { typeCode4, typeName4, type Protocol } from './types.js';
import { field4, option4 } from './v4.js';
import { duidText, hex24, hex32, hexAscii, linkLayer } from './values.js';
import { messagesOf } from './walk.js';

/**
 * One packet as text: a summary line (index, time, endpoints, protocol, the
 * message types along the relay chain, xid), then the message with its
 * options indented, relayed messages nested inside their relay-msg option.
 */
export function packetText(h: PacketHeader, result: Message6 | Message4 | DecodeError, payload: Uint8Array, codec: Codec = standardCodec()): string {
  const p = new Printer(codec);
  if (result instanceof DecodeError) {
    p.line(0, `${summaryPrefix(h)} malformed: ${result.reason} at offset ${result.offset}`);
    p.line(1, `bytes ${Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('hex')}`);
  } else {
    p.line(0, `${summaryPrefix(h)} ${summary(h.protocol, result)}`);
    if (h.protocol === 'dhcp6') p.message6(result as Message6, 1);
    else p.message4(result as Message4, 1);
  }
  return p.lines.join('\n');
}

function summaryPrefix(h: PacketHeader): string {
  let s = `#${h.index}`;
  if (h.time) s += ` ${h.time}`;
  if (h.src !== undefined && h.dst !== undefined) s += ` ${endpoint(h.src, h.srcPort)} → ${endpoint(h.dst, h.dstPort)}`;
  return `${s} ${h.protocol}`;
}

function endpoint(addr: string, port: number | undefined): string {
  return addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`;
}

/** "relay-forw › solicit xid 0x1a2b3c": every type along the chain, and the innermost xid. */
function summary(protocol: Protocol, m: Message6 | Message4): string {
  const names: string[] = [];
  let xid = '';
  for (const v of messagesOf(protocol, m)) {
    if (v.protocol === 'dhcp6') {
      names.push(String(v.message.type));
      if ('xid' in v.message) xid = ` xid ${hex24(v.message.xid)}`;
    } else {
      names.push(type4Name(v.message));
      xid = ` xid ${hex32(v.message.xid)}`;
    }
  }
  return names.join(' › ') + xid;
}

function type4Name(m: Message4): string {
  const o = option4(m, 53);
  const code = typeCode4(o?.value);
  return code === undefined ? 'bootp' : typeName4(code);
}

const INDENTS = Array.from({ length: 16 }, (_, i) => '  '.repeat(i));

/** Options printed their own way, by space and code. Code lists (ORO, ERO, PRL) show option names. */
const CODE_LIST = 'code-list';
const SPECIAL: Readonly<Record<string, ReadonlyMap<number, string>>> = {
  dhcp6: new Map([
    [6, CODE_LIST],
    [43, CODE_LIST],
    [13, 'status-code'],
  ]),
  dhcp4: new Map([
    [55, CODE_LIST],
    [53, 'message-type'],
  ]),
};
const DHCP4_PAD = 0;

class Printer {
  readonly lines: string[] = [];

  constructor(private readonly codec: Codec) {}

  line(depth: number, text: string): void {
    this.lines.push((INDENTS[depth] ?? '  '.repeat(depth)) + text);
  }

  message6(m: Message6, depth: number): void {
    if ('hopCount' in m) this.line(depth, `${m.type} hop ${m.hopCount} link ${m.linkAddress} peer ${m.peerAddress}`);
    else if ('flags' in m) this.line(depth, `${m.type} flags ${hex24(m.flags)}`);
    else this.line(depth, `${m.type} xid ${hex24(m.xid)}`);
    this.options(m.options, 'dhcp6', depth + 1);
  }

  message4(m: Message4, depth: number): void {
    const f = (name: string) => field4(m, name);
    const head = [type4Name(m), `xid ${hex32(m.xid)}`, typeof m.op === 'string' ? m.op : `op ${m.op}`, `hops ${m.hops}`, `secs ${m.secs}`];
    if (m.broadcast) head.push('broadcast');
    if (m.reservedFlags) head.push(`reserved-flags 0x${m.reservedFlags.toString(16)}`);
    this.line(depth, head.join(' '));
    const fields: string[] = [];
    for (const k of ['ciaddr', 'yiaddr', 'siaddr', 'giaddr']) if (f(k) !== '0.0.0.0') fields.push(`${k} ${f(k)}`);
    fields.push(`chaddr ${linkLayer(m.chaddr, m.htype)}`);
    for (const k of ['sname', 'file'] as const) {
      const t = m[k];
      if (typeof t === 'object') fields.push(`${k} ${hexAscii(t.hex)}`);
      else if (t) fields.push(`${k} ${JSON.stringify(t)}`);
    }
    this.line(depth + 1, fields.join(' '));
    if (m.vendor !== undefined) this.line(depth + 1, `vendor ${hexAscii(m.vendor)}`);
    this.options(m.options.filter((o) => o.code !== DHCP4_PAD), 'dhcp4', depth + 1);
  }

  options(list: unknown, spaceName: string, depth: number): void {
    if (!Array.isArray(list)) return;
    const space = this.codec.hasSpace(spaceName) ? this.codec.space(spaceName) : undefined;
    for (const o of list as Option[]) this.option(o, space, depth);
  }

  /** The option's line comes first; nested blocks its value prints land under it. */
  private option(o: Option, space: Space | undefined, depth: number): void {
    const def = space?.byCode.get(o.code)?.def;
    const name = def?.name ?? o.name;
    const label = name ? `${name} (${o.code})` : `option ${o.code}`;
    const at = this.lines.length;
    this.line(depth, label);
    let text: string;
    if (o.error !== undefined) text = `${hexAscii(o.raw ?? '')} (malformed: ${o.error})`;
    else if (o.value === undefined) text = o.raw !== undefined ? hexAscii(o.raw) : '';
    else if (def && space) text = this.special(space.name, o) ?? this.value(o.value, def.type, depth + 1);
    else text = this.guess(o.value, depth + 1);
    if (text !== '') this.lines[at] += `: ${text}`;
  }

  private special(spaceName: string, o: Option): string | undefined {
    const kind = SPECIAL[spaceName]?.get(o.code);
    if (kind === undefined) return undefined;
    if (kind === CODE_LIST && Array.isArray(o.value)) {
      const names = this.codec.space(spaceName);
      return (o.value as number[])
        .map((c) => {
          const n = names.byCode.get(c)?.def.name;
          return n ? `${n} (${c})` : String(c);
        })
        .join(', ');
    }
    if (kind === 'status-code') {
      const v = o.value as { status: string | number; message?: string };
      const code = typeof v.status === 'number' ? v.status : Number(Object.keys(STATUS_CODES).find((k) => STATUS_CODES[Number(k)] === v.status));
      const name = typeof v.status === 'string' ? `${v.status} (${code})` : `status ${v.status}`;
      return v.message ? `${name} ${JSON.stringify(v.message)}` : name;
    }
    if (kind === 'message-type') {
      const code = typeCode4(o.value);
      return code === undefined ? String(o.value) : `${typeName4(code)} (${code})`;
    }
    return undefined;
  }

  /** A value's inline text by its field type; options and messages inside it become nested lines. */
  private value(v: unknown, f: Field, depth: number): string {
    switch (f.t) {
      case 'empty':
        return '';
      case 'string':
        return JSON.stringify(v);
      case 'binary':
      case 'fixed-binary':
        return typeof v === 'string' ? hexAscii(v) : JSON.stringify(v);
      case 'duid':
        return typeof v === 'object' && v !== null && 'hex' in v ? duidText(v as Duid) : JSON.stringify(v);
      case 'tuples':
        return Array.isArray(v) ? v.map((x) => hexAscii(String(x))).join(', ') : JSON.stringify(v);
      case 'fqdn-list':
        return Array.isArray(v) ? v.join(' ') : JSON.stringify(v);
      case 'array':
        return Array.isArray(v) ? v.map((x) => this.value(x, f.of, depth)).join(', ') : JSON.stringify(v);
      case 'record':
        return this.record(v, f.fields, depth);
      case 'options':
        this.options(v, f.space, depth);
        return '';
      case 'message6':
        this.message6(v as Message6, depth);
        return '';
      case 'message4':
        this.message4(v as Message4, depth);
        return '';
      case 'custom':
        return this.custom(v, f.name, depth);
      default:
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
  }

  /** For a value with no definition at hand: by its shape. */
  private guess(v: unknown, depth: number): string {
    if (typeof v === 'string') return /^(?:[0-9a-f]{2})+$/i.test(v) ? hexAscii(v) : v;
    if (Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && typeof (x as Option).code === 'number')) {
      this.options(v, '', depth);
      return '';
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const parts: string[] = [];
      for (const [k, x] of Object.entries(v)) {
        const text = this.guess(x, depth);
        if (text !== '') parts.push(`${k} ${text}`);
      }
      return parts.join(' ');
    }
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  private record(v: unknown, fields: readonly { name: string; type: Field }[], depth: number): string {
    if (typeof v !== 'object' || v === null) return JSON.stringify(v);
    const o = v as Record<string, unknown>;
    const parts: string[] = [];
    for (const { name, type } of fields) {
      if (o[name] === undefined) continue;
      const text = this.value(o[name], type, depth);
      if (text !== '') parts.push(`${name} ${text}`);
    }
    return parts.join(' ');
  }

  private custom(v: unknown, name: string, depth: number): string {
    if (name === 'vendor-options' && typeof v === 'object' && v !== null) {
      const { enterprise, options } = v as { enterprise: number; options: unknown };
      const space = this.codec.hasSpace(`vendor-${enterprise}`) ? `vendor-${enterprise}` : 'vendor-opts';
      this.options(options, space, depth);
      return `enterprise ${enterprise}`;
    }
    if (name === 'client-id4') {
      if (typeof v === 'string') return hexAscii(v);
      const { iaid, duid } = v as { iaid: number; duid: Duid };
      return `type 255 iaid ${iaid} duid ${duidText(duid)}`;
    }
    if (name === 'radius-attributes' && Array.isArray(v)) {
      return (v as { type: number; value: string }[]).map((a) => `${a.type}=${hexAscii(a.value)}`).join(', ');
    }
    return this.guess(v, depth);
  }
}
