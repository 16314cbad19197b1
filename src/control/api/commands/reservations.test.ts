import { describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing.js';
import { commandContract } from '../testing-contract.js';
import { reservationCommands } from './reservations.js';

const HOST = { duid: '00:03:00:01:0a:0b:0c:0d:0e:0f', 'ip-addresses': ['2001:db8:1::100'], prefixes: ['2001:db8:100::/56'] };
const KEY = { idType: 'duid' as const, id: '000300010a0b0c0d0e0f' };

async function withHosts(t: TestApi): Promise<void> {
  const table = t.target.sources[0]!;
  await table.put!({ ...KEY, address: '2001:db8:1::100', prefix: '2001:db8:100::/56' });
  await table.put!({ idType: 'remote-id', id: '4491:0a0b', address: '2001:db8:1::101' });
  t.target.sources[1]!.entries.set('hw-address 020000000001', { idType: 'hw-address', id: '020000000001', address: '2001:db8:2::5' });
}

commandContract('reservations', reservationCommands, {
  'reservation-add': {
    args: { reservation: { 'subnet-id': 1, ...HOST, 'option-data': [{ name: 'dns-servers', value: ['2001:db8::53'] }] } },
    ok: (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'Host added.' });
      expect(t.target.sources[0]!.entries.get('duid 000300010a0b0c0d0e0f')).toEqual({
        ...KEY,
        address: '2001:db8:1::100',
        prefix: '2001:db8:100::/56',
        options: [{ name: 'dns-servers', value: ['2001:db8::53'] }],
      });
    },
    bad: { args: { reservation: { ...HOST, 'ip-addresses': ['2001:db8:1::1', '2001:db8:1::2'] } }, text: 'arguments.reservation.ip-addresses: at most 1 item(s)' },
  },
  'reservation-get': {
    setup: withHosts,
    args: { 'subnet-id': 1, 'identifier-type': 'duid', identifier: HOST.duid },
    ok: (r) =>
      expect(r.body).toEqual({
        result: 0,
        text: 'Host found.',
        arguments: { duid: HOST.duid, 'ip-addresses': HOST['ip-addresses'], prefixes: HOST.prefixes, 'option-data': [], source: 'table' },
      }),
    bad: { args: { 'identifier-type': 'mac', identifier: '02' }, text: 'arguments.identifier-type: must be one of "duid", "hw-address", "flex-id", "remote-id", "subscriber-id", "interface-id"' },
  },
  'reservation-get-all': {
    setup: withHosts,
    ok: (r) => {
      expect(r.body.text).toBe('3 IPv6 host(s) found.');
      const hosts = (r.body.arguments as { hosts: Record<string, unknown>[] }).hosts;
      expect(hosts.map((h) => h.source)).toEqual(['table', 'table', 'file']);
      expect(hosts[1]).toMatchObject({ 'remote-id': '4491:0a:0b' });
    },
    bad: { args: { source: 'nope' }, text: 'arguments.source: no assignment source named "nope"' },
  },
  'reservation-get-page': {
    setup: withHosts,
    args: { limit: 2 },
    ok: (r) =>
      expect(r.body.arguments).toMatchObject({ count: 2, next: { from: 'remote-id:4491:0a0b', 'source-index': 0 } }),
    bad: { args: { limit: 2, from: 'bogus' }, text: 'arguments.from: not a cursor from a previous page ("next.from")' },
  },
  'reservation-del': {
    setup: withHosts,
    args: { 'identifier-type': 'remote-id', identifier: '4491:0a:0b' },
    ok: (r, t) => {
      expect(r.body).toEqual({ result: 0, text: 'Host deleted.' });
      expect(t.target.sources[0]!.entries.has('remote-id 4491:0a0b')).toBe(false);
    },
    bad: { args: { 'identifier-type': 'remote-id', identifier: '0a:0b' }, text: 'arguments.identifier: bad remote-id "0a:0b": expected ENTERPRISE:HEX such as 4491:00:11:22:33 (at most 255 bytes)' },
  },
});

describe('reservation commands: details', () => {
  it('pages through every source, then answers result 3', async () => {
    const t = await startTestApi();
    await withHosts(t);
    const seen: string[] = [];
    let next: Record<string, unknown> = {};
    for (;;) {
      const r = await t.call('reservation-get-page', { limit: 1, ...next });
      if (r.body.result === 3) break;
      const a = r.body.arguments as { hosts: { source: string }[]; next: { from: string; 'source-index': number } };
      seen.push(a.hosts[0]!.source);
      next = { from: a.next.from, 'source-index': a.next['source-index'] };
    }
    expect(seen).toEqual(['table', 'table', 'file']);
    await t.close();
  });

  it('says clearly when no source is writable, and refuses to write a CSV source', async () => {
    const t = await startTestApi();
    delete t.target.sources[0]!.put;
    delete t.target.sources[0]!.remove;
    expect((await t.call('reservation-add', { reservation: HOST })).body).toEqual({
      result: 1,
      text: 'no assignment source accepts writes: reservation changes need a sqlite or postgresql source',
    });
    expect((await t.call('reservation-del', { 'identifier-type': 'duid', identifier: HOST.duid, source: 'file' })).body.text).toBe(
      'arguments.source: "file" is a csv source: it cannot be written through the API',
    );
    await t.close();
  });

  it('needs exactly one identifier and something to reserve', async () => {
    const t = await startTestApi();
    const r = await t.call('reservation-add', { reservation: { ...HOST, 'hw-address': '02:00:00:00:00:01' } });
    expect(r.body.text).toBe('arguments.reservation: needs exactly one identifier of duid, hw-address, flex-id, remote-id, subscriber-id, interface-id (got duid, hw-address)');
    expect((await t.call('reservation-add', { reservation: { duid: HOST.duid } })).body.text).toBe('arguments.reservation: reserves nothing: give ip-addresses, prefixes or option-data');
    expect((await t.call('reservation-get', { 'identifier-type': 'duid', identifier: '01:02:03' })).body).toEqual({ result: 3, text: 'Host not found.' });
    expect((await t.call('reservation-del', { 'identifier-type': 'duid', identifier: '01:02:03' })).body).toEqual({ result: 3, text: 'Host not deleted (not found).' });
    await t.close();
  });
});
