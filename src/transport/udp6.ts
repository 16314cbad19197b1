import dgram from 'node:dgram';

/**
 * DHCPv6 sockets (RFC 8415 §7.1). Per served interface one socket bound to
 * [ff02::1:2%IFACE]:547 with multicast membership on that interface: the bound
 * scope confines it to the interface, and replies to link-local clients go out
 * the same way (their address keeps its %IFACE scope). Plus one socket per
 * unicast listening address, for relays.
 */

export interface Datagram6 {
  data: Buffer;
  /** Sender's address with its zone (fe80::1%eth0) as the kernel gave it. */
  address: string;
  port: number;
  /** The interface of a multicast socket; undefined for unicast sockets. */
  iface?: string;
  unicast: boolean;
  /** The socket it came in on: replies leave from it, so they come from the address the peer sent to. */
  via: number;
  /** performance.now() when it was read, to drop what waited too long. */
  receivedAt: number;
}

export interface Udp6Options {
  interfaces: readonly string[];
  addresses: readonly string[];
  port: number;
  /** SO_RCVBUF asked for; the kernel caps it at net.core.rmem_max. */
  receiveBuffer?: number;
  onPacket: (d: Datagram6) => void;
  onError?: (e: Error, where: string) => void;
}

export const ALL_RELAYS_AND_SERVERS = 'ff02::1:2';

function stripZone(address: string): string {
  const pct = address.indexOf('%');
  return pct < 0 ? address : address.slice(0, pct);
}

export class Udp6Transport {
  private readonly sockets: { socket: dgram.Socket; iface?: string }[] = [];

  private constructor(private readonly o: Udp6Options) {}

  /** Bind every socket, or none: a failure closes what was opened and rejects naming the address. */
  static async open(o: Udp6Options): Promise<Udp6Transport> {
    const t = new Udp6Transport(o);
    try {
      for (const iface of o.interfaces) await t.bind(`${ALL_RELAYS_AND_SERVERS}%${iface}`, iface);
      for (const address of o.addresses) await t.bind(address, undefined);
    } catch (e) {
      t.close();
      throw e;
    }
    return t;
  }

  private async bind(address: string, iface: string | undefined): Promise<void> {
    const socket = dgram.createSocket({ type: 'udp6', reuseAddr: true, ipv6Only: true, recvBufferSize: this.o.receiveBuffer ?? 1 << 18, lookup: literalOnly });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', (e) => {
        socket.close();
        reject(new Error(`cannot bind [${address}]:${this.o.port}: ${e.message}`));
      });
      socket.once('listening', () => resolve());
      socket.bind({ address, port: this.o.port });
    });
    socket.removeAllListeners('error');
    socket.on('error', (e) => this.o.onError?.(e, address));
    if (iface) {
      socket.addMembership(ALL_RELAYS_AND_SERVERS, `::%${iface}`);
      socket.setMulticastInterface(`::%${iface}`);
    }
    const via = this.sockets.length;
    socket.on('message', (data, rinfo) => this.o.onPacket({ data, address: rinfo.address, port: rinfo.port, iface, unicast: iface === undefined, via, receivedAt: performance.now() }));
    this.sockets.push({ socket, iface });
  }

  /** Send from socket `via` (where the request came in), else the socket of `iface`, else the first unicast one. */
  send(data: Buffer, address: string, port: number, iface?: string, via?: number): Promise<void> {
    const entry =
      (via !== undefined && this.sockets[via]) ||
      (iface !== undefined && this.sockets.find((s) => s.iface === iface)) ||
      this.sockets.find((s) => s.iface === undefined) ||
      this.sockets[0];
    if (!entry) return Promise.reject(new Error('no socket to send from'));
    // A per-interface socket is bound to its interface already: without the zone, libuv skips an
    // interface-name lookup per reply (glibc opens and closes a socket for each).
    const to = entry.iface !== undefined ? stripZone(address) : address;
    return new Promise((resolve, reject) => entry.socket.send(data, port, to, (e) => (e ? reject(e) : resolve())));
  }

  /** Bytes of SO_RCVBUF the kernel actually granted (per socket). */
  receiveBufferSizes(): number[] {
    return this.sockets.map((s) => s.socket.getRecvBufferSize());
  }

  close(): void {
    for (const s of this.sockets) s.socket.close();
    this.sockets.length = 0;
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
