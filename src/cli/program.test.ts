import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Codec } from '../protocol/index.js';
import { relayedSolicit } from '../protocol/testing/samples.js';
import { request4Bytes } from './decode/testing/fixtures.js';
import { clientDuid, syntheticCapture } from './decode/testing/synthetic.js';
import { runFulmar } from './testing.js';

const dir = mkdtempSync(join(tmpdir(), 'fulmar-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
const capture = file('synthetic.pcap', syntheticCapture(20));

const fulmar = runFulmar;

describe('fulmar decode', () => {
  it('prints JSON lines with the capture envelope', async () => {
    const r = await fulmar(['decode', '--json', '--count', '1', capture]);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout);
    expect(Object.keys(line)).toEqual(['index', 'time', 'src', 'dst', 'srcPort', 'dstPort', 'protocol', 'message']);
    expect(line).toMatchObject({ index: 1, time: '2024-05-01T00:00:00.000Z', src: '2001:db8:1::1', dst: '2001:db8::547', srcPort: 547, protocol: 'dhcp6' });
    expect(line.message.type).toBe('relay-forw');
  });

  it('filters, and prints text', async () => {
    const r = await fulmar(['decode', '--duid', clientDuid(3).replace(/(..)(?!$)/g, '$1:'), '--type', 'reply', capture]);
    expect(r.stdout.split('\n')[0]).toBe('#8 2024-05-01T00:00:00.007Z [2001:db8::547]:547 → [2001:db8:1::1]:547 dhcp6 relay-repl › reply xid 0x000003');
    expect(r.stdout.match(/^#/gm)).toHaveLength(1);
  });

  it('says when nothing matched', async () => {
    const r = await fulmar(['decode', '--address', '2001:db8::dead', capture]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'fulmar: no packet matched the filters\n' });
  });

  it('reads hex lines from stdin, DHCPv6 by default and DHCPv4 with --v4, with errors in place of messages', async () => {
    const v6 = new Codec().encode6(relayedSolicit()).toString('hex');
    const r = await fulmar(['decode', '--json'], `${v6}\n01123456000100ff00\n`);
    const [a, b] = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(a).toMatchObject({ index: 1, protocol: 'dhcp6', message: { type: 'relay-forw' } });
    expect(b).toEqual({ index: 2, protocol: 'dhcp6', error: { offset: 4, reason: 'option 1 length 255 runs past its container (1 left)' } });
    const r4 = await fulmar(['decode', '--v4', '-'], request4Bytes().toString('hex'));
    expect(r4.stdout.split('\n')[0]).toBe('#1 dhcp4 request xid 0x12345678');
  });

  it('reads a file of hex lines', async () => {
    const r = await fulmar(['decode', file('messages.hex', '# one solicit\n01 00 00 01\n')]);
    expect(r.stdout).toBe('#2 dhcp6 solicit xid 0x000001\n  solicit xid 0x000001\n');
  });

  it('goes on past a bad hex line but exits 1', async () => {
    const r = await fulmar(['decode'], 'nothex\n01000001\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('fulmar: stdin line 1: not hex: "nothex"\n');
    expect(r.stdout).toMatch(/^#2 dhcp6 solicit/);
  });

  it('warns about a truncated capture and prints what it holds', async () => {
    const whole = syntheticCapture(2);
    const r = await fulmar(['decode', file('cut.pcap', whole.subarray(0, whole.length - 5))]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^#/gm)).toHaveLength(1);
    expect(r.stderr).toMatch(/^fulmar: .*cut\.pcap: at byte \d+: record 2 is truncated: \d+ of \d+ bytes\n$/);
  });

  it.each([
    [['decode', join(dir, 'missing.pcap')], /^fulmar: cannot read .*missing\.pcap: no such file\n$/],
    [['decode', dir], /^fulmar: cannot read .*: is a directory\n$/],
    [['decode', file('junk.bin', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0, 1]))], /^fulmar: .*junk\.bin: not a pcap or pcapng file \(magic 0xdeadbeef\)\n$/],
    [['decode'], /^fulmar: no FILE given and stdin is a terminal/],
    [['decode', '--duid', 'xyz', capture], /argument 'xyz' is invalid\. expected hex bytes/],
    [['decode', '--type', 'solicit,bogus', capture], /unknown message type "bogus"/],
    [['decode', '--count', '0', capture], /argument '0' is invalid/],
    [['decode', '--v4', '--v6'], /'--v4' cannot be used with option '--v6'/],
    [['nonsense'], /unknown command 'nonsense'/],
  ])('fails with exit 1 and one clear line: %j', async (args, message) => {
    const r = await fulmar(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('prints help with exit 0', async () => {
    const r = await fulmar(['decode', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Hex lines are DHCPv6 unless\s+--v4 is given/);
  });
});
