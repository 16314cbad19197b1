import { describe, expect, it } from 'vitest';
import type { TransactionRecord } from '../../types.js';
import { sampleLease, startTestApi, type TestApi } from '../testing.js';
import { commandContract } from '../testing-contract.js';
import { fulmarCommands } from './fulmar.js';

const RECORD: TransactionRecord = {
  at: 1_700_000_000_000,
  micros: 80,
  type: 'solicit',
  reply: 'advertise',
  duid: '000300010a0b0c0d0e0f',
  ids: { 'remote-id': '4491:0a0b' },
  source: 'fe80::1',
  granted: ['2001:db8:1::10'],
  status: [],
};

function withRecords(t: TestApi): void {
  t.target.records.push(RECORD, { ...RECORD, duid: '0003000102', ids: {}, granted: [] });
}

commandContract("Fulmar's own", fulmarCommands, {
  'transactions-get': {
    setup: withRecords,
    args: { by: 'remote-id', value: '4491:0A:0B', limit: 5 },
    ok: (r) => expect(r.body).toEqual({ result: 0, text: '1 transaction(s) found.', arguments: { transactions: [RECORD], count: 1 } }),
    bad: { args: { by: 'address', value: '2001:db8::/64' }, text: 'arguments.value: not an IPv6 address' },
  },
  'assignments-reload': {
    args: { name: 'file' },
    ok: (r, t) => {
      expect(r.body).toEqual({ result: 0, text: '1 assignment source(s) reloaded.', arguments: { file: { ok: true, entries: 0, added: 0, removed: 0, changed: 0 } } });
      expect(t.target.sources[1]!.reloads).toBe(1);
    },
    bad: { args: { name: 'table' }, text: 'arguments.name: "table" is a sqlite source: it is read live, there is nothing to reload' },
  },
  'lease6-reconfigure': {
    setup: (t) => t.target.leases.commit([{ op: 'insert', lease: sampleLease() }]),
    args: { 'subnet-id': 1, rate: 50 },
    ok: (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'Reconfigure sent to 1 client(s); 0 skipped (no reconfigure key), 0 unreachable (not heard from since start), 0 failed.', arguments: { sent: 1, skipped: 0, unreachable: 0, failed: 0 } });
      expect(t.target.reconfigures).toEqual([{ subnetId: 1, rate: 50, message: 'renew' }]);
    },
    bad: { args: { message: 'renew' }, text: 'arguments: give exactly one of duid, ip-address, prefix, subnet-id' },
  },
});

describe("Fulmar's own commands: details", () => {
  it('transactions-get needs by and value together, and answers result 3 when nothing matches', async () => {
    const t = await startTestApi();
    withRecords(t);
    expect((await t.call('transactions-get', { by: 'duid' })).body.text).toBe('arguments.value: required with by');
    expect((await t.call('transactions-get', { limit: 1001 })).body.text).toBe('arguments.limit: must be at most 1000');
    expect((await t.call('transactions-get', { by: 'duid', value: '01:02:03' })).body).toMatchObject({ result: 3, text: '0 transaction(s) found.' });
    expect((await t.call('transactions-get', {})).body.arguments).toMatchObject({ count: 2 });
    await t.close();
  });

  it('lease6-reconfigure refuses an unknown subnet and says when no lease matches', async () => {
    const t = await startTestApi();
    expect((await t.call('lease6-reconfigure', { 'subnet-id': 8 })).body.text).toBe('arguments.subnet-id: no subnet 8 is configured');
    expect((await t.call('lease6-reconfigure', { duid: '01:02:03', message: 'information-request' })).body).toEqual({ result: 3, text: 'no matching lease', arguments: { sent: 0, skipped: 0, unreachable: 0, failed: 0 } });
    await t.close();
  });
});
