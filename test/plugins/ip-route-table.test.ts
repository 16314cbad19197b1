import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IpRouteTable } from '../../src/plugins/route-injection/routes.js';
import { recordingLogger } from '../../src/plugins/route-injection/testing.js';
import { addAddress, addVeth, createNamespace, deleteNamespace, ip, namespaceExists } from '../interop/netns.js';

/**
 * IpRouteTable against the real kernel: the commands it builds are ones
 * iproute2 accepts, in one namespace this file creates and removes
 * (`ip -n NS` through a wrapper, so the table runs "ip" as in production).
 */

const NS = 'fp-rt';
let dir = '';

function routes(table = 'main'): string[] {
  return ip('-n', NS, '-6', 'route', 'show', 'table', table)
    .split('\n')
    .filter((l) => l.startsWith('2001:db8:8'));
}

function routeTable(over: { table?: number; metric?: number } = {}) {
  const log = recordingLogger();
  return { log, t: new IpRouteTable({ ip: join(dir, 'ip'), protocol: 'static', queueLimit: 100, log, ...over }) };
}

describe('IpRouteTable on a real routing table', () => {
  beforeAll(() => {
    if (process.getuid?.() !== 0) throw new Error('must run as root (the test creates a network namespace)');
    if (namespaceExists(NS)) throw new Error(`namespace ${NS} already exists (left by a killed run? ip netns del ${NS})`);
    createNamespace(NS);
    addVeth({ ns: NS, iface: 'rt0', mac: '02:00:00:00:0e:01' }, { ns: NS, iface: 'rt1', mac: '02:00:00:00:0e:02' });
    addAddress(NS, 'rt0', '2001:db8:3::1/64');
    dir = mkdtempSync(join(tmpdir(), 'fulmar-ip-route-'));
    writeFileSync(join(dir, 'ip'), `#!/bin/sh\nexec ip -n ${NS} "$@"\n`, { mode: 0o755 });
  });
  afterAll(() => {
    deleteNamespace(NS);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('installs via a link-local next hop on a device, replaces it, removes it, and takes a second removal calmly', async () => {
    const { t, log } = routeTable();
    expect(await t.replace('2001:db8:8000::/56', 'fe80::a', 'rt0')).toBe(true);
    expect(routes()).toEqual(['2001:db8:8000::/56 via fe80::a dev rt0 proto static metric 1024 pref medium']);
    expect(await t.replace('2001:db8:8000::/56', '2001:db8:3::2')).toBe(true);
    expect(routes()).toEqual(['2001:db8:8000::/56 via 2001:db8:3::2 dev rt0 proto static metric 1024 pref medium']);
    expect(await t.remove('2001:db8:8000::/56')).toBe(true);
    expect(await t.remove('2001:db8:8000::/56')).toBe(true);
    expect(routes()).toEqual([]);
    expect(log.lines).toEqual([]);
  });

  it('re-installs in one batch, where one bad route fails alone', async () => {
    const { t, log } = routeTable();
    const many = [1, 2, 3].map((i) => ({ prefix: `2001:db8:8${i}00::/56`, via: `fe80::${i}`, dev: 'rt0' }));
    expect(await t.replaceMany([...many, { prefix: '2001:db8:8400::/56', via: 'fe80::4' }])).toBe(3);
    expect(routes()).toHaveLength(3);
    expect(log.lines).toEqual([expect.objectContaining({ msgId: 'FULMAR_ROUTE_FAILED', prefix: '2001:db8:8400::/56', error: expect.stringMatching(/device/i) })]);
    await Promise.all(many.map((r) => t.remove(r.prefix)));
    expect(routes()).toEqual([]);
  });

  it('keeps to its table and metric', async () => {
    const { t } = routeTable({ table: 100, metric: 5 });
    expect(await t.replace('2001:db8:8000::/56', 'fe80::a', 'rt0')).toBe(true);
    expect(routes('100')).toEqual(['2001:db8:8000::/56 via fe80::a dev rt0 proto static metric 5 pref medium']);
    expect(routes()).toEqual([]);
    expect(await t.remove('2001:db8:8000::/56')).toBe(true);
    expect(routes('100')).toEqual([]);
  });
});
