import { constants } from 'node:os';
import { getSystemErrorName } from 'node:util';
import { formatIpv6, parseIpv6Range } from '../protocol/address.js';
import type { NativeUdp6 } from './native-udp6.js';
import type { BindRequest, Socket6 } from './socket6.js';

const EAGAIN = constants.errno.EAGAIN;
/** A full send buffer is retried this often, 1 ms apart, before the reply is given up. */
const SEND_RETRIES = 50;
/** Interface names by index, for link-local senders on unicast sockets; interfaces are few. */
const MAX_ZONES = 256;
const DONE = Promise.resolve();

/**
 * A DHCPv6 socket on the native addon: one JS call per batch of up to SLOTS
 * datagrams read by recvmmsg, sources as raw bytes plus scope id (formatted
 * here, the interface name taken from the socket or a small cache), replies
 * by a direct non-blocking sendto.
 */
export class BatchedSocket6 implements Socket6 {
  private readonly peer = Buffer.alloc(16);
  private readonly zones = new Map<number, string>();
  private readonly zoneIndexes = new Map<string, number>();
  private reader: object | undefined;
  private closed = false;

  private constructor(
    private readonly addon: NativeUdp6,
    private readonly fd: number,
    readonly iface: string | undefined,
    private readonly ifindex: number,
  ) {}

  static open(addon: NativeUdp6, r: BindRequest): BatchedSocket6 {
    const pct = r.address.indexOf('%');
    const end = pct < 0 ? r.address.length : pct;
    const bound = Buffer.alloc(16);
    if (!parseIpv6Range(r.address, 0, end, bound, 0)) throw new Error('not an IPv6 address');
    let scope = 0;
    if (pct >= 0) {
      scope = addon.ifIndex(r.address.slice(pct + 1));
      if (scope === 0) throw new Error(`no interface ${r.address.slice(pct + 1)}`);
    }
    const fd = addon.open(bound, scope, r.port, r.iface !== undefined ? scope : 0, r.receiveBuffer);
    const s = new BatchedSocket6(addon, fd, r.iface, r.iface !== undefined ? scope : 0);
    s.start(r);
    return s;
  }

  private start(r: BindRequest): void {
    const { addon } = this;
    const { SLOTS, SLOT_BYTES, META_BYTES } = addon;
    const arena = Buffer.allocUnsafeSlow(SLOTS * (SLOT_BYTES + META_BYTES));
    const metaBase = SLOTS * SLOT_BYTES;
    const { iface, via, onPacket, onError, onDrop } = r;
    const unicast = iface === undefined;
    this.reader = addon.start(this.fd, arena, (count, errno) => {
      const receivedAt = performance.now();
      for (let i = 0; i < count; i++) {
        const m = metaBase + i * META_BYTES;
        const length = arena.readUInt32LE(m + 24);
        if (arena.readUInt32LE(m + 28) !== 0) {
          onDrop('oversize');
          continue;
        }
        // A copy: the arena is overwritten by the next batch while this one is still being served.
        const data = Buffer.allocUnsafe(length);
        arena.copy(data, 0, i * SLOT_BYTES, i * SLOT_BYTES + length);
        const scope = arena.readUInt32LE(m + 16);
        const text = formatIpv6(arena, m);
        const address = scope === 0 ? text : `${text}%${this.zoneName(scope)}`;
        onPacket({ data, address, port: arena.readUInt16LE(m + 20), iface, unicast, via, receivedAt });
      }
      if (errno !== 0) onError(new Error(`recvmmsg: ${errnoName(errno)}`));
    });
  }

  send(data: Buffer, address: string, port: number): Promise<void> {
    if (this.closed) return Promise.reject(new Error('socket closed'));
    const pct = address.indexOf('%');
    if (!parseIpv6Range(address, 0, pct < 0 ? address.length : pct, this.peer, 0)) return Promise.reject(new Error(`not an IPv6 address: ${address}`));
    // The interface socket is bound to its interface, so its own index is the scope whatever the text says.
    const scope = this.ifindex !== 0 ? this.ifindex : pct < 0 ? 0 : this.zoneIndex(address.slice(pct + 1));
    const errno = this.addon.send(this.fd, data, this.peer, scope, port);
    if (errno === 0) return DONE;
    if (errno !== EAGAIN) return Promise.reject(new Error(`sendto [${address}]:${port}: ${errnoName(errno)}`));
    return this.retry(data, Buffer.from(this.peer), scope, port, address);
  }

  /** The send buffer is full (the kernel could not keep up): try again shortly, a bounded number of times. */
  private retry(data: Buffer, peer: Buffer, scope: number, port: number, address: string): Promise<void> {
    return new Promise((resolve, reject) => {
      let left = SEND_RETRIES;
      const again = (): void => {
        if (this.closed) return reject(new Error('socket closed'));
        const errno = this.addon.send(this.fd, data, peer, scope, port);
        if (errno === 0) return resolve();
        if (errno !== EAGAIN || --left === 0) return reject(new Error(`sendto [${address}]:${port}: ${errnoName(errno)}`));
        setTimeout(again, 1);
      };
      setTimeout(again, 1);
    });
  }

  private zoneName(index: number): string {
    if (index === this.ifindex && this.iface !== undefined) return this.iface;
    let name = this.zones.get(index);
    if (name === undefined) {
      if (this.zones.size >= MAX_ZONES) this.zones.clear();
      name = this.addon.ifName(index) ?? String(index);
      this.zones.set(index, name);
    }
    return name;
  }

  private zoneIndex(zone: string): number {
    let index = this.zoneIndexes.get(zone);
    if (index === undefined) {
      if (this.zoneIndexes.size >= MAX_ZONES) this.zoneIndexes.clear();
      // A numeric zone is an index already (what zoneName gives for a vanished interface).
      index = /^\d+$/.test(zone) ? Number(zone) : this.addon.ifIndex(zone);
      this.zoneIndexes.set(zone, index);
    }
    return index;
  }

  receiveBufferSize(): number {
    return this.addon.recvBufferSize(this.fd);
  }

  localPort(): number {
    return this.addon.localPort(this.fd);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.reader) this.addon.stop(this.reader);
    this.addon.close(this.fd);
  }
}

/** EAGAIN for 11: the addon hands back positive errno values, Node names negative ones. */
function errnoName(errno: number): string {
  return getSystemErrorName(-errno);
}
