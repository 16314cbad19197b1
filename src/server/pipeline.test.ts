import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../config/validate.js';
import { setupProvisioning } from '../pipeline/setup.js';
import type { LeaseEvent } from '../pipeline/types.js';
import { MemoryLeaseStore6 } from '../store/memory/store6.js';
import { DecodeError, type ClientServerMessage6, type Duid, type Message6, type Option } from '../protocol/index.js';
import { buildModel } from './model.js';
import { Dhcp6Server } from './server.js';
import { SERVER_DUID, iaAddresses, iaPd, iaNa, opt, serverId, testConfig } from './testing.js';

// The provisioning pipeline inside the server: static and line-bound
// assignment, dynamic pools only through the pools handler, rate limit,
// ignore, options and timers from handlers.

const LINE = { enterprise: 9, remoteId: '0102' };
const CPE_A: Duid = { type: 'LL', hwtype: 1, lladdr: '02000000000a', hex: '0003000102000000000a' };
const CPE_B: Duid = { type: 'LL', hwtype: 1, lladdr: '02000000000b', hex: '0003000102000000000b' };

async function pipelineServer(pipeline: unknown[], extra: Record<string, unknown> = {}) {
  const r = loadConfig(testConfig({ pipeline, 'rapid-commit': true, ...extra }));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const stats: Record<string, number> = {};
  const p = await setupProvisioning(r.config, r.codec, '/tmp', { log: pino({ level: 'silent' }), count: (n, by = 1) => void (stats[n] = (stats[n] ?? 0) + by) });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  const store = new MemoryLeaseStore6();
  const clock = { now: 1_800_000_000 };
  const server = new Dhcp6Server({ model: buildModel(r.config, p.value.codec, p.value.pipeline), store, serverDuid: SERVER_DUID, now: () => clock.now, random: Math.random });
  const events: LeaseEvent[] = [];
  server.onLease = (e) => void events.push(e);
  let xid = 1;
  const codec = p.value.codec;

  /** A message from `duid` through a relay that adds the line's remote-id. */
  async function relayed(type: string, duid: Duid, options: Option[], elapsed = 0, remote = LINE): Promise<ClientServerMessage6 | undefined> {
    const msg: ClientServerMessage6 = { type, xid: xid++, options: [{ code: 1, value: duid }, { code: 8, value: elapsed }, ...options] };
    const relay: Message6 = { type: 'relay-forw', hopCount: 0, linkAddress: '2001:db8:2::1', peerAddress: 'fe80::1', options: [{ code: 37, value: remote }, { code: 9, value: msg }] };
    const out = await server.handle({ data: codec.encode6(relay), source: '2001:db8:2::1', sourcePort: 547, unicast: true });
    if (!out) return undefined;
    const m = codec.decode6(out.data);
    if (m instanceof DecodeError) throw m;
    return opt(m, 'relay-msg')!.value as ClientServerMessage6;
  }
  return { server, store, clock, events, stats, relayed, close: () => Promise.all([...p.value.sources.values()].map((x) => x.close())) };
}

