import { Buffer } from 'node:buffer'; // the global Buffer is a getter, costly on hot paths
import { DecodeError, EncodeError } from '../errors.js';

/**
 * RFC 5460 §5.1: over TCP (bulk leasequery) every DHCPv6 message is preceded
 * by a 2-byte message-size field in network byte order. Pure: the transport
 * feeds bytes in and writes the frames out.
 */
export function frame(message: Uint8Array): Buffer {
  if (message.length > 0xffff) throw new EncodeError('message', `${message.length} bytes does not fit the 16-bit message-size`);
  const out = Buffer.allocUnsafe(2 + message.length);
  out.writeUInt16BE(message.length, 0);
  out.set(message, 2);
  return out;
}

/**
 * Splits a TCP byte stream into messages. Holds at most one partial message
 * (bounded by `maxMessage`); a size of 0 or above the bound is an error, after
 * which the connection should be closed.
 */
export class Deframer {
  private pending: Buffer = Buffer.alloc(0);
  private consumed = 0;

  constructor(private readonly maxMessage = 0xffff) {}

  /** Messages completed by this chunk, in order; throws DecodeError on a bad size field. */
  push(chunk: Uint8Array): Buffer[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
    const out: Buffer[] = [];
    let at = 0;
    while (this.pending.length - at >= 2) {
      const size = this.pending.readUInt16BE(at);
      if (size === 0 || size > this.maxMessage) throw new DecodeError(this.consumed + at, `message-size ${size} outside 1..${this.maxMessage}`);
      if (this.pending.length - at - 2 < size) break;
      out.push(Buffer.from(this.pending.subarray(at + 2, at + 2 + size)));
      at += 2 + size;
    }
    this.consumed += at;
    this.pending = this.pending.subarray(at);
    return out;
  }

  /** Bytes held of a message not yet complete. */
  get buffered(): number {
    return this.pending.length;
  }
}
