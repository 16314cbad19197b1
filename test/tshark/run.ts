import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LINKTYPE_ETHERNET, ethernetFrame, pcapFile, udp6Packet } from '../../src/pcap/write.js';
import { ADDRESSES, type Host } from './corpus.js';
import { Tree, parseJsonKeepingKeys } from './json.js';

/** Clients listen on 546, servers and relays on 547 (RFC 8415 §7.2). */
const port = (h: Host) => (h === 'client' ? 546 : 547);

/**
 * Preferences that make tshark stricter, never quieter: validate IPv4 and UDP
 * checksums, so a wrong length or checksum of ours becomes an expert error.
 */
const PREFS = ['ip.check_checksum:TRUE', 'udp.check_checksum:TRUE'];

export function tsharkAvailable(): boolean {
  try {
    execFileSync('tshark', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface Datagram6 {
  from: Host;
  to: Host;
  payload: Uint8Array;
}

/** Write the datagrams to one pcap, decode it with one tshark run, return each packet's layers. */
export function dissect(datagrams: readonly Datagram6[]): Tree[] {
  return dissectFrames(datagrams.map((d) => ethernetFrame(udp6Packet({ src: ADDRESSES[d.from], dst: ADDRESSES[d.to], srcPort: port(d.from), dstPort: port(d.to), payload: d.payload }))));
}

/** Write Ethernet frames to one pcap, decode it with one tshark run, return each packet's layers. */
export function dissectFrames(frames: readonly Uint8Array[]): Tree[] {
  const records = frames.map((data, i) => ({ timeMs: Date.UTC(2024, 0, 1) + i, data }));
  const dir = mkdtempSync(join(tmpdir(), 'fulmar-tshark-'));
  try {
    const file = join(dir, 'corpus.pcap');
    writeFileSync(file, pcapFile(LINKTYPE_ETHERNET, records));
    const args = ['-r', file, '-T', 'json', '-n', ...PREFS.flatMap((p) => ['-o', p])];
    const out = execFileSync('tshark', args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
    const packets = parseJsonKeepingKeys(out);
    if (!Array.isArray(packets)) throw new Error('tshark JSON: expected an array of packets');
    return packets.map((p) => layersOf(p));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function layersOf(p: unknown): Tree {
  const layers = p instanceof Tree ? p.first('_source') : undefined;
  const l = layers instanceof Tree ? layers.first('layers') : undefined;
  if (!(l instanceof Tree)) throw new Error('tshark JSON: packet without _source.layers');
  return l;
}
