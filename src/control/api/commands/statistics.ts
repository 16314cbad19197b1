import { z } from 'zod';
import type { StatisticSample } from '../../types.js';
import { command, empty, fail, ok, type CommandDef } from '../command.js';
import { subnetId } from '../fields.js';
import { checkSubnet } from '../lease-json.js';

/** Kea's statistic-* commands, and stat-lease6-get (Kea's stat_cmds) from ControlTarget.subnetUsage(). */

const none = z.strictObject({});
const name = z.string().min(1).max(256).describe('Statistic name, e.g. pkt6-received');

/** Kea's timestamp form, "2019-07-30 10:11:19.498000" (UTC here). */
export function keaTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23).replace('T', ' ')}000`;
}

const sample = (s: StatisticSample): [number, string][] => [[s.value, keaTime(s.at)]];

export const statisticsCommands: CommandDef[] = [
  command({
    name: 'statistic-get',
    access: 'read',
    description: 'One statistic as `{"NAME": [[value, "timestamp"]]}`; an unknown name gives an empty object (as Kea).',
    args: z.strictObject({ name }),
    handler: (t, a) => {
      const s = t.statistics().get(a.name);
      return ok('', s ? { [a.name]: sample(s) } : {});
    },
  }),
  command({
    name: 'statistic-get-all',
    access: 'read',
    description: 'Every statistic, in the same form as statistic-get.',
    args: none,
    handler: (t) => {
      const out: Record<string, [number, string][]> = {};
      for (const [k, s] of t.statistics()) out[k] = sample(s);
      return ok('', out);
    },
  }),
  command({
    name: 'statistic-reset',
    access: 'write',
    description: 'Set one statistic back to zero.',
    args: z.strictObject({ name }),
    handler: (t, a) => (t.resetStatistic(a.name) ? ok(`Statistic '${a.name}' reset.`) : fail(`No '${a.name}' statistic found`)),
  }),
  command({
    name: 'statistic-reset-all',
    access: 'write',
    description: 'Set every statistic back to zero.',
    args: none,
    handler: (t) => {
      t.resetStatistic();
      return ok('All statistics reset to neutral values.');
    },
  }),
  command({
    name: 'stat-lease6-get',
    access: 'read',
    description: "Lease counts per subnet in Kea's result-set form (columns and rows).",
    args: z.strictObject({ 'subnet-id': subnetId.optional().describe('Only this subnet (default: all)') }),
    handler: (t, a) => {
      if (a['subnet-id'] !== undefined) checkSubnet(t, a['subnet-id']);
      const rows = t
        .subnetUsage()
        .filter((s) => a['subnet-id'] === undefined || s.id === a['subnet-id'])
        .sort((x, y) => x.id - y.id)
        .map((s) => [s.id, s.totalNas, s.assignedNas, s.declined, s.totalPds, s.assignedPds]);
      const where = a['subnet-id'] === undefined ? 'all subnets' : `selected ID ${a['subnet-id']}`;
      const set = {
        'result-set': {
          columns: ['subnet-id', 'total-nas', 'assigned-nas', 'declined-nas', 'total-pds', 'assigned-pds'],
          rows,
          timestamp: keaTime(Date.now()),
        },
      };
      return rows.length ? ok(`stat-lease6-get[${where}]: ${rows.length} rows found`, set) : empty(`stat-lease6-get[${where}]: 0 rows found`, set);
    },
  }),
];
