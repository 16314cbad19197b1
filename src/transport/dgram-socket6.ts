import dgram from 'node:dgram';
import { ALL_RELAYS_AND_SERVERS, stripZone, type BindRequest, type Socket6 } from './socket6.js';

/** A DHCPv6 socket on Node's dgram: works everywhere Node does. */
export class DgramSocket6 implements Socket6 {
  private constructor(
    private readonly socket: dgram.Socket,
    readonly iface: string | undefined,
  ) {}

  static async open(r: BindRequest): Promise<DgramSocket6> {
    const socket = dgram.createSocket({ type: 'udp6', reuseAddr: true, ipv6Only: true, recvBufferSize: r.receiveBuffer, lookup: literalOnly });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', (e) => {
        socket.close();
        reject(e);
      });
      socket.once('listening', () => resolve());
      socket.bind({ address: r.address, port: r.port });
    });
    socket.removeAllListeners('error');
    socket.on('error', r.onError);
    const { iface, via, onPacket } = r;
    if (iface) {
      socket.addMembership(ALL_RELAYS_AND_SERVERS, `::%${iface}`);
      socket.setMulticastInterface(`::%${iface}`);
    }
    socket.on('message', (data, rinfo) => onPacket({ data, address: rinfo.address, port: rinfo.port, iface, unicast: iface === undefined, via, receivedAt: performance.now() }));
    return new DgramSocket6(socket, iface);
  }

  send(data: Buffer, address: string, port: number): Promise<void> {
    // A per-interface socket is bound to its interface already: without the zone, libuv skips an
    // interface-name lookup per reply (glibc opens and closes a socket for each).
    const to = this.iface !== undefined ? stripZone(address) : address;
    return new Promise((resolve, reject) => this.socket.send(data, port, to, (e) => (e ? reject(e) : resolve())));
  }

  receiveBufferSize(): number {
    return this.socket.getRecvBufferSize();
  }

  localPort(): number {
    return this.socket.address().port;
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * dgram's lookup for our sends, which always name a literal address: the
 * default (dns.lookup) tests it against Node's IPv6 regex and answers on the
 * next tick, on every reply.
 */
function literalOnly(address: string, _family: unknown, callback: (err: Error | null, address: string, family: number) => void): void {
  callback(null, address, 6);
}
