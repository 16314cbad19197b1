import { expect } from 'vitest';
import { commandContract } from '../testing-contract.js';
import { statisticsCommands } from './statistics.js';

const AT = '2024-01-02 03:04:05.678000';

commandContract('statistics', statisticsCommands, {
  'statistic-get': {
    args: { name: 'pkt6-received' },
    ok: (r) => expect(r.body).toEqual({ result: 0, text: '', arguments: { 'pkt6-received': [[125, AT]] } }),
    bad: { args: { name: '' }, text: 'arguments.name: must not be empty' },
  },
  'statistic-get-all': {
    ok: (r) => expect(r.body.arguments).toEqual({ 'pkt6-received': [[125, AT]], 'pkt6-reply-sent': [[120, AT]] }),
    bad: { args: { name: 'x' }, text: 'arguments: unknown key(s): "name"' },
  },
  'statistic-reset': {
    args: { name: 'pkt6-received' },
    ok: (r, t) => {
      expect(r.body).toEqual({ result: 0, text: "Statistic 'pkt6-received' reset." });
      expect(t.target.stats.get('pkt6-received')!.value).toBe(0);
      expect(t.target.stats.get('pkt6-reply-sent')!.value).toBe(120);
    },
    bad: { args: { name: 'no-such' }, text: "No 'no-such' statistic found" },
  },
  'statistic-reset-all': {
    ok: (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'All statistics reset to neutral values.' });
      expect([...t.target.stats.values()].map((s) => s.value)).toEqual([0, 0]);
    },
    bad: { args: [], text: 'arguments: must be a JSON object' },
  },
  'stat-lease6-get': {
    args: { 'subnet-id': 2 },
    ok: (r) => {
      expect(r.body.text).toBe('stat-lease6-get[selected ID 2]: 1 rows found');
      const set = (r.body.arguments as { 'result-set': { columns: string[]; rows: number[][] } })['result-set'];
      expect(set.columns).toEqual(['subnet-id', 'total-nas', 'assigned-nas', 'declined-nas', 'total-pds', 'assigned-pds']);
      expect(set.rows).toEqual([[2, 1000, 20, 0, 256, 2]]);
    },
    bad: { args: { 'subnet-id': 9 }, text: 'arguments.subnet-id: no subnet 9 is configured' },
  },
});
