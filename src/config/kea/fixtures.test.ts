import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../validate.js';
import { convertKea } from './convert.js';
import { keaCheck, keaDhcp6 } from './testing/kea-dhcp6.js';
import { parseKeaText } from './text.js';

/**
 * Realistic Kea configs, each checked by Kea itself (`kea-dhcp6 -t`), then
 * converted: the Fulmar config must equal the reviewed one beside it
 * (NAME.fulmar.json) and pass loadConfig, and the report must name exactly
 * the expected paths.
 */
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const kea = keaDhcp6();

const CASES: { name: string; about: string; report: string[] }[] = [
  {
    name: 'isp',
    about: 'an ISP: relays, pd-pools, DS-Lite, MAP-E, custom options, memfile',
    report: [
      'dropped Dhcp6.lease-database.name',
      'dropped Dhcp6.lease-database.lfc-interval',
      'dropped Dhcp6.expired-leases-processing.flush-reclaimed-timer-wait-time',
      'dropped Dhcp6.expired-leases-processing.hold-reclaimed-time',
      'dropped Dhcp6.expired-leases-processing.max-reclaim-leases',
      'dropped Dhcp6.expired-leases-processing.max-reclaim-time',
      'dropped Dhcp6.expired-leases-processing.unwarned-reclaim-cycles',
      'dropped Dhcp6.min-valid-lifetime',
      'dropped Dhcp6.subnet6[1].pd-pools[0].excluded-prefix',
      'dropped Dhcp6.subnet6[1].pd-pools[0].excluded-prefix-len',
      'dropped Dhcp6.loggers[0].output_options',
      'dropped Dhcp6.loggers[0].debuglevel',
    ],
  },
  {
    name: 'reservations',
    about: 'reservations by duid, hw-address and flex-id, with mac-sources',
    report: [
      'changed Dhcp6.mac-sources[2]',
      'dropped Dhcp6.host-reservation-identifiers',
      'dropped Dhcp6.subnet6[0].reservations-in-subnet',
      'dropped Dhcp6.subnet6[0].reservations-out-of-pool',
      'dropped Dhcp6.subnet6[0].reservations[1].client-classes',
      'dropped Dhcp6.subnet6[0].reservations[3]',
    ],
  },
  {
    name: 'shared-networks',
    about: 'shared networks, flattened into subnets that keep their settings',
    report: ['changed Dhcp6.shared-networks[0]', 'changed Dhcp6.shared-networks[1]', 'changed Dhcp6.shared-networks[1].subnet6[0]'],
  },
  {
    name: 'hooks-mysql',
    about: 'hooks, a MySQL lease database, DDNS and classes: mostly reported',
    report: [
      'dropped Dhcp6.interfaces-config.interfaces[0]',
      'dropped Dhcp6.server-id',
      'dropped Dhcp6.control-socket',
      'dropped Dhcp6.lease-database',
      'dropped Dhcp6.hosts-database',
      'dropped Dhcp6.hooks-libraries[0]',
      'dropped Dhcp6.hooks-libraries[1]',
      'dropped Dhcp6.dhcp-ddns',
      'dropped Dhcp6.ddns-qualifying-suffix',
      'dropped Dhcp6.client-classes[0]',
      'dropped Dhcp6.multi-threading',
      'dropped Dhcp6.subnet6[0].client-class',
      'dropped Dhcp6.subnet6[0].user-context',
      'dropped Dhcp6.loggers[0].debuglevel',
      'dropped Dhcp6.loggers[0].output_options',
      'dropped Dhcp6.loggers[1]',
    ],
  },
];

describe.each(CASES)('Kea fixture $name ($about)', ({ name, report }) => {
  const file = fixture(`${name}.conf`);

  it.skipIf(!kea)('is a config kea-dhcp6 accepts', () => {
    const r = keaCheck(kea!, file);
    expect(r.ok, r.output).toBe(true);
  });

  it('converts to the expected Fulmar config, which Fulmar accepts, and reports exactly what it could not carry over', () => {
    const text = parseKeaText(readFileSync(file, 'utf8'));
    if (!text.ok) throw new Error(text.message);
    const r = convertKea(text.value);
    if (!r.ok) throw new Error(r.message);
    expect(r.config).toEqual(JSON.parse(readFileSync(fixture(`${name}.fulmar.json`), 'utf8')));
    const loaded = loadConfig(r.config);
    expect(loaded.ok ? [] : loaded.issues).toEqual([]);
    expect(r.report.map((i) => `${i.kind} ${i.path}`)).toEqual(report);
  });
});
