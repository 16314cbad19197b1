import { afterEach, describe, expect, it } from 'vitest';
import { batchFailures, IpRouteTable, routeArgs, type IpRouteOptions } from './routes.js';
import { FakeIp, recordingLogger } from './testing.js';

let ip: FakeIp | undefined;
afterEach(() => ip?.remove());

function table(over: Partial<IpRouteOptions> = {}) {
  ip = new FakeIp();
  const log = recordingLogger();
  const counts = new Map<string, number>();
  const t = new IpRouteTable({ ip: ip.path, protocol: 'static', queueLimit: 100, log, count: (s, by = 1) => void counts.set(s, (counts.get(s) ?? 0) + by), ...over });
  return { t, ip, log, counts };
}

describe('routeArgs', () => {
  it('builds replace and delete with proto, table and metric', () => {
    const o = { protocol: 'static', table: 100, metric: 5 };
    expect(routeArgs({ kind: 'replace', route: { prefix: '2001:db8:8000::/56', via: 'fe80::a', dev: 'eth1' } }, o).join(' ')).toBe(
      'route replace 2001:db8:8000::/56 via fe80::a dev eth1 proto static table 100 metric 5',
    );
    expect(routeArgs({ kind: 'remove', prefix: '2001:db8:8000::/56' }, o).join(' ')).toBe('route del 2001:db8:8000::/56 proto static table 100 metric 5');
    expect(routeArgs({ kind: 'replace', route: { prefix: '2001:db8:8000::/56', via: '2001:db8:3::2' } }, { protocol: 'static' }).join(' ')).toBe(
      'route replace 2001:db8:8000::/56 via 2001:db8:3::2 proto static',
    );
  });
});

describe('batchFailures', () => {
  it("attributes ip's error lines to the batch line that failed", () => {
    const stderr = 'RTNETLINK answers: No such process\nCommand failed -:2\nError: Egress device not specified.\nCommand failed -:3\n';
    expect(batchFailures(stderr)).toEqual(
      new Map([
        [1, 'RTNETLINK answers: No such process'],
        [2, 'Error: Egress device not specified.'],
      ]),
    );
    expect(batchFailures('')).toEqual(new Map());
  });
});

