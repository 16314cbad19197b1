import { afterEach, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import { once } from 'node:events';
import { Udp6Transport, type Datagram6 } from './udp6.js';
import { parseSnmp, parseSnmp6, readKernelUdpDrops } from './kernel-drops.js';

let transport: Udp6Transport | undefined;
afterEach(() => transport?.close());

describe('UDP transport on loopback', () => {
  it('receives on a unicast address and replies to the sender', async () => {
    const got: Datagram6[] = [];
    transport = await Udp6Transport.open({ interfaces: [], addresses: ['::1'], port: 0, onPacket: (d) => got.push(d) });
    // Port 0 picks a free port; find it from the socket the transport bound.
    const port = (transport as unknown as { sockets: { socket: dgram.Socket }[] }).sockets[0]!.socket.address().port;
    const client = dgram.createSocket('udp6');
    client.bind(0, '::1');
    await once(client, 'listening');
    client.send(Buffer.from('0b000001', 'hex'), port, '::1');
    await expect.poll(() => got.length).toBe(1);
    expect(got[0]).toMatchObject({ address: '::1', unicast: true, data: Buffer.from('0b000001', 'hex') });
    const reply = once(client, 'message');
    await transport.send(Buffer.from('07000001', 'hex'), got[0]!.address, got[0]!.port);
    const [data] = await reply;
    expect((data as Buffer).toString('hex')).toBe('07000001');
    expect(transport.receiveBufferSizes()[0]).toBeGreaterThan(0);
    client.close();
  });

  it('refuses to start when an address cannot be bound, naming it', async () => {
    await expect(Udp6Transport.open({ interfaces: [], addresses: ['2001:db8::dead'], port: 0, onPacket: () => {} })).rejects.toThrow(/cannot bind \[2001:db8::dead\]/);
  });
});

describe('kernel UDP drop counters', () => {
  it('reads RcvbufErrors from /proc/net/snmp6 and /proc/net/snmp', () => {
    expect(parseSnmp6('Udp6InDatagrams   10\nUdp6RcvbufErrors  7\n')).toBe(7);
    expect(parseSnmp('Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors\nUdp: 1 2 3 4 5\n')).toBe(5);
    const d = readKernelUdpDrops();
    expect(d.udp6RcvbufErrors).toBeGreaterThanOrEqual(0);
  });
});
