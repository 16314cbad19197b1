import dgram from 'node:dgram';
import { once } from 'node:events';
import { DecodeError, findOption, findOptions, standardCodec, type ClientServerMessage6, type Duid, type Message6, type Option } from '../../src/protocol/index.js';
import { MemoryLeaseStore6 } from '../../src/store/memory/store6.js';
import { MemoryReconfigureKeyStore } from '../../src/server/reconfigure/keys.js';
import { ReconfigureService, type ReconfigureDeps } from '../../src/server/reconfigure/service.js';
import { unwrap, wrap } from '../../src/server/relay.js';

/**
 * A stand-in for Dhcp6Server until it calls ReconfigureService itself: on
 * loopback UDP it answers every client message with a Reply (Advertise to a
 * Solicit) holding server id, client id and what replyOptions() adds, and
 * tells the service each client's path, exactly where the server will.
 * Relayed messages are answered through the relay chain like the server does.
 */

export const SERVER_DUID: Duid = { type: 'LL', hwtype: 1, lladdr: '02000000beef', hex: '0003000102000000beef' };
const codec = standardCodec();

export class Harness {
  readonly keys = new MemoryReconfigureKeyStore();
  readonly leases = new MemoryLeaseStore6();
  readonly service: ReconfigureService;
  readonly seen: string[] = [];
  /** Called after each answer: the client's message type and DUID. */
  onServed?: (type: string, duid: string) => void;

  private constructor(
    readonly socket: dgram.Socket,
    over: Partial<ReconfigureDeps>,
  ) {
    this.service = new ReconfigureService({
      keys: this.keys,
      leases: this.leases,
      serverDuid: SERVER_DUID,
      codec,
      now: Date.now,
      send: (o) => new Promise((resolve, reject) => socket.send(o.data, o.port, o.destination, (e) => (e ? reject(e) : resolve()))),
      ...over,
    });
    socket.on('message', (data, rinfo) => void this.serve(data, rinfo.address, rinfo.port));
  }

  /** On ::1 by default; `bind.iface`: a DHCPv6 server socket on ff02::1:2%iface, as Udp6Transport binds it. */
  static async open(over: Partial<ReconfigureDeps> = {}, bind: { address: string; port: number; iface?: string } = { address: '::1', port: 0 }): Promise<Harness> {
    const socket = dgram.createSocket({ type: 'udp6', ipv6Only: true, reuseAddr: true });
    socket.bind({ address: bind.address, port: bind.port });
    await once(socket, 'listening');
    if (bind.iface) socket.addMembership('ff02::1:2', `::%${bind.iface}`);
    return new Harness(socket, over);
  }

  get address(): { address: string; port: number } {
    return { address: '::1', port: this.socket.address().port };
  }

  close(): void {
    this.service.close();
    this.socket.close();
  }

  private async serve(data: Buffer, source: string, port: number): Promise<void> {
    const m = codec.decode6(data);
    if (m instanceof DecodeError) return;
    const u = unwrap(m);
    if (!u) return;
    const msg = u.msg;
    const clientId = findOption(msg.options, 1);
    if (!clientId) return;
    const duid = (clientId.value as Duid).hex;
    this.seen.push(msg.type as string);
    const type = msg.type === 'solicit' ? 'advertise' : 'reply';
    const reply: ClientServerMessage6 = { type, xid: msg.xid, options: [{ code: 2, name: 'serverid', value: SERVER_DUID }, clientId, ...leases(msg)] };
    if (msg.type === 'solicit' && findOption(msg.options, 14)) {
      reply.type = 'reply';
      reply.options.push({ code: 14, name: 'rapid-commit' });
    }
    reply.options.push(...(await this.service.replyOptions(msg, duid, reply.type as string)));
    this.service.rememberPath(duid, { source, port, relays: u.relays }, msg);
    this.socket.send(codec.encode6(wrap(u.relays, reply) as Message6), port, source);
    this.onServed?.(msg.type as string, duid);
  }
}

/** Each IA_NA asked for gets 2001:db8:1::1000 + n, so a real client binds and can be told to Renew. */
function leases(msg: ClientServerMessage6): Option[] {
  if (msg.type === 'information-request' || msg.type === 'confirm') return [];
  return findOptions(msg.options, 3).map((o, n) => {
    const iaid = (o.value as { iaid: number }).iaid;
    const address = `2001:db8:1::${(0x1000 + n).toString(16)}`;
    const iaaddr: Option = { code: 5, name: 'iaaddr', value: { address, preferredLifetime: 3000, validLifetime: 4000, options: [] } };
    return { code: 3, name: 'ia-na', value: { iaid, t1: 1000, t2: 2000, options: [iaaddr] } };
  });
}

/**
 * A relay agent on loopback (RFC 8415 §19): wraps what the client sends in a
 * Relay-forw with an Interface-ID, and hands the client the relay-msg bytes
 * of each Relay-repl untouched (so the client checks the very bytes the
 * server signed), after checking the Interface-ID came back.
 */
export class ScriptedRelay {
  private client?: { address: string; port: number };
  readonly interfaceIds: string[] = [];

  private constructor(
    readonly socket: dgram.Socket,
    private readonly server: { address: string; port: number },
  ) {
    socket.on('message', (data, rinfo) => this.receive(data, rinfo.address, rinfo.port));
  }

  static async open(server: { address: string; port: number }): Promise<ScriptedRelay> {
    const socket = dgram.createSocket({ type: 'udp6', ipv6Only: true });
    socket.bind({ address: '::1', port: 0 });
    await once(socket, 'listening');
    return new ScriptedRelay(socket, server);
  }

  get address(): { address: string; port: number } {
    return { address: '::1', port: this.socket.address().port };
  }

  close(): void {
    this.socket.close();
  }

  private receive(data: Buffer, address: string, port: number): void {
    if (data[0] === 13) {
      const m = codec.decode6(data);
      if (m instanceof DecodeError || !this.client) return;
      this.interfaceIds.push(String(findOption(m.options, 18)?.value));
      const inner = relayMsgBytes(data);
      if (inner) this.socket.send(inner, this.client.port, this.client.address);
      return;
    }
    this.client = { address, port };
    const forw: Message6 = {
      type: 'relay-forw',
      hopCount: 0,
      linkAddress: '2001:db8:2::1',
      peerAddress: address,
      options: [
        { code: 18, name: 'interface-id', value: 'cafe' },
        { code: 9, name: 'relay-msg', value: codec.decode6(data) as Message6 },
      ],
    };
    this.socket.send(codec.encode6(forw), this.server.port, this.server.address);
  }
}

/** The raw bytes of a Relay-repl's Relay Message option (one hop): a relay forwards them as they are. */
function relayMsgBytes(b: Buffer): Buffer | undefined {
  let p = 34; // msg-type, hop-count, link-address, peer-address
  while (p + 4 <= b.length) {
    const code = b.readUInt16BE(p);
    const len = b.readUInt16BE(p + 2);
    if (p + 4 + len > b.length) return undefined;
    if (code === 9) return b.subarray(p + 4, p + 4 + len);
    p += 4 + len;
  }
  return undefined;
}
