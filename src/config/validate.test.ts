import { describe, expect, it } from 'vitest';
import { loadConfig, loadConfigText } from './validate.js';
import { configJsonSchema } from './schema.js';

const base = () => ({
  dhcp6: {
    interfaces: ['eth0'],
    'option-data': [{ name: 'dns-servers', value: ['2001:db8::53'] }],
    subnets: [
      {
        id: 1,
        subnet: '2001:db8:1::/64',
        interface: 'eth0',
        pools: [{ pool: '2001:db8:1::1000-2001:db8:1::1fff' }],
        'pd-pools': [{ prefix: '2001:db8:8000::', 'prefix-len': 40, 'delegated-len': 56 }],
      },
    ],
  },
});

function issuesOf(raw: unknown) {
  const r = loadConfig(raw);
  return r.ok ? [] : r.issues;
}

describe('config validation', () => {
  it('accepts a sound config and fills defaults', () => {
    const r = loadConfig(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.dhcp6['valid-lifetime']).toBe(7200);
    expect(r.config.dhcp6['lease-database']).toEqual({ type: 'sqlite', durability: 'process' });
  });

  it('names the field of a malformed address', () => {
    const c = base();
    c.dhcp6.subnets[0]!.pools[0]!.pool = '2001:db8:1::1000-zz';
    expect(issuesOf(c)).toEqual([{ path: 'dhcp6.subnets[0].pools[0].pool', message: 'not FIRST-LAST or PREFIX/LEN' }]);
  });

  it('names unknown keys', () => {
    const c = { ...base(), colour: 'blue' };
    expect(issuesOf(c)).toEqual([{ path: '(top level)', message: 'unknown key(s): "colour"' }]);
  });

  it('checks option values with the codec, down to the list element', () => {
    const c = base();
    c.dhcp6['option-data'] = [{ name: 'dns-servers', value: ['2001:db8::53', 'not-an-address'] }];
    expect(issuesOf(c)).toEqual([{ path: 'dhcp6.option-data[0].value[1]', message: 'not an IPv6 address: "not-an-address"' }]);
  });

  it('rejects an unknown option name', () => {
    const c = base();
    c.dhcp6['option-data'] = [{ name: 'dns-serverz', value: [] }];
    expect(issuesOf(c)[0]).toEqual({ path: 'dhcp6.option-data[0].name', message: 'no option named "dns-serverz" in space dhcp6' });
  });

  it('rejects pools outside their subnet and overlapping pools', () => {
    const c = base();
    c.dhcp6.subnets[0]!.pools.push({ pool: '2001:db8:1::1800-2001:db8:2::1' });
    const issues = issuesOf(c);
    expect(issues).toContainEqual({ path: 'dhcp6.subnets[0].pools[1].pool', message: '2001:db8:1::1800-2001:db8:2::1 is not inside subnet 2001:db8:1::/64' });
    expect(issues).toContainEqual({ path: 'dhcp6.subnets[0].pools[1].pool', message: 'pool overlaps dhcp6.subnets[0].pools[0].pool' });
  });

  it('rejects duplicate subnet ids', () => {
    const c = base();
    c.dhcp6.subnets.push({ ...c.dhcp6.subnets[0]!, subnet: '2001:db8:2::/64', pools: [], 'pd-pools': [] });
    expect(issuesOf(c)).toContainEqual({ path: 'dhcp6.subnets[1].id', message: 'id 1 is also used by dhcp6.subnets[0]' });
  });

  it('rejects a delegated length shorter than the pool prefix', () => {
    const c = base();
    c.dhcp6.subnets[0]!['pd-pools'][0]!['delegated-len'] = 32;
    expect(issuesOf(c)).toContainEqual({ path: 'dhcp6.subnets[0].pd-pools[0].delegated-len', message: '32 is shorter than prefix-len 40' });
  });

  it('rejects preferred > valid lifetime (RFC 8415 §21.6) and T1 > T2 (§21.4)', () => {
    const c = { dhcp6: { ...base().dhcp6, 'preferred-lifetime': 9000, 'valid-lifetime': 100, 'renew-timer': 50, 'rebind-timer': 40 } };
    const paths = issuesOf(c).map((i) => i.path);
    expect(paths).toEqual(['dhcp6.preferred-lifetime', 'dhcp6.renew-timer']);
  });

  it('reads comments and trailing commas, and says where bad JSON is', () => {
    expect(loadConfigText('// fulmar\n{ "dhcp6": { /* none */ "interfaces": [], }, }').ok).toBe(true);
    const r = loadConfigText('{\n  "dhcp6": {\n    "interfaces": [\n  }\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/^not valid JSON: Unexpected token '}'/);
  });

  it('adds custom options from option-def and checks their values', () => {
    const c = base();
    const withDef = { dhcp6: { ...c.dhcp6, 'option-def': [{ name: 'cpe-sol-max-rt', code: 65001, type: 'u32' }], 'option-data': [{ name: 'cpe-sol-max-rt', value: 3600 }] } };
    const r = loadConfig(withDef);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.codec.encode6({ type: 'reply', xid: 1, options: [{ code: 65001, value: 3600 }] }).toString('hex')).toBe('07000001fde9000400000e10');
    const bad = { dhcp6: { ...withDef.dhcp6, 'option-data': [{ name: 'cpe-sol-max-rt', value: -1 }] } };
    expect(issuesOf(bad)[0]!.path).toBe('dhcp6.option-data[0].value');
  });

  it('exports a JSON Schema that names the fields', () => {
    const s = configJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['dhcp6', 'data-directory']));
    expect(JSON.stringify(s)).toContain('delegated-len');
  });
});
