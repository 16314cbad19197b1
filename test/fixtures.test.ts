import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Codec, DecodeError, type Message4, type Message6 } from '../src/protocol/index.js';
import { dhcpDatagrams, type DhcpDatagram } from './fixtures/datagrams.js';
import { walkMessage, type Walked } from './fixtures/walk.js';
import { EXPECTED } from './fixtures/expected.js';

/**
 * Real traffic: test/fixtures/*.pcap hold what dhclient, dhcpcd, udhcpc,
 * dhcrelay, perfdhcp and Kea sent each other (made by test/fixtures/capture.sh).
 * Every DHCP packet in them must decode with every option parsed, and encode
 * back to the very same bytes.
 */

const dir = new URL('./fixtures/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.pcap'))
  .sort();
const codec = new Codec();

interface Decoded {
  datagram: DhcpDatagram;
  result: Message6 | Message4 | DecodeError;
}

/** Decoded once per file, on first use, so a capture the reader rejects fails its own tests only. */
const loaded = new Map<string, Decoded[]>();
function load(file: string): Decoded[] {
  let d = loaded.get(file);
  if (!d) {
    d = dhcpDatagrams(readFileSync(new URL(file, dir))).map((datagram) => ({ datagram, result: decode(datagram) }));
    loaded.set(file, d);
  }
  return d;
}

function decode(d: DhcpDatagram): Message6 | Message4 | DecodeError {
  return d.protocol === 'dhcp6' ? codec.decode6(d.payload) : codec.decode4(d.payload);
}

function encode(d: DhcpDatagram, m: Message6 | Message4): Buffer {
  return d.protocol === 'dhcp6' ? codec.encode6(m as Message6) : codec.encode4(m as Message4);
}

const frame = (d: DhcpDatagram) => `frame ${d.frame} (${d.protocol} ${d.srcPort}→${d.dstPort})`;

function walk(p: Decoded): Walked | undefined {
  return p.result instanceof DecodeError ? undefined : walkMessage(p.result, p.datagram.protocol);
}

/** Where two byte strings part, with a few bytes of each from there, in hex. */
function firstDifference(want: Uint8Array, got: Uint8Array): string {
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  const at = (b: Uint8Array) => Buffer.from(b.subarray(i, i + 8)).toString('hex') || '(end)';
  return `${got.length} bytes for ${want.length}, first difference at byte ${i}: want ${at(want)}, got ${at(got)}`;
}

it('has an expectation for every fixture and a fixture for every expectation', () => {
  expect(files).toEqual(Object.keys(EXPECTED).sort());
});

describe.each(files)('%s', (file) => {
  it('holds DHCP packets, all read from the capture', () => {
    expect(load(file).length).toBeGreaterThan(0);
  });

  it('decodes every packet, with no option left unparsed', () => {
    const problems = load(file).flatMap((p) => {
      if (p.result instanceof DecodeError) return [`${frame(p.datagram)}: ${p.result.message}`];
      return walk(p)!.errors.map((e) => `${frame(p.datagram)}: ${e}`);
    });
    expect(problems).toEqual([]);
  });

  it('encodes every packet back to the same bytes', () => {
    const problems = load(file).flatMap((p) => {
      if (p.result instanceof DecodeError) return [`${frame(p.datagram)}: did not decode`];
      try {
        const bytes = encode(p.datagram, p.result);
        return Buffer.compare(bytes, p.datagram.payload) === 0 ? [] : [`${frame(p.datagram)}: ${firstDifference(p.datagram.payload, bytes)}`];
      } catch (e) {
        return [`${frame(p.datagram)}: ${(e as Error).message}`];
      }
    });
    expect(problems).toEqual([]);
  });

  it('holds the messages and options its scenario makes', () => {
    const seen = new Set(load(file).flatMap((p) => [...(walk(p)?.paths ?? [])]));
    expect(EXPECTED[file]?.filter((path) => !seen.has(path))).toEqual([]);
  });
});
