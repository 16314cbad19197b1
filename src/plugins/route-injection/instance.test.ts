import { describe, expect, it } from 'vitest';
import type { LeaseEvent } from '../../pipeline/types.js';
import type { Lease6 } from '../../store/types.js';
import { FakeRouteTable } from './fake-routes.js';
import { createInstance } from './instance.js';
import { recordingLogger } from './testing.js';

const PREFIX = '2001:db8:8000::/56';

function lease(over: Partial<Lease6> = {}): Lease6 {
  return {
    type: 'pd',
    address: PREFIX,
    duid: '00030001020000000b01',
    iaid: 1,
    subnetId: 1,
    preferredLifetime: 30,
    validLifetime: 60,
    cltt: 1_700_000_000,
    expiresAt: 1_700_000_060,
    state: 'assigned',
    userContext: { route: { via: 'fe80::a', dev: 'eth1' } },
    ...over,
  };
}

async function* leases(...all: Lease6[]): AsyncIterable<Lease6> {
  yield* all;
}

function setup(dev?: string) {
  const table = new FakeRouteTable();
  const log = recordingLogger();
  const instance = createInstance(table, log, dev);
  const on = (kind: LeaseEvent['kind'], l: Lease6) => instance.onLease!({ kind, lease: l });
  return { table, log, instance, on };
}

describe('route-injection lease tracking', () => {
  it('installs on grant, replaces on extend (a new next hop), removes on release', () => {
    const { table, on } = setup();
    on('granted', lease());
    expect([...table.routes.values()]).toEqual([{ prefix: PREFIX, via: 'fe80::a', dev: 'eth1' }]);
    on('extended', lease({ userContext: { route: { via: '2001:db8:3::2' } } }));
    expect([...table.routes.values()]).toEqual([{ prefix: PREFIX, via: '2001:db8:3::2' }]);
    on('released', lease());
    expect(table.routes.size).toBe(0);
    expect(table.changes).toEqual([`replace ${PREFIX} via fe80::a dev eth1`, `replace ${PREFIX} via 2001:db8:3::2`, `remove ${PREFIX}`]);
  });

  it('removes on decline and on expiry', () => {
    const { table, on } = setup();
    on('declined', lease());
    on('expired', lease({ state: 'reclaimed' }));
    expect(table.changes).toEqual([`remove ${PREFIX}`, `remove ${PREFIX}`]);
  });

  it('leaves addresses alone; routes no prefix without a next hop, but removes on expiry all the same', () => {
    const { table, log, on } = setup();
    on('granted', lease({ type: 'na', address: '2001:db8:1::1000' }));
    on('released', lease({ type: 'na', address: '2001:db8:1::1000' }));
    on('granted', lease({ userContext: undefined }));
    expect(table.changes).toEqual([]);
    on('expired', lease({ userContext: {} }));
    expect(table.changes).toEqual([`remove ${PREFIX}`]);
    expect(log.lines).toEqual([{ level: 'debug', msgId: 'FULMAR_ROUTE_NO_NEXT_HOP', prefix: PREFIX, duid: '00030001020000000b01' }]);
  });

  it('refuses a recorded next hop that does not check out (stored data onto a command line)', () => {
    const { table, on } = setup();
    on('granted', lease({ userContext: { route: { via: 'not an address' } } }));
    on('granted', lease({ userContext: { route: { via: 'fe80::a', dev: 'eth1\nroute flush all' } } }));
    on('granted', lease({ address: '2001:db8:8000::1/56' }));
    expect(table.changes).toEqual([]);
  });

  it('a configured interface wins over the recorded one', () => {
    const { table, on } = setup('lan0');
    on('granted', lease());
    expect(table.changes).toEqual([`replace ${PREFIX} via fe80::a dev lan0`]);
  });

  it('start re-installs the routes of live, assigned prefixes and says how many', async () => {
    const { table, log, instance } = setup();
    table.failing.add('2001:db8:8300::/56');
    await instance.start!(
      leases(
        lease(),
        lease({ address: '2001:db8:8100::/56', userContext: { route: { via: '2001:db8:3::2' } } }),
        lease({ address: '2001:db8:8200::/56', state: 'declined' }),
        lease({ address: '2001:db8:1::1000', type: 'na' }),
        lease({ address: '2001:db8:8300::/56' }),
        lease({ address: '2001:db8:8400::/56', userContext: undefined }),
      ),
    );
    expect([...table.routes.keys()].sort()).toEqual([PREFIX, '2001:db8:8100::/56']);
    expect(log.lines).toEqual([{ level: 'info', msgId: 'FULMAR_ROUTES_REINSTALLED', routes: 3, failed: 1, ms: expect.any(Number) }]);
  });

  it('start handles more live leases than one batch', async () => {
    const { table, instance } = setup();
    const many = Array.from({ length: 2500 }, (_, i) => lease({ address: `2001:db8:${(0x8000 + i).toString(16)}::/48` }));
    await instance.start!(leases(...many));
    expect(table.routes.size).toBe(2500);
  });
});
