import { describe, expect, it } from 'vitest';
import type { PipelineContext } from '../../pipeline/types.js';
import { createHandler, nextHop } from './next-hop.js';
import { request } from './testing.js';

const relay = { type: 'relay-forw' as const, hopCount: 0, linkAddress: '2001:db8:2::1', peerAddress: 'fe80::a', options: [] };

describe('nextHop', () => {
  it("direct: the client's link-local source on the receiving interface", () => {
    expect(nextHop(request())).toEqual({ via: 'fe80::a', dev: 'eth1' });
  });

  it("relayed: the relay's address, and no interface (the kernel finds it)", () => {
    expect(nextHop(request({ relays: [relay], source: '2001:db8:3::2', iface: undefined }))).toEqual({ via: '2001:db8:3::2' });
    expect(nextHop(request({ relays: [relay], source: '2001:db8:3::2', iface: 'eth3' }))).toEqual({ via: '2001:db8:3::2' });
  });

  it('relayed from a link-local address: that address on the receiving interface', () => {
    expect(nextHop(request({ relays: [relay], source: 'fe80::2', iface: 'eth3' }))).toEqual({ via: 'fe80::2', dev: 'eth3' });
  });

  it('a configured interface wins, direct or relayed', () => {
    expect(nextHop(request(), 'lan0')).toEqual({ via: 'fe80::a', dev: 'lan0' });
    expect(nextHop(request({ relays: [relay], source: '2001:db8:3::2' }), 'up0')).toEqual({ via: '2001:db8:3::2', dev: 'up0' });
  });

  it('never derives the next hop from the DUID', () => {
    // DUID-LL of 02:00:00:00:0b:01, whose EUI-64 link-local would be fe80::ff:fe00:b01.
    expect(nextHop(request({ ids: { duid: '00030001020000000b01' }, source: 'fe80::1234' })).via).toBe('fe80::1234');
  });
});

describe('route-injection handler', () => {
  it('records the next hop in the lease context in pre()', () => {
    const ctx = { request: request(), leaseContext: { other: 1 } } as unknown as PipelineContext;
    void createHandler().pre!(ctx);
    expect(ctx.leaseContext).toEqual({ other: 1, route: { via: 'fe80::a', dev: 'eth1' } });
    void createHandler('lan0').pre!(ctx);
    expect(ctx.leaseContext.route).toEqual({ via: 'fe80::a', dev: 'lan0' });
  });
});