const dir = mkdtempSync(join(tmpdir(), 'fulmar-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const byLine = [{ type: 'always', handlers: [{ type: 'static', source: 'lines', key: 'remote-id' }] }];

const lineBound = [{ type: 'remote-id', values: ['9:0102'], handlers: [{ type: 'assign', prefixes: ['2001:db8:aa00::/56'], 'line-bound': true }] }];

describe('pipeline in the server', () => {
  it('gives a line its static prefix, with no pools unless a pools handler ran', async () => {
    const t = await pipelineServer(lineBound);
    const reply = await t.relayed('solicit', CPE_A, [{ code: 14 }, iaPd(1), iaNa(2)]);
    expect(iaAddresses(reply, 'ia-pd')).toEqual(['2001:db8:aa00::/56']);
    // No pools handler: the IA_NA gets nothing rather than a dynamic address.
    expect(iaAddresses(reply, 'ia-na')).toEqual([]);
    expect((await t.store.get('pd', '2001:db8:aa00::/56'))?.duid).toBe(CPE_A.hex);
  });

  it('moves a line-bound prefix to the new CPE at once, releasing the old binding in the same commit', async () => {
    const t = await pipelineServer(lineBound);
    await t.relayed('solicit', CPE_A, [{ code: 14 }, iaPd(1)]);
    const swapped = await t.relayed('request', CPE_B, [serverId, iaPd(7)]);
    expect(iaAddresses(swapped, 'ia-pd')).toEqual(['2001:db8:aa00::/56']);
    const lease = await t.store.get('pd', '2001:db8:aa00::/56');
    expect([lease?.duid, lease?.iaid, lease?.state]).toEqual([CPE_B.hex, 7, 'assigned']);
    expect(t.events.map((e) => `${e.kind} ${e.lease.duid.slice(-1)}`)).toEqual(['granted a', 'released a', 'granted b']);
    // The old CPE's Renew does not take it back: its binding is gone (lifetimes 0).
    const renew = await t.relayed('renew', CPE_A, [serverId, iaPd(1, '2001:db8:aa00::/56')]);
    const prefix = (opt(opt(renew, 'ia-pd')!.value as { options: Option[] }, 'iaprefix')?.value as { validLifetime: number } | undefined)?.validLifetime;
    expect(prefix).toBe(0);
    expect((await t.store.get('pd', '2001:db8:aa00::/56'))?.duid).toBe(CPE_B.hex);
  });

  it('draws from the pools only through the pools handler', async () => {
    const t = await pipelineServer([{ type: 'always', handlers: [{ type: 'pools' }] }]);
    const reply = await t.relayed('solicit', CPE_A, [iaNa(1)]);
    expect(iaAddresses(reply)[0]).toMatch(/^2001:db8:2::/);
  });

  it('rate-limits a flooding line and counts it, while other lines are served', async () => {
    const t = await pipelineServer([{ type: 'always', handlers: [{ type: 'rate-limit', key: 'remote-id', requests: 3, seconds: 60 }, { type: 'pools' }] }]);
    const answered = [];
    for (let i = 0; i < 10; i++) answered.push(await t.relayed('solicit', CPE_A, [iaNa(1)]));
    expect(answered.filter(Boolean)).toHaveLength(3);
    expect(t.stats['pkt6-rate-limited']).toBe(7);
    expect(t.server.stats.get('pkt6-drop-rate-limited')).toBe(7);
    expect(await t.relayed('solicit', CPE_B, [iaNa(1)], 0, { enterprise: 9, remoteId: '0999' })).toBeDefined();
  });

  it('as a backup, stays silent unless the client has been trying for more than 30 s (elapsed time)', async () => {
    const t = await pipelineServer([
      { type: 'elapsed-time', below: 30, handlers: [{ type: 'ignore' }] },
      { type: 'always', handlers: [{ type: 'pools' }] },
    ]);
    expect(await t.relayed('solicit', CPE_A, [iaNa(1)], 0)).toBeUndefined();
    expect(await t.relayed('solicit', CPE_A, [iaNa(1)], 2900)).toBeUndefined();
    expect(await t.relayed('solicit', CPE_A, [iaNa(1)], 3100)).toBeDefined();
    expect(t.server.stats.get('pkt6-drop-ignored')).toBe(2);
  });

  it('sends options and lifetimes set by handlers over configured ones', async () => {
    const t = await pipelineServer([
      {
        type: 'always',
        handlers: [{ type: 'pools' }, { type: 'options', 'option-data': [{ name: 'dns-servers', value: ['2001:db8::99'] }] }, { type: 'timers', t1: 100, t2: 160, preferred: 200, valid: 300 }],
      },
    ]);
    const reply = await t.relayed('solicit', CPE_A, [{ code: 14 }, { code: 6, value: [23] }, iaNa(1)]);
    expect(opt(reply, 'dns-servers')?.value).toEqual(['2001:db8::99']);
    const ia = opt(reply, 'ia-na')!.value as { t1: number; t2: number; options: Option[] };
    expect([ia.t1, ia.t2]).toEqual([100, 160]);
    expect((opt(ia, 'iaaddr')!.value as { validLifetime: number }).validLifetime).toBe(300);
  });

  it('serves a static assignment outside every subnet with the global lifetimes', async () => {
    const t = await pipelineServer([{ type: 'remote-id', values: ['9:0102'], handlers: [{ type: 'assign', addresses: ['2001:db8:77::1'] }] }], {
      subnets: [],
    });
    const reply = await t.relayed('solicit', CPE_A, [{ code: 14 }, iaNa(1)]);
    expect(iaAddresses(reply)).toEqual(['2001:db8:77::1']);
    expect((await t.store.get('na', '2001:db8:77::1'))?.subnetId).toBe(0);
  });

  it('rejects a bad pipeline with the exact path', async () => {
    const r = loadConfig(testConfig({ pipeline: [{ type: 'elapsed-time', abov: 3, handlers: [{ type: 'nope' }] }, { type: 'expression', expression: 'relay[0].remot_id == 0x01' }] }));
    if (!r.ok) throw new Error('schema');
    const p = await setupProvisioning(r.config, r.codec, '/tmp', { log: pino({ level: 'silent' }), count: () => undefined });
    expect(p.ok).toBe(false);
    const issues = p.ok ? [] : p.issues;
    expect(issues.slice(0, 2)).toEqual([
      { path: 'dhcp6.pipeline[0]', message: 'unknown key(s) for filter "elapsed-time": "abov"' },
      { path: 'dhcp6.pipeline[0]', message: 'give "above", "below" or both' },
    ]);
    expect(issues[2]).toEqual({ path: 'dhcp6.pipeline[0].handlers[0].type', message: expect.stringMatching(/^unknown handler "nope" \(known: assign, dump, /) });
    expect(issues[3]).toEqual({ path: 'dhcp6.pipeline[1].expression', message: 'column 10: unknown field "remot_id" (did you mean "remote_id"?)' });
  });

  it('queries a SQLite assignment table live: a line added while serving is served at once, no reload', async () => {
    const path = join(dir, 'lines.sqlite');
    const t = await pipelineServer(byLine, { 'assignment-sources': { lines: { type: 'sqlite', path } } });
    expect(iaAddresses(await t.relayed('solicit', CPE_A, [{ code: 14 }, iaPd(1)]), 'ia-pd')).toEqual([]);
    const db = new Database(path);
    db.prepare("INSERT INTO assignments (id_type, id, prefix) VALUES ('remote-id', '9:0102', '2001:db8:bb00::/56')").run();
    db.close();
    expect(iaAddresses(await t.relayed('solicit', CPE_A, [{ code: 14 }, iaPd(1)]), 'ia-pd')).toEqual(['2001:db8:bb00::/56']);
    await t.close();
  });

  it('queries a PostgreSQL assignment table live: a line added while serving is served at once, no reload', async () => {
    const url = process.env.FULMAR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
    const table = `lines_${process.pid}_${Date.now()}`;
    const t = await pipelineServer(byLine, { 'assignment-sources': { lines: { type: 'postgresql', url, table } } });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect(iaAddresses(await t.relayed('solicit', CPE_A, [{ code: 14 }, iaPd(1)]), 'ia-pd')).toEqual([]);
      await client.query(`INSERT INTO ${table} (id_type, id, prefix) VALUES ('remote-id', '9:0102', '2001:db8:cc00::/56')`);
      expect(iaAddresses(await t.relayed('solicit', CPE_A, [{ code: 14 }, iaPd(1)]), 'ia-pd')).toEqual(['2001:db8:cc00::/56']);
    } finally {
      await client.query(`DROP TABLE IF EXISTS ${table}`);
      await client.end();
      await t.close();
    }
  });
});
