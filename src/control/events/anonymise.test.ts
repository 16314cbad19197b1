import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TransactionRecord } from '../types.js';
import type { Message6, RelayMessage6 } from '../../protocol/index.js';
import { relayedReply, relayedSolicit } from '../../protocol/testing/samples.js';
import { anonymiseRecord, type AnonymiseOptions } from './anonymise.js';
import { prefixPreservingMapper, randomMapper } from './address-map.js';
import { deriveKeys, identifierHasher } from './keys.js';

/** Wrap in a second relay hop carrying the relay-supplied identifiers. */
function outerRelay(inner: Message6, type: 'relay-forw' | 'relay-repl'): RelayMessage6 {
  return {
    type,
    hopCount: 1,
    linkAddress: '2001:db8:77::1',
    peerAddress: '2001:db8:1::fe',
    options: [
      { code: 38, name: 'subscriber-id', value: '737562736372696265722d3432' },
      { code: 79, name: 'client-linklayer-addr', value: { linkType: 1, address: '000c29abcdef' } },
      { code: 18, name: 'interface-id', value: '6765302f302f37' },
      { code: 9, name: 'relay-msg', value: inner },
    ],
  };
}

function record(): TransactionRecord {
  const req = relayedSolicit() as RelayMessage6;
  const inner = (req.options.find((o) => o.code === 9)!.value as { options: unknown[] }).options;
  inner.push(
    { code: 39, name: 'client-fqdn', value: { flags: 1, domainName: 'alices-laptop.example.com.' } },
    { code: 3, name: 'ia-na', value: { iaid: 9, t1: 0, t2: 0, options: [{ code: 5, name: 'iaaddr', value: { address: '2001:db8:1::abcd', preferredLifetime: 0, validLifetime: 0, options: [] } }] } },
    { code: 1234, raw: 'deadbeefcafe0001' },
    { code: 37, name: 'remote-id', raw: '00000de9ff00ff00ff', error: 'truncated' },
  );
  return {
    at: 1_700_000_000_000,
    micros: 120,
    type: 'solicit',
    reply: 'reply',
    duid: '000100012db8a580000c29123456',
    hwaddr: '000c29123456',
    ids: { duid: '000100012db8a580000c29123456', 'hw-address': '000c29123456', 'remote-id': '3561:0102030405', 'interface-id': '657468302f31', 'subscriber-id': '737562736372696265722d3432' },
    subnet: 1,
    source: '2001:db8:1::fe',
    iface: 'eth0',
    granted: ['2001:db8:1::1234', '2001:db8:8000:100::/56'],
    status: [],
    request: outerRelay(req, 'relay-forw'),
    response: outerRelay(relayedReply(), 'relay-repl'),
  };
}

/** Every client-identifying string in record(). */
const SECRETS = [
  '000100012db8a580000c29123456',
  '2db8a580',
  '000c29123456',
  '0102030405',
  '657468302f31',
  '737562736372696265722d3432',
  '000c29abcdef',
  '6765302f302f37',
  'alices-laptop',
  'deadbeefcafe0001',
  '00000de9ff00ff00ff',
  '2001:db8:1::',
  '2001:db8:1:',
  '2001:db8:77::1',
  'fe80::20c:29ff:fe12:3456',
  '2001:db8:8000:100::',
  '767075712',
];

const keys = deriveKeys(Buffer.alloc(32, 1));
const full: AnonymiseOptions = { addresses: prefixPreservingMapper(keys.address), hash: identifierHasher(keys.identifier) };

describe('anonymiseRecord', () => {
  it('leaves no identifier or client address anywhere', () => {
    const before = JSON.stringify(record());
    for (const s of SECRETS) expect(before).toContain(s); // the test data has them all
    const after = JSON.stringify(anonymiseRecord(record(), full));
    for (const s of SECRETS) expect(after, s).not.toContain(s);
  });

  it('does the same with random addresses', () => {
    const after = JSON.stringify(anonymiseRecord(record(), { addresses: randomMapper(), hash: full.hash }));
    for (const s of SECRETS) expect(after, s).not.toContain(s);
  });

  it('keeps server data and the shape of the messages', () => {
    const out = anonymiseRecord(record(), full);
    const json = JSON.stringify(out);
    expect(json).toContain('2001:db8::53'); // dns-servers are ours
    expect(json).toContain('0003000102000000beef'); // server DUID
    expect(json).toContain('"::/56"'); // a "no preference" hint
    expect(out.granted[1]).toMatch(/\/56$/);
    expect(out.ids['remote-id']).toMatch(/^3561:[0-9a-f]{32}$/);
  });

  it('hashes an identifier the same wherever it appears', () => {
    const out = anonymiseRecord(record(), full);
    const json = JSON.stringify(out);
    expect(out.duid).toMatch(/^[0-9a-f]{32}$/);
    expect(json.split(out.duid!).length - 1).toBeGreaterThanOrEqual(4); // duid, ids.duid, clientid in request and response
    expect(json).toContain(`"lladdr":"${out.hwaddr}"`);
    expect(json).toContain(`"remoteId":"${out.ids['remote-id']!.split(':')[1]}"`);
  });

  it('maps a granted address into the granted prefix’s mapping consistently', () => {
    const out = anonymiseRecord(record(), full);
    const resp = JSON.stringify(out.response);
    expect(resp).toContain(out.granted[0]);
    expect(resp).toContain(out.granted[1]);
  });

  it('does not modify its input and is deterministic', () => {
    const r = record();
    const copy = JSON.stringify(r);
    const a = JSON.stringify(anonymiseRecord(r, full));
    expect(JSON.stringify(r)).toBe(copy);
    expect(JSON.stringify(anonymiseRecord(record(), full))).toBe(a);
  });

  it('with nothing to do, changes nothing', () => {
    expect(anonymiseRecord(record(), {})).toEqual(record());
  });

  it('hides any DUID and any address in the record fields', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 20 }), fc.uint8Array({ minLength: 16, maxLength: 16 }), (d, addr) => {
        const hex = Buffer.from(d).toString('hex');
        const a = Buffer.from(addr).toString('hex').replace(/(.{4})(?!$)/g, '$1:');
        fc.pre(!/^[0:]+$/.test(a));
        const r = { ...record(), duid: hex, ids: { duid: hex }, source: a, granted: [a], request: undefined, response: undefined };
        const out = anonymiseRecord(r, full);
        expect(out.duid).not.toBe(hex);
        expect(out.source).not.toBe(a);
        expect(out.source).toBe(out.granted[0]);
      }),
    );
  });
});
