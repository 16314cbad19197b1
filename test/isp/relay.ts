import dgram from 'node:dgram';
import { once } from 'node:events';
import { DecodeError, standardCodec, type Message6 } from '../../src/protocol/index.js';
import { relayForward, relayReply, type LineConfig } from './relay-messages.js';

/**
 * The access relay of the ISP scenario, on real sockets in its namespace:
 * one socket per line on [ff02::1:2%LINE]:547 (RFC 8415 §7.1) for what the
 * CPEs send and what goes back to them, one on its upstream address port 547
 * towards every configured server (a primary and a backup, as ISPs run them).
 * dibbler-relay (Debian 1.0.1) cannot insert a subscriber-id, so the test
 * brings its own relay.
 */

export interface RelayConfig {
  /** Our address on the server side: the source of each Relay-forw. */
  upstream: string;
  servers: string[];
  lines: LineConfig[];
}

/** One JSON-able record per packet, for the test to read. */
export type RelayEvent = { event: 'forward'; line: string; type: string | number; peer: string; servers: number } | { event: 'reply'; line: string; type: string | number; from: string } | { event: 'drop'; why: string; from: string };

const PORT = 547;
const CLIENT_PORT = 546;
const codec = standardCodec();

export class TestRelay {
  private constructor(
    private readonly config: RelayConfig,
    private readonly up: dgram.Socket,
    private readonly down: Map<string, dgram.Socket>,
    private readonly say: (e: RelayEvent) => void,
  ) {
    up.on('message', (data, rinfo) => this.fromServer(data, rinfo.address));
    for (const line of config.lines) down.get(line.iface)!.on('message', (data, rinfo) => this.fromClient(line, data, rinfo.address));
  }

  static async open(config: RelayConfig, say: (e: RelayEvent) => void): Promise<TestRelay> {
    const up = await bound(config.upstream);
    const down = new Map<string, dgram.Socket>();
    for (const line of config.lines) {
      const s = await bound(`ff02::1:2%${line.iface}`);
      s.addMembership('ff02::1:2', `::%${line.iface}`);
      down.set(line.iface, s);
    }
    return new TestRelay(config, up, down, say);
  }

  close(): void {
    this.up.close();
    for (const s of this.down.values()) s.close();
  }

  private fromClient(line: LineConfig, data: Buffer, peer: string): void {
    const m = codec.decode6(data);
    // A first-hop relay only: a Relay-forw from another relay is not this scenario.
    if (m instanceof DecodeError || m.type === 'relay-forw' || m.type === 'relay-repl') return this.say({ event: 'drop', why: m instanceof DecodeError ? m.message : 'relay message on a client line', from: peer });
    const out = codec.encode6(relayForward(line, peer, m));
    for (const server of this.config.servers) this.up.send(out, PORT, server);
    this.say({ event: 'forward', line: line.iface, type: m.type, peer, servers: this.config.servers.length });
  }

  private fromServer(data: Buffer, from: string): void {
    const m = codec.decode6(data);
    const to = m instanceof DecodeError ? undefined : relayReply(this.config.lines, m);
    if (!to) return this.say({ event: 'drop', why: 'not a Relay-repl for one of our lines', from });
    this.down.get(to.line.iface)!.send(codec.encode6(to.msg as Message6), CLIENT_PORT, `${to.peer}%${to.line.iface}`);
    this.say({ event: 'reply', line: to.line.iface, type: (to.msg as { type: string | number }).type, from });
  }
}

async function bound(address: string): Promise<dgram.Socket> {
  // reuseAddr: every line's socket is on port 547, on ff02::1:2 of its own interface.
  const s = dgram.createSocket({ type: 'udp6', ipv6Only: true, reuseAddr: true });
  s.bind({ address, port: PORT });
  await once(s, 'listening');
  return s;
}
