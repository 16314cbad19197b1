import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runFulmar } from '../testing.js';

const dir = mkdtempSync(join(tmpdir(), 'fulmar-import-kea-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const fixture = (name: string) => fileURLToPath(new URL(`../../config/kea/fixtures/${name}`, import.meta.url));

const fulmar = (args: string[]) => runFulmar(['import-kea', ...args]);

describe('fulmar import-kea', () => {
  it('prints the Fulmar config on stdout and what it could not convert on stderr, and exits 0', async () => {
    const path = fixture('reservations.conf');
    const r = await fulmar([path]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(fixture('reservations.fulmar.json'), 'utf8')));
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `${path}: Dhcp6.mac-sources[2]: converted, but Fulmar does not use remote-id: Fulmar takes the MAC from the relay's client link-layer address option (RFC 6939), else from the client's DUID-LL or DUID-LLT`,
    );
    expect(lines.at(-2)).toBe(`${path}: Dhcp6.subnet6[0].reservations[3]: not converted: reserved by flex-id: Fulmar matches reservations by duid or hw-address only`);
    expect(lines.at(-1)).toBe('fulmar: 5 item(s) not converted, 1 converted with different behaviour');
  });

  it('exits 1 on a file it cannot read or parse, or that is not a Kea DHCPv6 config', async () => {
    expect(await fulmar([join(dir, 'missing.conf')])).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^fulmar: cannot read /) });
    const broken = file('broken.conf', '{ "Dhcp6": { "a": 1 "b": 2 } }');
    expect(await fulmar([broken])).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining(`fulmar: ${broken}: line 1 column 21: not valid JSON`) });
    const v4 = file('v4.conf', '{ "Dhcp4": {} }');
    expect(await fulmar([v4])).toEqual({ code: 1, stdout: '', stderr: `fulmar: ${v4}: not a Kea DHCPv6 config: it has no "Dhcp6" object\n` });
  });

  it('prints no config, and exits 1, when the result would not validate', async () => {
    const path = file('overlap.conf', JSON.stringify({ Dhcp6: { subnet6: [{ id: 1, subnet: '2001:db8::/64' }, { id: 1, subnet: '2001:db8:1::/64' }] } }));
    const r = await fulmar([path]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'fulmar: the converted config is not valid: dhcp6.subnets[1].id: id 1 is also used by dhcp6.subnets[0]\n' });
  });
});
