import { afterEach, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import { once } from 'node:events';
import { Udp6Transport, type Datagram6, type UdpIo } from './udp6.js';
import { nativeUdp6 } from './native-udp6.js';
import { parseSnmp, parseSnmp6, readKernelUdpDrops } from './kernel-drops.js';

let transport: Udp6Transport | undefined;
afterEach(() => transport?.close());

// The addon is built by `npm run build`; FULMAR_NO_NATIVE=1 says this machine has no compiler, and only then may it be missing.
const ios: ('batched' | 'dgram')[] = process.env.FULMAR_NO_NATIVE === '1' ? ['dgram'] : ['batched', 'dgram'];

describe.each(ios)('UDP transport on loopback (%s)', (io) => {
  it('receives on a unicast address and replies to the sender', async () => {
    const got: Datagram6[] = [];
    transport = await Udp6Transport.open({ interfaces: [], addresses: ['::1'], port: 0, io, onPacket: (d) => got.push(d) });
    expect(transport.io).toBe(io);
    const port = transport.localPorts()[0]!;
    const client = dgram.createSocket('udp6');
    client.bind(0, '::1');
    await once(client, 'listening');
    client.send(Buffer.from('0b000001', 'hex'), port, '::1');
    await expect.poll(() => got.length).toBe(1);
    expect(got[0]).toMatchObject({ address: '::1', port: client.address().port, unicast: true, via: 0, data: Buffer.from('0b000001', 'hex') });
    const reply = once(client, 'message');
    await transport.send(Buffer.from('07000001', 'hex'), got[0]!.address, got[0]!.port);
    const [data] = await reply;
    expect((data as Buffer).toString('hex')).toBe('07000001');
    expect(transport.receiveBufferSizes()[0]).toBeGreaterThan(0);
    client.close();
  });

  it('delivers a burst larger than one batch, each datagram intact and in order', async () => {
    const got: Datagram6[] = [];
    transport = await Udp6Transport.open({ interfaces: [], addresses: ['::1'], port: 0, io, receiveBuffer: 1 << 22, onPacket: (d) => got.push(d) });
    const port = transport.localPorts()[0]!;
    const client = dgram.createSocket('udp6');
    client.bind(0, '::1');
    await once(client, 'listening');
    // Sizes vary so a datagram that kept a neighbour's bytes, or lost its own, shows.
    const sent = Array.from({ length: 300 }, (_, i) => Buffer.alloc(1 + ((i * 37) % 1400), i & 0xff));
    for (const b of sent) client.send(b, port, '::1');
    await expect.poll(() => got.length, { timeout: 5000 }).toBe(sent.length);
    for (let i = 0; i < sent.length; i++) expect(got[i]!.data.equals(sent[i]!)).toBe(true);
    client.close();
  });

  it('asks the kernel for the configured receive buffer (Linux reports it doubled)', async () => {
    transport = await Udp6Transport.open({ interfaces: [], addresses: ['::1'], port: 0, io, receiveBuffer: 1 << 16, onPacket: () => {} });
    expect(transport.receiveBufferSizes()).toEqual([1 << 17]);
  });

  it('rejects a reply to what is not an address, and keeps serving', async () => {
    transport = await Udp6Transport.open({ interfaces: [], addresses: ['::1'], port: 0, io, onPacket: () => {} });
    await expect(transport.send(Buffer.from('07'), 'not-an-address', 546)).rejects.toThrow();
    expect(transport.localPorts()[0]).toBeGreaterThan(0);
  });

  it('refuses to start when an address cannot be bound, naming it', async () => {
    await expect(Udp6Transport.open({ interfaces: [], addresses: ['2001:db8::dead'], port: 0, io, onPacket: () => {} })).rejects.toThrow(/cannot bind \[2001:db8::dead\]/);
  });

  it('refuses an interface that does not exist, naming it', async () => {
    await expect(Udp6Transport.open({ interfaces: ['nosuch0'], addresses: [], port: 0, io, onPacket: () => {} })).rejects.toThrow(/cannot bind \[ff02::1:2%nosuch0\]/);
  });
});

describe.skipIf(process.env.FULMAR_NO_NATIVE === '1')('batched reader limits', () => {
  it('drops a datagram longer than its 16 KiB slot, counted as oversize, and goes on reading', async () => {
    const got: Datagram6[] = [];
    const drops: string[] = [];
    transport = await Udp6Transport.open({ interfaces: [], addresses: ['::1'], port: 0, io: 'batched', onPacket: (d) => got.push(d), onDrop: (r) => drops.push(r) });
    const port = transport.localPorts()[0]!;
    const client = dgram.createSocket('udp6');
    client.bind(0, '::1');
    await once(client, 'listening');
    client.send(Buffer.alloc(20_000, 1), port, '::1');
    client.send(Buffer.alloc(16_384, 2), port, '::1');
    await expect.poll(() => got.length + drops.length).toBe(2);
    expect(drops).toEqual(['oversize']);
    expect(got.map((d) => d.data.length)).toEqual([16_384]);
    client.close();
  });
});

describe('choosing the I/O', () => {
  it('auto takes the batched addon when it is built, and says why when it is not', async () => {
    transport = await Udp6Transport.open({ interfaces: [], addresses: ['::1'], port: 0, onPacket: () => {} });
    const native = nativeUdp6();
    expect(transport.io).toBe(native.addon ? 'batched' : 'dgram');
    if (process.env.FULMAR_NO_NATIVE !== '1') expect(native.why).toBeUndefined();
    else expect(transport.ioNote).toMatch(/native/);
  });

  it('auto falls back to dgram without the addon and says why; batched refuses to start, saying why', async () => {
    const missing = { why: 'native/udp6/build/Release/fulmar_udp6.node is not built' };
    transport = await Udp6Transport.open({ interfaces: [], addresses: ['::1'], port: 0, native: missing, onPacket: () => {} });
    expect(transport.io).toBe('dgram');
    expect(transport.ioNote).toBe(missing.why);
    await expect(Udp6Transport.open({ interfaces: [], addresses: ['::1'], port: 0, io: 'batched', native: missing, onPacket: () => {} })).rejects.toThrow(
      'udp-io "batched" is not available: native/udp6/build/Release/fulmar_udp6.node is not built',
    );
  });

  it.each(['dgram'] as UdpIo[])('%s never needs the addon', async (io) => {
    transport = await Udp6Transport.open({ interfaces: [], addresses: ['::1'], port: 0, io, onPacket: () => {} });
    expect(transport.io).toBe('dgram');
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
