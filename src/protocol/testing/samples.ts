import type { Message6 } from '../v6/message.js';

/** A relayed Solicit with IA_NA + IA_PD and 8 options: the benchmark's and tests' yardstick. */
export function relayedSolicit(): Message6 {
  return {
    type: 'relay-forw',
    hopCount: 0,
    linkAddress: '2001:db8:1::1',
    peerAddress: 'fe80::20c:29ff:fe12:3456',
    options: [
      { code: 18, name: 'interface-id', value: '657468302f31' },
      { code: 37, name: 'remote-id', value: { enterprise: 3561, remoteId: '0102030405' } },
      {
        code: 9,
        name: 'relay-msg',
        value: {
          type: 'solicit',
          xid: 0x1a2b3c,
          options: [
            { code: 1, name: 'clientid', value: { type: 'LLT', hwtype: 1, time: 767075712, lladdr: '000c29123456', hex: '000100012db8a580000c29123456' } },
            { code: 8, name: 'elapsed-time', value: 0 },
            { code: 6, name: 'oro', value: [23, 24, 82] },
            { code: 3, name: 'ia-na', value: { iaid: 1, t1: 0, t2: 0, options: [] } },
            { code: 25, name: 'ia-pd', value: { iaid: 2, t1: 0, t2: 0, options: [{ code: 26, name: 'iaprefix', value: { preferredLifetime: 0, validLifetime: 0, prefix: '::/56', options: [] } }] } },
            { code: 14, name: 'rapid-commit' },
            { code: 20, name: 'reconf-accept' },
            { code: 16, name: 'vendor-class', value: { enterprise: 4491, data: ['646f63736973'] } },
          ],
        },
      },
    ],
  };
}

/** The Reply a server sends back for `relayedSolicit` with rapid commit. */
export function relayedReply(): Message6 {
  return {
    type: 'relay-repl',
    hopCount: 0,
    linkAddress: '2001:db8:1::1',
    peerAddress: 'fe80::20c:29ff:fe12:3456',
    options: [
      { code: 18, name: 'interface-id', value: '657468302f31' },
      {
        code: 9,
        name: 'relay-msg',
        value: {
          type: 'reply',
          xid: 0x1a2b3c,
          options: [
            { code: 1, name: 'clientid', value: { type: 'LLT', hwtype: 1, time: 767075712, lladdr: '000c29123456', hex: '000100012db8a580000c29123456' } },
            { code: 2, name: 'serverid', value: { type: 'LL', hwtype: 1, lladdr: '02000000beef', hex: '0003000102000000beef' } },
            { code: 3, name: 'ia-na', value: { iaid: 1, t1: 1800, t2: 2880, options: [{ code: 5, name: 'iaaddr', value: { address: '2001:db8:1::1234', preferredLifetime: 3600, validLifetime: 7200, options: [] } }] } },
            { code: 25, name: 'ia-pd', value: { iaid: 2, t1: 1800, t2: 2880, options: [{ code: 26, name: 'iaprefix', value: { preferredLifetime: 3600, validLifetime: 7200, prefix: '2001:db8:8000:100::/56', options: [] } }] } },
            { code: 14, name: 'rapid-commit' },
            { code: 23, name: 'dns-servers', value: ['2001:db8::53', '2001:db8::54'] },
            { code: 24, name: 'domain-search', value: ['example.com.'] },
            { code: 82, name: 'solmax-rt', value: 3600 },
          ],
        },
      },
    ],
  };
}
