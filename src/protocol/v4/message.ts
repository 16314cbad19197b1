import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import type { Codec } from '../codec.js';
import type { Option } from '../options.js';

/** Placeholder: the DHCPv4 codec is being written. */
export interface Message4 {
  op: number;
  options: Option[];
}

export function readMessage4(r: Reader, _codec: Codec): Message4 {
  return r.fail('DHCPv4 decoding not implemented');
}

export function writeMessage4(_w: Writer, _m: Message4, _codec: Codec, _path: string): void {
  throw new Error('DHCPv4 encoding not implemented');
}
