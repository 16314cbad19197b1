import { DgramSocket6 } from './dgram-socket6.js';
import { BatchedSocket6 } from './batched-socket6.js';
import { nativeUdp6, type NativeLoad, type NativeUdp6 } from './native-udp6.js';
import { ALL_RELAYS_AND_SERVERS, type BindRequest, type Datagram6, type Socket6 } from './socket6.js';

export { ALL_RELAYS_AND_SERVERS, type Datagram6 } from './socket6.js';

/**
 * DHCPv6 sockets (RFC 8415 §7.1). Per served interface one socket bound to
 * [ff02::1:2%IFACE]:547 with multicast membership on that interface: the bound
 * scope confines it to the interface, and replies to link-local clients go out
 * the same way (their address keeps its %IFACE scope). Plus one socket per
 * unicast listening address, for relays.
 */

/**
 * How sockets are read and written. `batched`: the native addon, many
 * datagrams per recvmmsg and no per-packet interface-name lookup; `dgram`:
 * Node's own sockets; `auto`: batched when the addon is built, else dgram.
 */
export type UdpIo = 'auto' | 'batched' | 'dgram';

export interface Udp6Options {
  interfaces: readonly string[];
  addresses: readonly string[];
  port: number;
  /** SO_RCVBUF asked for; the kernel caps it at net.core.rmem_max. */
  receiveBuffer?: number;
  io?: UdpIo;
  /** The addon as loaded (tests stand in a missing one); default: nativeUdp6(). */
  native?: NativeLoad;
  onPacket: (d: Datagram6) => void;
  onError?: (e: Error, where: string) => void;
  /** A datagram read and dropped before delivery, by reason. */
  onDrop?: (reason: string) => void;
}

const DEFAULT_RECEIVE_BUFFER = 1 << 20;

export class Udp6Transport {
  private readonly sockets: Socket6[] = [];

  /** The I/O actually in use. */
  readonly io: 'batched' | 'dgram';

  private constructor(
    private readonly o: Udp6Options,
    private readonly addon: NativeUdp6 | undefined,
    /** Why `auto` fell back to dgram. */
    readonly ioNote: string | undefined,
  ) {
    this.io = addon ? 'batched' : 'dgram';
  }

  /** Bind every socket, or none: a failure closes what was opened and rejects naming the address. */
  static async open(o: Udp6Options): Promise<Udp6Transport> {
    const wanted = o.io ?? 'auto';
    const native = wanted === 'dgram' ? {} : (o.native ?? nativeUdp6());
    if (wanted === 'batched' && !native.addon) throw new Error(`udp-io "batched" is not available: ${native.why}`);
    const t = new Udp6Transport(o, native.addon, native.addon ? undefined : native.why);
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
    const req: BindRequest = {
      address,
      iface,
      port: this.o.port,
      receiveBuffer: this.o.receiveBuffer ?? DEFAULT_RECEIVE_BUFFER,
      via: this.sockets.length,
      onPacket: this.o.onPacket,
      onError: (e) => this.o.onError?.(e, address),
      onDrop: (reason) => this.o.onDrop?.(reason),
    };
    try {
      this.sockets.push(this.addon ? BatchedSocket6.open(this.addon, req) : await DgramSocket6.open(req));
    } catch (e) {
      throw new Error(`cannot bind [${address}]:${this.o.port}: ${(e as Error).message}`);
    }
  }

  /** Send from socket `via` (where the request came in), else the socket of `iface`, else the first unicast one. */
  send(data: Buffer, address: string, port: number, iface?: string, via?: number): Promise<void> {
    const socket =
      (via !== undefined && this.sockets[via]) ||
      (iface !== undefined && this.sockets.find((s) => s.iface === iface)) ||
      this.sockets.find((s) => s.iface === undefined) ||
      this.sockets[0];
    if (!socket) return Promise.reject(new Error('no socket to send from'));
    return socket.send(data, address, port);
  }

  /** Bytes of SO_RCVBUF the kernel actually granted (per socket). */
  receiveBufferSizes(): number[] {
    return this.sockets.map((s) => s.receiveBufferSize());
  }

  /** The bound ports, per socket (port 0 binds a free one). */
  localPorts(): number[] {
    return this.sockets.map((s) => s.localPort());
  }

  close(): void {
    for (const s of this.sockets) s.close();
    this.sockets.length = 0;
  }
}
