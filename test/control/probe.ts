import dgram from 'node:dgram';
import { Codec, DecodeError, type ClientServerMessage6, type Message6, type Option } from '../../src/protocol/index.js';

/**
 * A scripted relay on loopback: relayed Solicits (ORO asks for dns-servers),
 * reading the DNS servers and address out of each Advertise. It checks the
 * wire, independently of what the server says it sent.
 */

export interface Answered {
  dns?: string[];
  addresses: string[];
}

export interface Sample {
  sentAt: number;
  at: number;
  /** undefined: no answer within the timeout. */
  answer?: Answered;
}

const codec = new Codec();

export class Probe {
  private readonly sock = dgram.createSocket('udp6');
  private readonly waiting = new Map<number, (m: Message6) => void>();
  private xid = 1;

  private constructor(private readonly port: number) {
    this.sock.on('message', (data) => {
      const m = codec.decode6(data);
      if (m instanceof DecodeError || m.type !== 'relay-repl') return;
      const inner = innerOf(m);
      if (inner) this.waiting.get(inner.xid)?.(m);
    });
  }

  static async open(port: number): Promise<Probe> {
    const p = new Probe(port);
    await new Promise<void>((r) => p.sock.bind(0, '::1', r));
    return p;
  }

  /** One Solicit through a relay on `link`; undefined when nothing came back in `timeoutMs`. */
  async ask(link: string, clientId: string, timeoutMs = 1000): Promise<Answered | undefined> {
    const xid = this.xid++ & 0xffffff;
    const solicit = {
      type: 'solicit',
      xid,
      options: [
        { code: 1, value: { hex: clientId } },
        { code: 6, value: [23] },
        { code: 3, value: { iaid: 1, t1: 0, t2: 0, options: [] } },
      ],
    };
    const relayed = { type: 'relay-forw', hopCount: 0, linkAddress: link, peerAddress: 'fe80::1', options: [{ code: 9, value: solicit }] };
    const reply = new Promise<Message6 | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      this.waiting.set(xid, (m) => (clearTimeout(timer), resolve(m)));
    });
    this.sock.send(codec.encode6(relayed as never), this.port, '::1');
    const m = await reply;
    this.waiting.delete(xid);
    const inner = m && innerOf(m);
    if (!inner) return undefined;
    const ia = inner.options.find((o) => o.code === 3)?.value as { options: Option[] } | undefined;
    return {
      dns: inner.options.find((o) => o.code === 23)?.value as string[] | undefined,
      addresses: (ia?.options ?? []).filter((o) => o.code === 5).map((o) => (o.value as { address: string }).address),
    };
  }

  /**
   * Ask every `everyMs` until `stop()` is called, at most `maxCount` times or
   * `maxMs` long: a sample of what clients on link 1 got, around each swap.
   */
  watch(link: string, clientId: string, opts: { everyMs: number; maxCount: number; maxMs: number }): { stop(): Promise<Sample[]> } {
    const samples: Sample[] = [];
    let stopped = false;
    const deadline = Date.now() + opts.maxMs;
    const loop = (async () => {
      while (!stopped && samples.length < opts.maxCount && Date.now() < deadline) {
        const sentAt = Date.now();
        const answer = await this.ask(link, clientId);
        samples.push({ sentAt, at: Date.now(), answer });
        await new Promise((r) => setTimeout(r, opts.everyMs));
      }
    })();
    return {
      async stop() {
        stopped = true;
        await loop;
        return samples;
      },
    };
  }

  close(): void {
    this.sock.close();
  }
}

function innerOf(m: Message6): ClientServerMessage6 | undefined {
  if (m.type !== 'relay-repl') return undefined;
  return m.options.find((o) => o.code === 9)?.value as ClientServerMessage6 | undefined;
}
