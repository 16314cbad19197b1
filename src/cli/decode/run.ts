import { DecodeError, type Codec } from '../../protocol/index.js';
import type { LineOutput } from '../output.js';
import { jsonLine } from './envelope.js';
import type { Filter } from './filter.js';
import { headerOf, type Candidate } from './packet.js';
import { packetText } from './text.js';

export interface RunSettings {
  json: boolean;
  /** Stop after printing this many packets. */
  count: number;
  filter: Filter;
  codec: Codec;
}

/** Decode, filter and print candidates one by one, cheapest checks first. */
export class DecodeRun {
  printed = 0;

  constructor(
    private readonly s: RunSettings,
    private readonly out: LineOutput,
  ) {}

  /** False once nothing more is wanted: --count reached, or the reader went away. */
  handle(c: Candidate): boolean {
    const { filter, codec } = this.s;
    if (filter.active && !filter.mayMatch(c.protocol, c.payload)) return true;
    const result = c.protocol === 'dhcp6' ? codec.decode6(c.payload) : codec.decode4(c.payload);
    if (filter.active && !(result instanceof DecodeError ? filter.matchesUndecodable(c.protocol, c.payload) : filter.matches(c.protocol, result))) {
      return true;
    }
    const header = headerOf(c);
    this.out.line(this.s.json ? jsonLine(header, result) : packetText(header, result, c.payload, codec));
    return ++this.printed < this.s.count && !this.out.closed;
  }
}

/** Feed a source through the run, pausing while the output is full. */
export async function drive(source: Iterable<Candidate> | AsyncIterable<Candidate>, run: DecodeRun, out: LineOutput): Promise<void> {
  if (Symbol.asyncIterator in source) {
    for await (const c of source) {
      if (!run.handle(c)) break;
      if (out.backpressure) await out.backpressure;
    }
    return;
  }
  for (const c of source) {
    if (!run.handle(c)) break;
    if (out.backpressure) await out.backpressure;
  }
}
