import { beforeAll, describe, expect, it } from 'vitest';
import { AGENT_SUBOPTIONS, Codec, DHCP4_OPTIONS, MESSAGE_TYPES4, messageType4, type Message4, type Option } from '../src/protocol/index.js';
import { CORPUS4 } from './tshark/corpus4.js';
import { frame4 } from './tshark/frames4.js';
import { dissectFrames, tsharkAvailable } from './tshark/run.js';
import { Comparer4 } from './tshark/compare4.js';
import { CHECKED_SUBOPTIONS } from './tshark/agent4.js';
import { scan, type Expert } from './tshark/experts.js';
import { AGENT_NOT_DISSECTED, KNOWN_EXPERTS4, NOT_DISSECTED4, type KnownExpert4 } from './tshark/limits4.js';
import { Tree } from './tshark/json.js';

/**
 * tshark as an independent decoder of the DHCPv4 we send: every message of
 * the corpus is encoded by our codec, written to one pcap and dissected by
 * one tshark run; tshark must find nothing malformed, raise no expert info
 * but the documented ones (limits4.ts), and read back the header and option
 * fields we meant to write.
 */

const codec = new Codec();
const AGENT_SPACE = 'dhcp-agent-options-space';

/** Every option of a message, option 82's suboptions too, as [space, option]. */
const optionsOf = (m: Message4): [string, Option][] =>
  m.options.flatMap((o): [string, Option][] => [['dhcp4', o], ...(o.code === 82 ? (o.value as Option[]).map((s): [string, Option] => [AGENT_SPACE, s]) : [])]);
const used = CORPUS4.flatMap((p) => optionsOf(p.message));
const codesIn = (space: string) => new Set(used.filter(([s]) => s === space).map(([, o]) => o.code));

describe('the DHCPv4 tshark corpus', () => {
  it('uses every DHCPv4 option definition', () => {
    const codes = codesIn('dhcp4');
    expect(DHCP4_OPTIONS.filter((d) => !codes.has(d.code)).map((d) => `${d.code} ${d.name}`)).toEqual([]);
  });

  it('uses every relay agent suboption', () => {
    const codes = codesIn(AGENT_SPACE);
    expect(AGENT_SUBOPTIONS.filter((d) => !codes.has(d.code)).map((d) => `${d.code} ${d.name}`)).toEqual([]);
  });

  it('names each option as its definition does', () => {
    const defs = new Map<string, string>([...DHCP4_OPTIONS.map((d) => [`dhcp4 ${d.code}`, d.name] as const), ...AGENT_SUBOPTIONS.map((d) => [`${AGENT_SPACE} ${d.code}`, d.name] as const)]);
    const wrong = used.filter(([s, o]) => o.code !== 0 && defs.get(`${s} ${o.code}`) !== o.name).map(([s, o]) => `${s} ${o.code} ${o.name}`);
    expect(wrong).toEqual([]);
  });

  it('uses every message type (all of which tshark 4.0 knows), and plain BOOTP', () => {
    const types = new Set(CORPUS4.map((p) => messageType4(p.message)));
    expect(Object.values(MESSAGE_TYPES4).filter((t) => !types.has(t))).toEqual([]);
    expect(CORPUS4.some((p) => p.message.vendor !== undefined)).toBe(true);
  });

  it('checks the body of every relay agent suboption tshark dissects correctly', () => {
    expect(AGENT_SUBOPTIONS.map((d) => d.code).filter((c) => !CHECKED_SUBOPTIONS.has(c))).toEqual([...AGENT_NOT_DISSECTED]);
  });
});

// Skipped only on a developer machine without tshark; CI installs it (.ci/run), so there it must run.
describe.skipIf(!tsharkAvailable() && !process.env.CI)('tshark 4.0 dissects the DHCPv4 we encode', () => {
  const comparer = new Comparer4(codec);
  let layers: Tree[] = [];
  let mismatches: string[][] = [];

  beforeAll(() => {
    layers = dissectFrames(CORPUS4.map((p) => frame4(p, codec.encode4(p.message))));
    mismatches = CORPUS4.map((p, i) => comparer.compare(dhcpOf(layers[i]), p.message, p.name));
  });

  it('gives one frame per message, each with good IPv4 and UDP checksums (our pcap writer)', () => {
    expect(layers).toHaveLength(CORPUS4.length);
    // checksum.status 1 is "Good": tshark's own sums agree
    const status = (layer: string, field: string) => layers.map((l) => (l.first(layer) as Tree).first(field));
    expect(status('ip', 'ip.checksum.status')).toEqual(CORPUS4.map(() => '1'));
    expect(status('udp', 'udp.checksum.status')).toEqual(CORPUS4.map(() => '1'));
  });

  const each = CORPUS4.map((p, i) => [p.name, i] as const);

  const isKnown = (k: KnownExpert4, e: Expert) => k.option === e.option && k.suboption === e.suboption && k.message === e.message;

  it.each(each)('%s: nothing malformed, no expert info but the known ones', (_name, i) => {
    const { experts, malformed } = scan(layers[i]!);
    expect(malformed).toEqual([]);
    expect(experts.filter((e) => !KNOWN_EXPERTS4.some((k) => isKnown(k, e)))).toEqual([]);
  });

  it('still sees every known expert info (one tshark no longer raises is a limitation gone)', () => {
    const raised = layers.flatMap((l) => scan(l).experts);
    expect(KNOWN_EXPERTS4.filter((k) => !raised.some((e) => isKnown(k, e))).map((k) => k.message)).toEqual([]);
  });

  it.each(each)('%s: tshark reads the fields we wrote', (_name, i) => {
    expect(mismatches[i]).toEqual([]);
  });

  it('names the option and field when a value differs', () => {
    const i = CORPUS4.findIndex((p) => p.name === 'offer');
    const wrong = structuredClone(CORPUS4[i]!.message);
    wrong.options.find((o) => o.code === 3)!.value = ['192.0.2.253'];
    expect(comparer.compare(dhcpOf(layers[i]), wrong, 'offer')).toEqual(['offer > routers[6]: dhcp.option.router: tshark ["192.0.2.254"], we encoded ["192.0.2.253"]']);
  });

  it('finds the body of every option dissected, except the ones tshark 4.0 leaves out', () => {
    const seen = [...comparer.notDissected].map((label) => parseInt(label, 10));
    expect(seen.filter((code) => !NOT_DISSECTED4.has(code))).toEqual([]);
    expect([...comparer.unchecked]).toEqual([]);
  });
});

function dhcpOf(layers: Tree | undefined): Tree {
  const t = layers?.first('dhcp');
  if (!(t instanceof Tree)) throw new Error('tshark did not dissect the packet as DHCP');
  return t;
}
