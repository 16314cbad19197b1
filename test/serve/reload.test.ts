import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { Codec, DecodeError, type ClientServerMessage6, type Option } from '../../src/protocol/index.js';
import { start, type Running } from '../../src/cli/serve/runtime.js';

// `fulmar serve` in-process on a loopback unicast address: live reload keeps
// serving through a bad config (DESIGN invariant 6) and applies a good one.

const codec = new Codec();
const dir = mkdtempSync(join(tmpdir(), 'fulmar-reload-'));
const file = join(dir, 'fulmar.json');
const port = 20000 + Math.floor(Math.random() * 20000);
const logLines: string[] = [];
let running: Running;

function config(dns: string): string {
  return JSON.stringify({
    'data-directory': dir,
    dhcp6: {
      'listen-addresses': ['::1'],
      port,
      'lease-database': { type: 'sqlite', path: join(dir, 'leases.sqlite') },
      'option-data': [{ name: 'dns-servers', value: [dns] }],
      subnets: [{ id: 1, subnet: '2001:db8:1::/64', relay: { 'ip-addresses': ['2001:db8:1::1'] }, pools: [{ pool: '2001:db8:1::100-2001:db8:1::1ff' }] }],
    },
  });
}

/** A relayed Solicit (the unicast socket is for relays) and the DNS servers in the Advertise. */
async function askDns(): Promise<string[] | undefined> {
  const solicit = { type: 'solicit', xid: 7, options: [{ code: 1, value: { hex: '00030001020000000001' } }, { code: 6, value: [23] }, { code: 3, value: { iaid: 1, t1: 0, t2: 0, options: [] } }] };
  const relayed = { type: 'relay-forw' as const, hopCount: 0, linkAddress: '2001:db8:1::1', peerAddress: 'fe80::1', options: [{ code: 9, value: solicit }] };
  const sock = dgram.createSocket('udp6');
  try {
    await new Promise<void>((r) => sock.bind(0, '::1', r));
    const answer = new Promise<Buffer>((resolve, reject) => {
      sock.once('message', resolve);
      setTimeout(() => reject(new Error('no answer within 3 s')), 3000);
    });
    sock.send(codec.encode6(relayed as never), port, '::1');
    const m = codec.decode6(await answer);
    if (m instanceof DecodeError) throw m;
    const inner = (m.options.find((o) => o.code === 9)!.value as ClientServerMessage6).options;
    return inner.find((o: Option) => o.code === 23)?.value as string[] | undefined;
  } finally {
    sock.close();
  }
}

beforeAll(async () => {
  writeFileSync(file, config('2001:db8::53'));
  const sink = new Writable({ write: (chunk, _e, cb) => (logLines.push(String(chunk)), cb()) });
  running = await start(file, pino({ base: undefined }, sink));
});

afterAll(async () => {
  await running?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('live reload (SIGHUP)', () => {
  it('serves the configured options', async () => {
    expect(await askDns()).toEqual(['2001:db8::53']);
  });

  it('rejects a bad config with the exact field, and the running one keeps serving', async () => {
    writeFileSync(file, config('not-an-address'));
    expect(await running.reload()).toBe(false);
    const rejected = logLines.map((l) => JSON.parse(l)).find((l) => l.msgId === 'FULMAR_CONFIG_REJECTED');
    expect(rejected.issues).toEqual([{ path: 'dhcp6.option-data[0].value[0]', message: 'not an IPv6 address: "not-an-address"' }]);
    expect(await askDns()).toEqual(['2001:db8::53']);
  });

  it('applies a good config atomically', async () => {
    writeFileSync(file, config('2001:db8::5353'));
    expect(await running.reload()).toBe(true);
    expect(await askDns()).toEqual(['2001:db8::5353']);
  });
});
