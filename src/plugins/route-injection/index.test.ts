import { afterEach, describe, expect, it } from 'vitest';
import type { Lease6 } from '../../store/types.js';
import type { SetupEnv } from '../../pipeline/types.js';
import plugin, { configSchema, handlerSchema, routeOfLease } from './index.js';
import { FakeIp, recordingLogger, request } from './testing.js';

let ip: FakeIp | undefined;
afterEach(() => ip?.remove());

function env() {
  const log = recordingLogger();
  const counts = new Map<string, number>();
  return { log, counts, env: { log, count: (s: string, by = 1) => void counts.set(s, (counts.get(s) ?? 0) + by) } as unknown as SetupEnv };
}

describe('route-injection config', () => {
  it('has defaults and bounds', () => {
    expect(configSchema.parse({})).toEqual({ ip: 'ip', protocol: 'static', 'queue-limit': 4096 });
    expect(configSchema.parse({ table: 100, metric: 5, protocol: 'dhcp', dev: 'eth1' })).toMatchObject({ table: 100, metric: 5, protocol: 'dhcp', dev: 'eth1' });
    expect(configSchema.safeParse({ dev: 'eth1 down' }).success).toBe(false);
    expect(configSchema.safeParse({ dev: 'averyveryverylongname' }).success).toBe(false);
    expect(configSchema.safeParse({ protocol: 256 }).success).toBe(false);
    expect(configSchema.safeParse({ table: 'main; reboot' }).success).toBe(false);
    expect(configSchema.safeParse({ typo: 1 }).success).toBe(false);
    expect(handlerSchema.safeParse({ dev: 'lan0' }).success).toBe(true);
  });

  it('describes every field (fulmar schema shows them)', () => {
    for (const [key, field] of Object.entries({ ...configSchema.shape, ...handlerSchema.shape })) expect(field.description, key).toBeTruthy();
  });

  it('routeOfLease reads the next hop a transaction recorded', () => {
    const l = { type: 'pd', address: '2001:db8:8000::/56', userContext: { route: { via: 'fe80::a', dev: 'eth1' } } } as unknown as Lease6;
    expect(routeOfLease(l)).toEqual({ prefix: '2001:db8:8000::/56', via: 'fe80::a', dev: 'eth1' });
  });
});

describe('route-injection plugin', () => {
  it('has the route-injection handler, using the plugin config when the loader passes it', () => {
    const def = plugin.handlers!['route-injection']!;
    const create = def.create as (c: unknown, e: SetupEnv, p?: unknown) => ReturnType<typeof def.create>;
    const ctx = { request: request(), leaseContext: {} as Record<string, unknown> };
    void create(def.schema.parse({}), env().env).pre!(ctx as never);
    expect(ctx.leaseContext.route).toEqual({ via: 'fe80::a', dev: 'eth1' });
    void create(def.schema.parse({}), env().env, configSchema.parse({ dev: 'lan0' })).pre!(ctx as never);
    expect(ctx.leaseContext.route).toEqual({ via: 'fe80::a', dev: 'lan0' });
  });

  it('setup drives the configured ip binary: batch at start, single commands on lease events', async () => {
    ip = new FakeIp();
    const { env: e, log, counts } = env();
    const instance = await plugin.setup!(configSchema.parse({ ip: ip.path, table: 100, metric: 5 }), e);
    const pd = (address: string, via: string): Lease6 =>
      ({ type: 'pd', address, state: 'assigned', duid: '0003', userContext: { route: { via, dev: 'eth1' } } }) as unknown as Lease6;
    async function* live() {
      yield pd('2001:db8:8000::/56', 'fe80::a');
      yield pd('2001:db8:8100::/56', 'fe80::b');
    }
    await instance.start!(live());
    await instance.onLease!({ kind: 'granted', lease: pd('2001:db8:8200::/56', 'fe80::c') });
    await instance.stop!();
    await instance.onLease!({ kind: 'expired', lease: pd('2001:db8:8200::/56', 'fe80::c') });
    await instance.stop!();
    expect(ip.calls()).toEqual([
      '-6 -force -batch -',
      '  route replace 2001:db8:8000::/56 via fe80::a dev eth1 proto static table 100 metric 5',
      '  route replace 2001:db8:8100::/56 via fe80::b dev eth1 proto static table 100 metric 5',
      '-6 route replace 2001:db8:8200::/56 via fe80::c dev eth1 proto static table 100 metric 5',
      '-6 route del 2001:db8:8200::/56 proto static table 100 metric 5',
    ]);
    expect(log.lines).toEqual([{ level: 'info', msgId: 'FULMAR_ROUTES_REINSTALLED', routes: 2, failed: 0, ms: expect.any(Number) }]);
    expect(Object.fromEntries(counts)).toEqual({ 'route-injection-installed': 3, 'route-injection-removed': 1 });
  });
});
