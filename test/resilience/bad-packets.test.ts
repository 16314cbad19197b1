import { describe, expect, it } from 'vitest';
import { SERVER_DUID, testServer } from '../../src/server/testing.js';
import { badPackets, tally, type BadPacket } from './bad-packets.js';

/**
 * The spray's catalogue checked in process, without sockets: each bad packet
 * is dropped for the reason the spray test expects to see in the log. A
 * count mismatch in spray.test.ts then means packets were lost or
 * mishandled under load, not that this list guessed wrong.
 */

const packets = badPackets(Buffer.from(SERVER_DUID.hex, 'hex'), 1);

async function dropReason(p: BadPacket): Promise<string | undefined> {
  const { server } = testServer();
  let drop: string | undefined;
  server.onTransaction = (t) => (drop = t.drop);
  const reply = await server.handle({ data: p.bytes, source: 'fe80::1', sourcePort: 546, iface: 'eth0', unicast: false });
  return reply ? 'answered' : drop;
}

describe('the spray catalogue', () => {
  it('covers every family and most drop reasons', () => {
    expect(Object.keys(tally(packets.map((p) => p.family))).sort()).toEqual(['deep-relay', 'garbage', 'overrun-length', 'rfc8415-invalid', 'truncated', 'wrong-length']);
    expect(Object.keys(tally(packets.map((p) => p.expect))).sort()).toEqual([
      'ia-in-information-request',
      'malformed-option',
      'missing-client-id',
      'missing-server-id',
      'no-relay-message',
      'not-for-server',
      'nothing-to-confirm',
      'parse-failed',
      'server-id-mismatch',
      'unexpected-server-id',
    ]);
  });

  it('names the reason the server drops each packet for', async () => {
    const wrong: string[] = [];
    for (const p of packets) {
      const got = await dropReason(p);
      if (got !== p.expect) wrong.push(`${p.family}: ${p.what}: expected ${p.expect}, got ${got}`);
    }
    expect(wrong).toEqual([]);
  });
});
