import { describe, expect, it } from 'vitest';
import { convertKea } from './convert.js';

/** Convert `{Dhcp6: dhcp6, ...top}`; the config and report lines "kind path: message". */
function convert(dhcp6: Record<string, unknown>, top: Record<string, unknown> = {}) {
  const r = convertKea({ Dhcp6: dhcp6, ...top });
  if (!r.ok) throw new Error(r.message);
  return { config: r.config, report: r.report.map((i) => `${i.kind} ${i.path}: ${i.message}`) };
}
const paths = (report: string[]) => report.map((l) => l.replace(/: .*$/, ''));

const subnet = { id: 1, subnet: '2001:db8:1::/64', pools: [{ pool: '2001:db8:1::100 - 2001:db8:1::1ff' }] };

describe('Kea DHCPv6 config → Fulmar', () => {
  it('refuses what is not a Kea DHCPv6 config', () => {
    expect(convertKea({ Dhcp4: {} })).toEqual({ ok: false, message: 'not a Kea DHCPv6 config: it has no "Dhcp6" object' });
    expect(convertKea([])).toMatchObject({ ok: false });
  });

  it('converts the global settings, and reports the other top-level parts', () => {
    const r = convert(
      {
        'interfaces-config': { interfaces: ['eth0', 'eth0/2001:db8::547', 'eth1/2001:db8::548', '*'] },
        'lease-database': { type: 'memfile', persist: false },
        'preferred-lifetime': 1800,
        'valid-lifetime': 3600,
        'renew-timer': 900,
        'rebind-timer': 1440,
        'decline-probation-period': 600,
        'expired-leases-processing': { 'reclaim-timer-wait-time': 20 },
        'option-data': [{ name: 'preference', data: '10', 'always-send': true }],
        loggers: [{ name: 'kea-dhcp6', severity: 'ERROR' }],
        subnet6: [subnet],
      },
      { Dhcp4: {} },
    );
    expect(r.config).toEqual({
      logging: { level: 'error' },
      dhcp6: {
        interfaces: ['eth0', 'eth1'],
        'listen-addresses': ['2001:db8::547', '2001:db8::548'],
        'lease-database': { type: 'sqlite', durability: 'process' },
        'preferred-lifetime': 1800,
        'valid-lifetime': 3600,
        'renew-timer': 900,
        'rebind-timer': 1440,
        preference: 10,
        'decline-probation-period': 600,
        'reclaim-interval': 20,
        subnets: [{ id: 1, subnet: '2001:db8:1::/64', pools: [{ pool: '2001:db8:1::100-2001:db8:1::1ff' }] }],
      },
    });
    expect(paths(r.report)).toEqual(['dropped Dhcp6.interfaces-config.interfaces[3]', 'changed Dhcp6.lease-database.persist', 'dropped Dhcp4']);
  });

  it("accepts Kea's T1/T2 computation where it is Fulmar's, and reports it where not", () => {
    expect(convert({ 'calculate-tee-times': true, 't1-percent': 0.5, 't2-percent': 0.8 }).report).toEqual([]);
    expect(paths(convert({ 'calculate-tee-times': false, 't1-percent': 0.6, subnet6: [{ ...subnet, 't2-percent': 0.9 }] }).report)).toEqual([
      'changed Dhcp6.calculate-tee-times',
      'dropped Dhcp6.t1-percent',
      'dropped Dhcp6.subnet6[0].t2-percent',
    ]);
  });

  it('reports a logger severity Fulmar lacks, the other loggers, and a sweep interval out of range', () => {
    const r = convert({ loggers: [{ name: 'kea-dhcp6', severity: 'NONE' }, { name: 'kea-dhcp6.packets' }], 'expired-leases-processing': { 'reclaim-timer-wait-time': 0 } });
    expect(r.config).toEqual({ dhcp6: { subnets: [] } });
    expect(paths(r.report)).toEqual(['dropped Dhcp6.loggers[0].severity', 'dropped Dhcp6.loggers[1]', 'dropped Dhcp6.expired-leases-processing.reclaim-timer-wait-time']);
  });

  it("carries Kea 2.4's allocator choices over; its free-lease queue becomes iterative, with a note", () => {
    const r = convert({ allocator: 'random', 'pd-allocator': 'flq', subnet6: [{ ...subnet, allocator: 'iterative' }, { ...subnet, id: 2, subnet: '2001:db8:2::/64', pools: [], allocator: 'shuffled' }] });
    expect(r.config.dhcp6).toMatchObject({ allocator: 'random', 'pd-allocator': 'iterative' });
    expect(r.config.dhcp6.subnets?.[0]).toMatchObject({ id: 1, allocator: 'iterative' });
    expect(paths(r.report)).toEqual(['changed Dhcp6.pd-allocator', 'dropped Dhcp6.subnet6[1].allocator']);
  });

  it('turns the preference option into the setting, noting that Fulmar always sends it', () => {
    const r = convert({ subnet6: [{ ...subnet, 'option-data': [{ name: 'preference', data: '5' }] }] });
    expect(r.config.dhcp6.subnets).toEqual([expect.objectContaining({ id: 1, preference: 5 })]);
    expect(r.report).toEqual(['changed Dhcp6.subnet6[0].option-data[0]: Kea sent preference only to clients that asked for it; Fulmar puts it in every Advertise']);
  });

  it("reports Kea's mac-sources where Fulmar takes the MAC elsewhere", () => {
    const withHw = { ...subnet, reservations: [{ 'hw-address': '02:00:00:00:00:01', 'ip-addresses': ['2001:db8:1::5'] }] };
    expect(paths(convert({ subnet6: [withHw] }).report)).toEqual(['changed Dhcp6.mac-sources']);
    expect(convert({ subnet6: [subnet] }).report).toEqual([]);
    expect(convert({ 'mac-sources': ['rfc6939', 'duid'], subnet6: [withHw] }).report).toEqual([]);
    expect(paths(convert({ 'mac-sources': ['any'] }).report)).toEqual(['changed Dhcp6.mac-sources[0]']);
    expect(paths(convert({ 'mac-sources': ['duid', 'ipv6-link-local'] }).report)).toEqual(['changed Dhcp6.mac-sources', 'changed Dhcp6.mac-sources[1]']);
  });

  it('reports subnets, pools and reservations it cannot convert, and keeps the rest', () => {
    const r = convert({
      reservations: [{ duid: '01:02', 'ip-addresses': ['2001:db8::1'] }],
      subnet6: [
        { id: 1, pools: [] },
        {
          id: 2,
          subnet: '2001:db8:2::/64',
          'interface-id': 'port-1',
          pools: [{ pool: '2001:db8:2::1 to 2001:db8:2::9' }],
          'pd-pools': [{ prefix: '2001:db8:8000::', 'prefix-len': 48 }],
          reservations: [
            { duid: 'zz', 'ip-addresses': ['2001:db8:2::5'] },
            { 'circuit-id': "'port-7'", 'ip-addresses': ['2001:db8:2::6'] },
            { duid: '0x000300010a0b0c0d0e0f', prefixes: ['2001:db8:ff00::/56'], 'option-data': [{ name: 'preference', data: '1' }] },
          ],
        },
      ],
    });
    expect(r.config.dhcp6.subnets).toEqual([{ id: 2, subnet: '2001:db8:2::/64', reservations: [{ duid: '00:03:00:01:0a:0b:0c:0d:0e:0f', prefixes: ['2001:db8:ff00::/56'] }] }]);
    expect(paths(r.report)).toEqual([
      'dropped Dhcp6.reservations',
      'dropped Dhcp6.subnet6[0]',
      'dropped Dhcp6.subnet6[1].interface-id',
      'dropped Dhcp6.subnet6[1].pools[0]',
      'dropped Dhcp6.subnet6[1].pd-pools[0]',
      'dropped Dhcp6.subnet6[1].reservations[0]',
      'dropped Dhcp6.subnet6[1].reservations[1]',
      'dropped Dhcp6.subnet6[1].reservations[2].option-data[0]',
    ]);
  });
});
