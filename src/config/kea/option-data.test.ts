import { describe, expect, it } from 'vitest';
import { convertOptionData } from './option-data.js';
import { convertOptionDefs } from './option-defs.js';
import { Report } from './report.js';

/** Convert one global option-data list (with option-defs); the entries, the preference and the report lines. */
function convert(list: unknown[], defs: unknown[] = []) {
  const report = new Report();
  const d = convertOptionDefs(defs, 'Dhcp6.option-def', report);
  const r = convertOptionData(list, 'Dhcp6.option-data', { keaDefs: d.keaDefs, codec: d.codec, report });
  return { entries: r.options.map((c) => c.entry), preference: r.preference, report: report.items.map((i) => `${i.path}: ${i.message}`) };
}

describe('option-data from Kea', () => {
  it("types Kea's CSV data by Fulmar's definitions, by name or by code", () => {
    const r = convert([
      { name: 'dns-servers', data: '2001:DB8::1, 2001:db8:0::2' },
      { code: 24, data: 'example.com, corp.example.' },
      { name: 'aftr-name', data: 'aftr.example', 'always-send': true },
      { name: 'information-refresh-time', data: '3600' },
      { name: 'new-posix-timezone', data: 'EST5EDT4\\,M3.2.0/02:00\\,M11.1.0/02:00' },
      { name: 'remote-id', data: '4491, 0A0B' },
      { name: 'bootfile-param', data: 'root=/dev/sda2, quiet' },
      { name: 'client-arch-type', data: '7, 16' },
      { name: 'reconf-accept' },
    ]);
    expect(r.report).toEqual([]);
    expect(r.entries).toEqual([
      { name: 'dns-servers', value: ['2001:db8::1', '2001:db8::2'] },
      { name: 'domain-search', value: ['example.com.', 'corp.example.'] },
      { name: 'aftr-name', value: 'aftr.example.', 'always-send': true },
      { name: 'information-refresh-time', value: 3600 },
      { name: 'new-posix-timezone', value: 'EST5EDT4,M3.2.0/02:00,M11.1.0/02:00' },
      { name: 'remote-id', value: { enterprise: 4491, remoteId: '0a0b' } },
      { name: 'bootfile-param', value: [Buffer.from('root=/dev/sda2').toString('hex'), Buffer.from('quiet').toString('hex')] },
      { name: 'client-arch-type', value: [7, 16] },
      { name: 'reconf-accept' },
    ]);
  });

  it('keeps hex data (csv-format false) as raw bytes, and options Fulmar has no definition for', () => {
    const r = convert([
      { name: 'dns-servers', 'csv-format': false, data: '20 01 0D B8 00 00 00 00 00 00 00 00 00 00 00 01' },
      { code: 143, data: '2001:db8::1' },
      { code: 65000, 'csv-format': false, data: '0xC0FFEE' },
    ]);
    expect(r.report).toEqual([]);
    expect(r.entries).toEqual([
      { name: 'dns-servers', raw: '20010db8000000000000000000000001' },
      { code: 143, raw: '20010db8000000000000000000000001' },
      { code: 65000, raw: 'c0ffee' },
    ]);
  });

  it('uses custom definitions, and nests the sub-options Kea encapsulates at the same level', () => {
    const defs = [{ name: 'site-flag', code: 65001, type: 'boolean' }];
    const r = convert(
      [
        { name: 'site-flag', data: 'true' },
        { name: 's46-cont-lw' },
        { space: 's46-cont-lw-options', name: 's46-v4v6bind', data: '192.0.2.3, 2001:db8:1::/48' },
        { space: 's46-v4v6bind-options', name: 's46-portparams', data: '2, 3/4' },
        { name: 'vendor-opts', data: '4491' },
        { space: 'vendor-4491', name: 'config-file', data: 'cm.cfg' },
      ],
      defs,
    );
    expect(r.report).toEqual([]);
    expect(r.entries).toEqual([
      { name: 'site-flag', value: true },
      {
        name: 's46-cont-lw',
        value: [
          {
            code: 92,
            name: 's46-v4v6bind',
            value: { ipv4Address: '192.0.2.3', bindPrefix6: '2001:db8:1::/48', options: [{ code: 93, name: 's46-portparams', value: { offset: 2, psidLen: 4, psid: 3 } }] },
          },
        ],
      },
      { name: 'vendor-opts', value: { enterprise: 4491, options: [{ code: 33, raw: Buffer.from('cm.cfg').toString('hex') }] } },
    ]);
  });

  it('turns the preference option into the preference setting, and leaves out what Fulmar must not send', () => {
    const r = convert([
      { name: 'preference', data: '255' },
      { name: 'unicast', data: '2001:db8::1' },
      { name: 'dns-servers', data: '2001:db8::1', 'never-send': true },
    ]);
    expect(r.entries).toEqual([]);
    expect(r.preference).toEqual({ value: 255, path: 'Dhcp6.option-data[0]', alwaysSend: false });
    expect(r.report).toEqual([
      'Dhcp6.option-data[2]: never-send is not supported: Fulmar would send the option, so it is left out',
      'Dhcp6.option-data[1]: Fulmar does not offer Server Unicast: it answers unicast from clients with UseMulticast (RFC 8415 §18.4)',
    ]);
  });

  it('reports what it cannot read or type, and converts the rest', () => {
    const r = convert([
      { name: 'dns-servers', data: '2001:db8::1, nonsense' },
      { name: 'no-such-option', data: '1' },
      { code: 65000, data: '1, 2' },
      { name: 'client-linklayer-addr', data: '01' },
      { space: 's46-cont-mape-options', name: 's46-br', data: '2001:db8::1' },
      { name: 'domain-search', data: 'example.com', comment: 'kept?' },
      { name: 'new-tzdb-timezone', data: 'Europe/Zurich, Europe/Paris' },
    ]);
    expect(r.entries).toEqual([
      { name: 'domain-search', value: ['example.com.'] },
      { name: 'new-tzdb-timezone', value: 'Europe/Zurich' },
    ]);
    expect(r.report).toEqual([
      'Dhcp6.option-data[1]: Kea has no option "no-such-option" in space dhcp6',
      'Dhcp6.option-data[5].comment: Kea annotations are not carried over',
      'Dhcp6.option-data[0]: "nonsense" is not an IPv6 address',
      'Dhcp6.option-data[2]: option 65000 in space dhcp6 has no definition, so its data must be hex (csv-format false)',
      expect.stringMatching(/^Dhcp6\.option-data\[3\]: Kea's bytes for this option do not fit Fulmar's definition of it: /),
      'Dhcp6.option-data[6].data: Kea reads only the first 1 value(s) of new-tzdb-timezone and ignores "Europe/Paris": they are left out here too',
      'Dhcp6.option-data[4]: options of space s46-cont-mape-options are sent only inside the option that encapsulates that space, and this level has none',
    ]);
  });
});
