import { describe, expect, it } from 'vitest';
import type { Message6, Option } from '../../protocol/index.js';
import { relayedRequest, request4 } from './testing/fixtures.js';
import { messagesOf, someOption, MESSAGE_CARRIERS_6 } from './walk.js';

describe('messagesOf', () => {
  it('lists relay hops, the relayed message, and DHCPv4 carried in DHCPv6', () => {
    const query: Message6 = { type: 'dhcpv4-query', flags: 0, options: [{ code: 87, value: request4() }] };
    const relayed: Message6 = { type: 'relay-forw', hopCount: 1, linkAddress: '::', peerAddress: '::', options: [{ code: 9, value: query }] };
    expect(messagesOf('dhcp6', relayed).map((v) => v.protocol)).toEqual(['dhcp6', 'dhcp6', 'dhcp4']);
    expect(messagesOf('dhcp6', relayedRequest()).map((v) => (v.message as Message6).type)).toEqual(['relay-forw', 'request']);
  });
});

describe('someOption', () => {
  const codes = (options: Option[], noDescend?: ReadonlySet<number>) => {
    const seen: number[] = [];
    someOption(options, (o) => (seen.push(o.code), false), noDescend);
    return seen.sort((a, b) => a - b);
  };

  it('visits nested options (IA_NA → IAADDR, IA_PD → IAPREFIX) but not relayed messages', () => {
    expect(codes(relayedRequest().options, MESSAGE_CARRIERS_6)).toEqual([9, 18, 37, 79]);
    const inner = (relayedRequest().options[3]!.value as Message6).options;
    expect(codes(inner)).toEqual([1, 2, 3, 5, 25, 26]);
  });

  it('stops at the first hit and survives nesting deeper than the call stack', () => {
    let deep: Option = { code: 45, value: [] };
    for (let i = 0; i < 100_000; i++) deep = { code: 45, value: [deep] };
    expect(someOption([deep], (o) => Array.isArray(o.value) && o.value.length === 0)).toBe(true);
  });
});
