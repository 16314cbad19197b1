/** What the transport's socket backends share. */

export const ALL_RELAYS_AND_SERVERS = 'ff02::1:2';

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

/** One bound socket, whichever way it does I/O. */
export interface Socket6 {
  readonly iface?: string;
  send(data: Buffer, address: string, port: number): Promise<void>;
  receiveBufferSize(): number;
  localPort(): number;
  close(): void;
}

/** What a backend needs to bind one socket. */
export interface BindRequest {
  address: string;
  iface: string | undefined;
  port: number;
  receiveBuffer: number;
  via: number;
  onPacket: (d: Datagram6) => void;
  onError: (e: Error) => void;
  /** A datagram read but not delivered (`oversize`: longer than the batched reader's slot). */
  onDrop: (reason: string) => void;
}

/** The address without its %zone. */
export function stripZone(address: string): string {
  const pct = address.indexOf('%');
  return pct < 0 ? address : address.slice(0, pct);
}
