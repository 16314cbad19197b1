import { describe, expect, it } from 'vitest';
import { Codec, type Message4, type Message6 } from '../../protocol/index.js';
import { parsePrefix } from './args.js';
import { compileFilter, type FilterSpec } from './filter.js';
import { relayedRequest, request4, bytes4 } from './testing/fixtures.js';
import { parseTypes } from './types.js';

const codec = new Codec();
const relayed = relayedRequest();
const relayedBytes = codec.encode6(relayed);
const other = relayedRequest('020000000099');
const otherBytes = codec.encode6(other);

/** Whether the filter keeps the relayed request, and the same with another client; both via bytes and JSON. */
function keeps(spec: FilterSpec): [boolean, boolean] {
  const f = compileFilter(spec);
  const check = (m: Message6, b: Buffer) => {
    const full = f.matches('dhcp6', m);
    if (full) expect(f.mayMatch('dhcp6', b)).toBe(true); // the byte check never drops a match
    return full;
  };
  return [check(relayed, relayedBytes), check(other, otherBytes)];
}

describe('compileFilter on DHCPv6', () => {
  it('matches everything when empty', () => {
    const f = compileFilter({});
    expect(f.active).toBe(false);
    expect(f.matches('dhcp6', relayed)).toBe(true);
    expect(f.matchesUndecodable('dhcp6', Buffer.of(1))).toBe(true);
  });

  it('--type matches any message of the relay chain', () => {
    expect(keeps({ types: parseTypes(['request']) })).toEqual([true, true]);
    expect(keeps({ types: parseTypes(['relay-forw']) })).toEqual([true, true]);
    expect(keeps({ types: parseTypes(['solicit', 'reply']) })).toEqual([false, false]);
    expect(compileFilter({ types: parseTypes(['solicit']) }).mayMatch('dhcp6', relayedBytes)).toBe(false);
  });

  it('--duid matches the client or server id', () => {
    expect(keeps({ duids: ['00030001000c29123456'] })).toEqual([true, false]);
    expect(keeps({ duids: ['0002000000090a0b'] })).toEqual([true, true]);
    expect(keeps({ duids: ['0003000100'] })).toEqual([false, false]);
    expect(compileFilter({ duids: ['00030001000c29123456'] }).mayMatch('dhcp6', otherBytes)).toBe(false);
  });

  it('--mac matches a DUID link-layer address or the relay client-linklayer-addr', () => {
    expect(keeps({ macs: ['000c29123456'] })).toEqual([true, false]);
    expect(keeps({ macs: ['02aabbccddee'] })).toEqual([true, true]);
  });

  it('--remote-id and --interface-id match relay options', () => {
    expect(keeps({ remoteIds: ['0102030405'] })).toEqual([true, true]);
    expect(keeps({ remoteIds: ['01020304'] })).toEqual([false, false]);
    expect(keeps({ interfaceIds: ['657468302f31'] })).toEqual([true, true]);
  });

  it('--address and --prefix match IAADDR and IAPREFIX', () => {
    expect(keeps({ addresses: ['2001:db8:1::1234'] })).toEqual([true, true]);
    expect(keeps({ addresses: ['2001:db8:1::1235'] })).toEqual([false, false]);
    expect(keeps({ prefixes: [parsePrefix('2001:db8:8000::/40')] })).toEqual([true, true]);
    expect(keeps({ prefixes: [parsePrefix('2001:db8:8000:100::/56')] })).toEqual([true, true]);
    expect(keeps({ prefixes: [parsePrefix('2001:db8:8000:100::/64')] })).toEqual([false, false]);
    expect(keeps({ prefixes: [parsePrefix('::/0')] })).toEqual([true, true]);
  });

  it('ANDs criteria and ORs the values of one', () => {
    expect(keeps({ duids: ['00030001000c29123456', '00030001020000000099'], types: parseTypes(['request']) })).toEqual([true, true]);
    expect(keeps({ duids: ['00030001000c29123456'], types: parseTypes(['solicit']) })).toEqual([false, false]);
  });

  it('keeps an undecodable packet only for --type, by its type byte', () => {
    const broken = Buffer.from('03123456000100ff', 'hex');
    expect(compileFilter({ types: parseTypes(['request']) }).matchesUndecodable('dhcp6', broken)).toBe(true);
    expect(compileFilter({ types: parseTypes(['solicit']) }).matchesUndecodable('dhcp6', broken)).toBe(false);
    expect(compileFilter({ duids: ['0001'] }).matchesUndecodable('dhcp6', broken)).toBe(false);
  });
});

describe('compileFilter on DHCPv4', () => {
  const m = request4();
  const on = (spec: FilterSpec, msg: Message4 = m) => compileFilter(spec).matches('dhcp4', msg);

  it('matches type, client id, RFC 4361 DUID, chaddr, agent options and addresses', () => {
    expect(on({ types: parseTypes(['DHCPREQUEST']) })).toBe(true);
    expect(on({ types: parseTypes(['discover']) })).toBe(false);
    expect(on({ clientIds: ['ff00000001000300010a0b0c0d0e0f'] })).toBe(true);
    expect(on({ duids: ['000300010a0b0c0d0e0f'] })).toBe(true);
    expect(on({ macs: ['00005e005301'] })).toBe(true);
    expect(on({ macs: ['00005e005302'] })).toBe(false);
    expect(on({ interfaceIds: ['65746830'] })).toBe(true);
    expect(on({ remoteIds: ['aabbcc'] })).toBe(true);
    expect(on({ addresses: ['192.0.2.10'] })).toBe(true);
    expect(on({ addresses: ['192.0.2.11'] })).toBe(false);
  });

  it('takes a type given by name, and peeks at option 53 in the bytes', () => {
    const named = { ...m, options: [{ code: 53, name: 'dhcp-message-type', value: 'DHCPREQUEST' }] };
    expect(on({ types: parseTypes(['request']) }, named)).toBe(true);
    const f = compileFilter({ types: parseTypes(['discover']) });
    expect(f.mayMatch('dhcp4', bytes4([53, 1, 1]))).toBe(true);
    expect(f.mayMatch('dhcp4', bytes4([53, 1, 3]))).toBe(false);
  });

  it('v6-only criteria exclude DHCPv4, and v4-only ones exclude DHCPv6', () => {
    expect(on({ prefixes: [parsePrefix('::/0')] })).toBe(false);
    expect(compileFilter({ clientIds: ['0102'] }).matches('dhcp6', relayed)).toBe(false);
  });

  it('looks into DHCPv4 carried in DHCPv6 (RFC 7341)', () => {
    const query: Message6 = { type: 'dhcpv4-query', flags: 0, options: [{ code: 87, name: 'dhcpv4-message', value: m }] };
    expect(compileFilter({ types: parseTypes(['request']) }).matches('dhcp6', query)).toBe(true);
    expect(compileFilter({ macs: ['00005e005301'] }).matches('dhcp6', query)).toBe(true);
  });
});
