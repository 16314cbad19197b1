import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { CaptureError, captureFormat, readCapture } from '../../pcap/read.js';
import { CliError } from '../errors.js';
import { warn, type CliIo } from '../io.js';
import type { Candidate } from './packet.js';
import { captureCandidates, hexCandidates, parseHexLine, type Ports } from './sources.js';
import type { Protocol } from './types.js';

/** What `fulmar decode` reads: a capture file, a file of hex lines, or hex lines on stdin. */
export function openInput(file: string | undefined, io: CliIo, ports: Ports, hexProtocol: Protocol): Iterable<Candidate> | AsyncIterable<Candidate> {
  const badLine = (where: string) => (line: number, reason: string) => {
    warn(io, `${where} line ${line}: ${reason}`);
    io.exitCode = 1;
  };
  if (file === undefined || file === '-') {
    if (file === undefined && io.stdin.isTTY) {
      throw new CliError('no FILE given and stdin is a terminal: name a pcap or pcapng file, or pipe in hex (see fulmar decode --help)');
    }
    return hexCandidates(createInterface({ input: io.stdin, crlfDelay: Infinity }), hexProtocol, badLine('stdin'));
  }
  const buf = readInput(file);
  if (captureFormat(buf) === undefined && startsWithHexLine(buf)) {
    return hexCandidates(buf.toString('utf8').split('\n'), hexProtocol, badLine(file));
  }
  try {
    const packets = readCapture(buf, { onProblem: (p) => warn(io, `${file}: at byte ${p.offset}: ${p.reason}`) });
    return captureCandidates(packets, ports);
  } catch (e) {
    if (e instanceof CaptureError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a directory' };
    throw new CliError(`cannot read ${file}: ${(err.code && why[err.code]) ?? err.message}`);
  }
}

/** A text file whose first message line is hex is taken as hex lines. */
function startsWithHexLine(buf: Buffer): boolean {
  for (const line of buf.subarray(0, 64 * 1024).toString('latin1').split('\n')) {
    const parsed = parseHexLine(line);
    if (parsed !== undefined) return parsed instanceof Buffer;
  }
  return false;
}
