import { DecodeError, type Message4, type Message6 } from '../../protocol/index.js';
import type { PacketHeader } from './packet.js';

/**
 * One packet as a JSON line: {index, time, src, dst, srcPort, dstPort,
 * protocol, message} or, if it does not decode, `error: {offset, reason}`
 * in place of message. Fields we do not know (hex input has no addresses) are left out.
 */
export function jsonLine(h: PacketHeader, result: Message6 | Message4 | DecodeError): string {
  let s = `{"index":${h.index}`;
  if (h.time !== undefined) s += `,"time":"${h.time}"`;
  if (h.src !== undefined) s += `,"src":"${h.src}","dst":"${h.dst}","srcPort":${h.srcPort},"dstPort":${h.dstPort}`;
  s += `,"protocol":"${h.protocol}"`;
  s += result instanceof DecodeError ? `,"error":${JSON.stringify(result.toJSON())}}` : `,"message":${JSON.stringify(result)}}`;
  return s;
}
