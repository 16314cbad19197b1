import { classicMagic, readClassic } from './classic.js';
import { isPcapng, readPcapng } from './pcapng.js';
import { CaptureError, type CapturedPacket, type ReadOptions } from './types.js';

export { CaptureError } from './types.js';
export type { CapturedPacket, CaptureProblem, ReadOptions } from './types.js';

export type CaptureFormat = 'pcap' | 'pcapng';

/** The capture format named by the file's first bytes, or undefined. */
export function captureFormat(buf: Uint8Array): CaptureFormat | undefined {
  if (isPcapng(buf)) return 'pcapng';
  if (classicMagic(buf)) return 'pcap';
  return undefined;
}

/**
 * The packets of a classic pcap or pcapng file held in memory, in file order.
 * Throws CaptureError if the file header is bad; a truncated or malformed
 * record later on is reported to `onProblem` and ends (or skips) iteration.
 */
export function readCapture(buf: Uint8Array, opts: ReadOptions = {}): Generator<CapturedPacket> {
  switch (captureFormat(buf)) {
    case 'pcap':
      return readClassic(buf, opts);
    case 'pcapng':
      return readPcapng(buf, opts);
    default: {
      const head = Buffer.from(buf.subarray(0, 4)).toString('hex');
      const why = buf.length < 4 ? `file is ${buf.length} bytes long` : `magic 0x${head}`;
      throw new CaptureError(`not a pcap or pcapng file (${why})`);
    }
  }
}
