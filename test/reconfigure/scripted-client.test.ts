import { afterEach, describe, expect, it } from 'vitest';
import { findOption, standardCodec } from '../../src/protocol/index.js';
import { digestOffset, replayOf, signReconfigure, verifyReconfigure } from '../../src/server/reconfigure/auth.js';
import { reconfigureMessage } from '../../src/server/reconfigure/message.js';
import { Harness, SERVER_DUID, ScriptedRelay } from './harness.js';
import { ScriptedClient } from './scripted-client.js';

/**
 * Reconfigure end to end over loopback UDP: a scripted client (the real ones:
 * see real-client.test.ts) gets its key in a Reply, receives a Reconfigure,
 * checks its HMAC with that key and answers as asked (RFC 8415 §18.2.11,
 * §18.3.11, §20.4).
 */

const DUID = '00030001020000000a01';
const closers: (() => void)[] = [];
afterEach(() => {
  while (closers.length) closers.pop()!();
});

async function direct() {
  const client = await ScriptedClient.open(DUID);
  const harness = await Harness.open({ clientPort: client.port });
  closers.push(() => client.close(), () => harness.close());
  return { client, harness };
}

describe('Reconfigure to a scripted client (RFC 8415 §18.3.11, §20.4)', () => {
  it('Request with Reconfigure Accept → key; Reconfigure verifies with it → the client Renews, which ends retransmission', async () => {
    const { client, harness } = await direct();
    const reply = await client.exchange('request', harness.address);
    expect(findOption(reply.options, 20)).toBeDefined(); // §21.20: the server says it may reconfigure
    expect(client.key).toEqual(await harness.keys.get(DUID));

    const verdict = client.nextVerdict();
    expect(await harness.service.reconfigure({ duid: DUID })).toMatchObject({ sent: 1, skipped: 0 });
    expect(await verdict).toEqual({ accepted: true, answered: 'renew' });
    await waitUntil(() => harness.seen.at(-1) === 'renew');
    await waitUntil(() => harness.service.pending === 0);
    expect(harness.service.stats).toMatchObject({ sent: 1, answered: 1, retransmitted: 0 });
  });

  it('asks for an Information-request and gets one', async () => {
    const { client, harness } = await direct();
    await client.exchange('information-request', harness.address);
    const verdict = client.nextVerdict();
    await harness.service.reconfigure({ duid: DUID, message: 'information-request' });
    expect(await verdict).toEqual({ accepted: true, answered: 'information-request' });
    await waitUntil(() => harness.seen.at(-1) === 'information-request' && harness.service.pending === 0);
  });

  it('the client discards a Reconfigure signed with another key, and one replayed', async () => {
    const { client, harness } = await direct();
    await client.exchange('request', harness.address);
    const codec = standardCodec();
    const forged = signReconfigure(codec.encode6(reconfigureMessage({ serverDuid: SERVER_DUID, duid: DUID, message: 'renew', key: Buffer.alloc(16, 9), replay: 1n << 60n })), Buffer.alloc(16, 9));
    let verdict = client.nextVerdict();
    harness.socket.send(forged, client.port, '::1');
    expect(await verdict).toEqual({ accepted: false, reason: 'HMAC mismatch' });

    // A genuine one, captured and sent again: §20.3's counter makes the copy stale.
    const genuine = signReconfigure(codec.encode6(reconfigureMessage({ serverDuid: SERVER_DUID, duid: DUID, message: 'renew', key: client.key!, replay: 5n })), client.key!);
    expect(digestOffset(genuine)).toBeGreaterThan(0);
    verdict = client.nextVerdict();
    harness.socket.send(genuine, client.port, '::1');
    expect(await verdict).toMatchObject({ accepted: true });
    verdict = client.nextVerdict();
    harness.socket.send(genuine, client.port, '::1');
    expect(await verdict).toEqual({ accepted: false, reason: 'replayed' });
  });

  it('a client without a key is skipped, and gets no Reconfigure', async () => {
    const { client, harness } = await direct();
    // No Reconfigure Accept: the exchange() helper always adds it, so talk through the service directly.
    harness.service.rememberPath(DUID, { source: '::1', port: client.port, relays: [] });
    expect(await harness.service.reconfigure({ duid: DUID })).toMatchObject({ sent: 0, skipped: 1 });
    expect(client.verdicts).toEqual([]);
  });

  it('through a relay: the Reconfigure goes back in a Relay-reply with the Interface-ID, and verifies on arrival', async () => {
    const client = await ScriptedClient.open(DUID);
    const harness = await Harness.open();
    const relay = await ScriptedRelay.open(harness.address);
    closers.push(() => client.close(), () => harness.close(), () => relay.close());
    await client.exchange('request', relay.address);
    expect(client.key).toBeDefined();
    const verdict = client.nextVerdict();
    expect(await harness.service.reconfigure({ duid: DUID })).toMatchObject({ sent: 1 });
    expect(await verdict).toEqual({ accepted: true, answered: 'renew' });
    expect(relay.interfaceIds).toEqual(['cafe', 'cafe']); // the Request's Reply, then the Reconfigure
    await waitUntil(() => harness.seen.at(-1) === 'renew' && harness.service.pending === 0);
  });

  it('retransmits when the client does not answer (§18.3.11), each copy verifying with a larger replay value', async () => {
    const { client, harness } = await direct();
    await client.exchange('request', harness.address);
    // The client stops answering: it only judges.
    client.socket.removeAllListeners('message');
    const seen: Buffer[] = [];
    client.socket.on('message', (d) => seen.push(d));
    await harness.service.reconfigure({ duid: DUID });
    await waitUntil(() => seen.length >= 2, 4000);
    expect(harness.service.stats.retransmitted).toBe(1);
    expect(seen.every((d) => verifyReconfigure(d, client.key!))).toBe(true);
    expect(replayOf(seen[1]!)!).toBeGreaterThan(replayOf(seen[0]!)!);
  }, 10_000);
});

async function waitUntil(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
