import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build, fakeContext, issues } from '../testing.js';
import { duidFilter } from './duid.js';
import { hwAddressFilter } from './hw-address.js';
import { interfaceFilter } from './interface.js';
import { interfaceIdFilter } from './interface-id.js';
import { markedFilter } from './marked.js';
import { messageTypeFilter } from './message-type.js';
import { subnetFilter } from './subnet.js';
import { subscriberIdFilter } from './subscriber-id.js';

describe('identifier set filters', () => {
  it('duid: matches the canonical form of any spelling', () => {
    const f = build(duidFilter, { values: ['00:01:00:01:AA:BB', '00030001001122334455'] });
    expect(f.match(fakeContext({ ids: { duid: '00010001aabb' } }))).toBe(true);
    expect(f.match(fakeContext({ ids: { duid: '00030001001122334455' } }))).toBe(true);
    expect(f.match(fakeContext({ ids: { duid: '00010001aabc' } }))).toBe(false);
  });

  it('hw-address: colon, dash, Cisco dotted and bare forms', () => {
    const f = build(hwAddressFilter, { values: ['00:11:22:33:44:55', '66-77-88-99-AA-BB', '0011.2233.4466', 'ccddeeff0011'] });
    for (const mac of ['001122334455', '66778899aabb', '001122334466', 'ccddeeff0011']) {
      expect(f.match(fakeContext({ ids: { 'hw-address': mac } })), mac).toBe(true);
    }
    expect(f.match(fakeContext({ ids: { 'hw-address': '001122334457' } }))).toBe(false);
    expect(f.match(fakeContext())).toBe(false); // no link-layer address known
  });

  it('any spelling of a MAC matches its canonical form, and only it', () => {
    const mac = fc.uint8Array({ minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(mac, mac, fc.constantFrom(':', '-', ''), fc.boolean(), (a, b, sep, upper) => {
        const hex = Buffer.from(a).toString('hex');
        let text = hex.match(/../g)!.join(sep);
        if (upper) text = text.toUpperCase();
        const f = build(hwAddressFilter, { values: [text] });
        expect(f.match(fakeContext({ ids: { 'hw-address': hex } }))).toBe(true);
        const other = Buffer.from(b).toString('hex');
        expect(f.match(fakeContext({ ids: { 'hw-address': other } }))).toBe(other === hex);
      }),
    );
  });

  it('interface-id and subscriber-id: hex or text', () => {
    const iid = build(interfaceIdFilter, { values: [{ text: 'eth0' }, '01:02'] });
    expect(iid.match(fakeContext({ ids: { 'interface-id': '65746830' } }))).toBe(true);
    expect(iid.match(fakeContext({ ids: { 'interface-id': '0102' } }))).toBe(true);
    expect(iid.match(fakeContext({ ids: { 'interface-id': '0103' } }))).toBe(false);
    expect(iid.match(fakeContext())).toBe(false);
    const sub = build(subscriberIdFilter, { values: [{ text: 'sub-ü' }] });
    expect(sub.match(fakeContext({ ids: { 'subscriber-id': Buffer.from('sub-ü').toString('hex') } }))).toBe(true);
    expect(sub.match(fakeContext({ ids: { 'interface-id': Buffer.from('sub-ü').toString('hex') } }))).toBe(false);
  });

  it('refuses bad values with the index of the offending one', () => {
    expect(issues(duidFilter, { values: ['0011', 'xyz'] })[0]).toMatch(/^values\.1: bad duid "xyz"/);
    expect(issues(hwAddressFilter, { values: ['0:1:2:3:4:5'] })[0]).toMatch(/^values\.0: bad hw-address/);
    expect(issues(duidFilter, { values: [] })).toEqual(['values: list at least one duid']);
    expect(issues(duidFilter, { values: [{ text: 'a' }] })).not.toEqual([]); // DUIDs are bytes, not text
    expect(issues(interfaceIdFilter, { values: [{ text: 'x'.repeat(256) }] })[0]).toMatch(/^values\.0\.text: longer than 255 bytes/);
    expect(issues(duidFilter, { values: ['0011'], extra: 1 })[0]).toMatch(/extra/);
  });
});

describe('subnet, interface, marked, message-type', () => {
  it('subnet', () => {
    const f = build(subnetFilter, { ids: [1, 7] });
    expect(f.match(fakeContext({ subnetId: 7 }))).toBe(true);
    expect(f.match(fakeContext({ subnetId: 2 }))).toBe(false);
    expect(f.match(fakeContext())).toBe(false);
    expect(issues(subnetFilter, { ids: [0] })[0]).toMatch(/^ids\.0:/);
  });

  it('interface', () => {
    const f = build(interfaceFilter, { names: ['eth0', 'eth1'] });
    expect(f.match(fakeContext({ iface: 'eth1' }))).toBe(true);
    expect(f.match(fakeContext({ iface: 'eth2' }))).toBe(false);
    expect(f.match(fakeContext())).toBe(false);
    expect(issues(interfaceFilter, { names: ['a-very-long-interface-name'] })[0]).toMatch(/^names\.0: an interface name is at most 15/);
  });

  it('marked', () => {
    const f = build(markedFilter, { name: 'gold' });
    expect(f.match(fakeContext({ marks: ['silver', 'gold'] }))).toBe(true);
    expect(f.match(fakeContext({ marks: ['silver'] }))).toBe(false);
    expect(issues(markedFilter, { name: '' })[0]).toMatch(/^name: a mark is/);
  });

  it('message-type', () => {
    const f = build(messageTypeFilter, { types: ['solicit', 'rebind'] });
    expect(f.match(fakeContext({ type: 'rebind' }))).toBe(true);
    expect(f.match(fakeContext({ type: 'request' }))).toBe(false);
    expect(issues(messageTypeFilter, { types: ['advertise'] })[0]).toMatch(/^types\.0:/);
  });
});
