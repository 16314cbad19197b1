import { describe, expect, it } from 'vitest';
import { convertOptionDefs } from './option-defs.js';
import { Report } from './report.js';

function convert(defs: unknown[]) {
  const report = new Report();
  const d = convertOptionDefs(defs, 'Dhcp6.option-def', report);
  return { fulmar: d.fulmarDefs, keaDefs: d.keaDefs, report: report.items.map((i) => `${i.path}: ${i.message}`) };
}

describe('option-def from Kea', () => {
  it("maps Kea's types to Fulmar's vocabulary", () => {
    const r = convert([
      { name: 'a', code: 65001, type: 'uint32' },
      { name: 'b', code: 65002, type: 'ipv6-address', array: true },
      { name: 'c', code: 65003, type: 'fqdn', array: true },
      { name: 'd', code: 65004, type: 'record', 'record-types': 'uint8, boolean, ipv4-address, string' },
      { name: 'e', code: 65005, type: 'empty', space: 'dhcp6', encapsulate: '' },
    ]);
    expect(r.report).toEqual([]);
    expect(r.fulmar).toEqual([
      { name: 'a', code: 65001, type: 'u32' },
      { name: 'b', code: 65002, type: 'ipv6', array: true },
      { name: 'c', code: 65003, type: 'fqdn-list' },
      { name: 'd', code: 65004, type: 'record', 'record-types': ['u8', 'bool', 'ipv4', 'string'] },
      { name: 'e', code: 65005, type: 'empty' },
    ]);
  });

  it('reports what Fulmar cannot define, but keeps the Kea definition to read the data', () => {
    const r = convert([
      { name: 'p', code: 65010, type: 'ipv6-prefix' },
      { name: 't', code: 65011, type: 'tuple' },
      { name: 'r', code: 65012, type: 'record', array: true, 'record-types': 'uint8, uint16' },
      { name: 'x', code: 65013, type: 'empty', encapsulate: 'x-space' },
      { name: 'v', code: 1, type: 'string', space: 'vendor-12345' },
      { name: 'my-ntp', code: 56, type: 'binary' },
      { name: 'Bad_Name', code: 65014, type: 'uint8' },
    ]);
    expect(r.fulmar).toEqual([]);
    expect(r.keaDefs.find('vendor-12345', 'v')).toMatchObject({ code: 1, type: 'string' });
    expect(r.report).toEqual([
      expect.stringMatching(/^Dhcp6\.option-def\[0\]: Kea's ipv6-prefix is variable-length/),
      expect.stringMatching(/^Dhcp6\.option-def\[1\]: Fulmar option-def has no tuple type; /),
      expect.stringMatching(/^Dhcp6\.option-def\[2\]: a record whose last field repeats has no Fulmar equivalent; /),
      expect.stringMatching(/^Dhcp6\.option-def\[3\]: Fulmar option-def cannot encapsulate an option space; /),
      expect.stringMatching(/^Dhcp6\.option-def\[4\]: Fulmar option-def takes the dhcp6 space only, not vendor-12345; /),
      expect.stringMatching(/^Dhcp6\.option-def\[6\]: name: lowercase letters, digits and "-"; /),
      expect.stringMatching(/^Dhcp6\.option-def\[5\]: code: code 56 is already the standard option "ntp-server"; /),
    ]);
  });
});
