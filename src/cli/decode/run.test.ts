import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Codec } from '../../protocol/index.js';
import { readCapture } from '../../pcap/read.js';
import { LineOutput } from '../output.js';
import { parseHex } from './args.js';
import { compileFilter, type FilterSpec } from './filter.js';
import { DecodeRun, drive } from './run.js';
import { captureCandidates, STANDARD_PORTS } from './sources.js';
import { clientDuid, syntheticCapture } from './testing/synthetic.js';
import { parseTypes } from './types.js';

const capture = syntheticCapture(400);

/** Run a filter over the synthetic capture: what was printed, and how many packets had to be decoded. */
async function runOver(spec: FilterSpec, count = Infinity) {
  const codec = new Codec();
  let decoded = 0;
  const decode6 = codec.decode6.bind(codec);
  codec.decode6 = (b) => (decoded++, decode6(b));
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(...String(chunk).trimEnd().split('\n')), done()) });
  const out = new LineOutput(sink);
  const run = new DecodeRun({ json: true, count, filter: compileFilter(spec), codec }, out);
  await drive(captureCandidates(readCapture(capture), STANDARD_PORTS), run, out);
  await out.finish();
  return { indexes: lines.map((l) => JSON.parse(l).index), decoded };
}

describe('DecodeRun', () => {
  it('prints everything without filters', async () => {
    const r = await runOver({});
    expect(r.indexes.length).toBe(400);
    expect(r.decoded).toBe(400);
  });

  it('decodes only the packets whose bytes hold the DUID', async () => {
    const r = await runOver({ duids: [parseHex(clientDuid(17))] });
    expect(r.indexes).toEqual([35, 36]);
    expect(r.decoded).toBe(2);
  });

  it('decodes only the packets whose type byte matches --type', async () => {
    const r = await runOver({ types: parseTypes(['reply']) });
    expect(r.indexes.length).toBe(200);
    expect(r.decoded).toBe(200);
  });

  it('stops after --count packets', async () => {
    const r = await runOver({ types: parseTypes(['solicit']) }, 3);
    expect(r.indexes).toEqual([1, 3, 5]);
  });
});