describe('IpRouteTable with a fake ip', () => {
  it('runs one ip -6 route command per change, in order', async () => {
    const { t, ip, counts } = table({ table: 'dhcp', metric: 10, protocol: 'dhcp' });
    expect(await t.replace('2001:db8:8000::/56', 'fe80::a', 'eth1')).toBe(true);
    expect(await t.replace('2001:db8:9000::/60', '2001:db8:3::2')).toBe(true);
    expect(await t.remove('2001:db8:8000::/56')).toBe(true);
    expect(ip.calls()).toEqual([
      '-6 route replace 2001:db8:8000::/56 via fe80::a dev eth1 proto dhcp table dhcp metric 10',
      '-6 route replace 2001:db8:9000::/60 via 2001:db8:3::2 proto dhcp table dhcp metric 10',
      '-6 route del 2001:db8:8000::/56 proto dhcp table dhcp metric 10',
    ]);
    expect(Object.fromEntries(counts)).toEqual({ 'route-injection-installed': 2, 'route-injection-removed': 1 });
  });

  it('re-installs many routes through ip -force -batch -', async () => {
    const { t, ip } = table();
    const routes = [1, 2, 3].map((i) => ({ prefix: `2001:db8:80${i}0::/56`, via: `fe80::${i}`, dev: 'eth1' }));
    expect(await t.replaceMany(routes)).toBe(3);
    expect(ip.calls()).toEqual([
      '-6 -force -batch -',
      '  route replace 2001:db8:8010::/56 via fe80::1 dev eth1 proto static',
      '  route replace 2001:db8:8020::/56 via fe80::2 dev eth1 proto static',
      '  route replace 2001:db8:8030::/56 via fe80::3 dev eth1 proto static',
    ]);
  });

  it('runs changes made together, or queued while a command runs, as one batch, in order', async () => {
    const { t, ip } = table();
    const first = t.replace('2001:db8:8010::/56', 'fe80::1', 'eth1');
    await new Promise((resolve) => setImmediate(resolve));
    const later = [t.remove('2001:db8:8010::/56'), t.replace('2001:db8:8010::/56', 'fe80::2', 'eth1')];
    expect(await Promise.all([first, ...later])).toEqual([true, true, true]);
    expect(ip.calls()).toEqual([
      '-6 route replace 2001:db8:8010::/56 via fe80::1 dev eth1 proto static',
      '-6 -force -batch -',
      '  route del 2001:db8:8010::/56 proto static',
      '  route replace 2001:db8:8010::/56 via fe80::2 dev eth1 proto static',
    ]);
  });

  it('splits a large re-installation into batches of batchLimit', async () => {
    const { t, ip } = table({ batchLimit: 2 });
    const routes = [1, 2, 3, 4, 5].map((i) => ({ prefix: `2001:db8:80${i}0::/56`, via: `fe80::${i}` }));
    expect(await t.replaceMany(routes)).toBe(5);
    expect(ip.calls().filter((c) => !c.startsWith(' '))).toEqual(['-6 -force -batch -', '-6 -force -batch -', '-6 route replace 2001:db8:8050::/56 via fe80::5 proto static']);
  });

  it('re-installs more routes than the queue holds, in chunks that fit', async () => {
    const { t, ip, log } = table({ queueLimit: 4 });
    const routes = [1, 2, 3, 4, 5].map((i) => ({ prefix: `2001:db8:80${i}0::/56`, via: `fe80::${i}` }));
    expect(await t.replaceMany(routes)).toBe(5);
    expect(ip.calls().filter((c) => !c.startsWith(' '))).toHaveLength(3);
    expect(log.lines).toEqual([]);
  });

  it('ignores "No such process" when removing: the route is gone already', async () => {
    const { t, ip, log } = table();
    ip.fail('route del', 'RTNETLINK answers: No such process');
    expect(await t.remove('2001:db8:8000::/56')).toBe(true);
    expect(await t.replaceMany([{ prefix: '2001:db8:8000::/56', via: 'fe80::1' }, { prefix: '2001:db8:8100::/56', via: 'fe80::1' }])).toBe(2);
    expect(log.lines).toEqual([]);
  });

  it('logs and counts a failed change, and resolves false instead of throwing', async () => {
    const { t, ip, log, counts } = table();
    ip.fail('via fe80::1 proto', 'Error: Egress device not specified.');
    expect(await t.replace('2001:db8:8000::/56', 'fe80::1')).toBe(false);
    expect(log.lines).toEqual([
      { level: 'warn', msgId: 'FULMAR_ROUTE_FAILED', op: 'replace', prefix: '2001:db8:8000::/56', via: 'fe80::1', error: 'Error: Egress device not specified.' },
    ]);
    expect(counts.get('route-injection-failed')).toBe(1);
    // In a batch only the failing line fails.
    const routes = [{ prefix: '2001:db8:8100::/56', via: 'fe80::1' }, { prefix: '2001:db8:8200::/56', via: 'fe80::2', dev: 'eth1' }];
    expect(await t.replaceMany(routes)).toBe(1);
    expect(log.lines.at(-1)).toMatchObject({ msgId: 'FULMAR_ROUTE_FAILED', prefix: '2001:db8:8100::/56' });
  });

  it('survives a missing ip binary', async () => {
    const log = recordingLogger();
    const t = new IpRouteTable({ ip: '/nonexistent/ip', protocol: 'static', queueLimit: 10, log });
    expect(await t.replace('2001:db8:8000::/56', 'fe80::1', 'eth1')).toBe(false);
    expect(await t.replaceMany([1, 2].map((i) => ({ prefix: `2001:db8:80${i}0::/56`, via: 'fe80::1' })))).toBe(0);
    expect(log.lines.map((l) => l.msgId)).toEqual(['FULMAR_ROUTE_FAILED', 'FULMAR_ROUTE_FAILED', 'FULMAR_ROUTE_FAILED']);
    expect(String(log.lines[0]!.error)).toMatch(/ENOENT/);
  });

  it('drops changes beyond the queue limit, logging once per overflow', async () => {
    const { t, log, counts } = table({ queueLimit: 2 });
    // Two wait for the next tick; the rest find the queue full.
    const all = [1, 2, 3, 4, 5].map((i) => t.replace(`2001:db8:80${i}0::/56`, 'fe80::1', 'eth1'));
    expect(await Promise.all(all)).toEqual([true, true, false, false, false]);
    expect(counts.get('route-injection-dropped')).toBe(3);
    expect(log.lines.filter((l) => l.msgId === 'FULMAR_ROUTE_QUEUE_FULL')).toHaveLength(1);
  });

  it('drain waits for everything queued', async () => {
    const { t, ip } = table();
    void t.replace('2001:db8:8000::/56', 'fe80::1', 'eth1');
    void t.remove('2001:db8:8000::/56');
    await t.drain();
    expect(ip.calls().filter((c) => c.includes('2001:db8:8000::/56'))).toHaveLength(2);
  });
});
