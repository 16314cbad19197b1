import dgram from 'node:dgram';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { DecodeError, findOption, standardCodec, type ClientServerMessage6, type Duid } from '../../src/protocol/index.js';
import { iaAddresses, iaPd } from '../../src/server/testing.js';

/**
 * A CPE reduced to Solicits, on its namespace's link: sends to
 * [ff02::1:2%IFACE]:547 from port 546 (RFC 8415 §7.1, §7.2) and records every
 * Advertise or Reply with the server that sent it. Enough for a flood and for
 * a retry whose elapsed time the test chooses, which no packaged client allows.
 */

export interface Answer {
  type: string;
  /** The Server Identifier's DUID, hex: which server answered. */
  server: string;
  prefixes: string[];
  /** ms since the epoch, to line up with the server's log. */
  at: number;
}

const codec = standardCodec();

export class ScriptedCpe {
  readonly answers: Answer[] = [];
  private xid = 1;

  private constructor(
    private readonly socket: dgram.Socket,
    private readonly iface: string,
  ) {
    socket.on('message', (data) => {
      const m = codec.decode6(data);
      if (m instanceof DecodeError || !('xid' in m)) return;
      const server = (findOption(m.options, 2)?.value as Duid | undefined)?.hex ?? '';
      this.answers.push({ type: String(m.type), server, prefixes: iaAddresses(m as ClientServerMessage6, 'ia-pd'), at: Date.now() });
    });
  }

  static async open(iface: string): Promise<ScriptedCpe> {
    const socket = dgram.createSocket({ type: 'udp6', ipv6Only: true });
    socket.bind({ address: '::', port: 546 });
    await once(socket, 'listening');
    return new ScriptedCpe(socket, iface);
  }

  /** A Solicit for one IA_PD; `elapsed` in hundredths of a second (RFC 8415 §21.9). */
  solicit(duid: string, elapsed: number): void {
    const msg: ClientServerMessage6 = {
      type: 'solicit',
      xid: this.xid++ & 0xffffff,
      options: [{ code: 1, name: 'clientid', value: { type: 3, hex: duid } }, { code: 8, name: 'elapsed-time', value: elapsed }, iaPd(1)],
    };
    this.socket.send(codec.encode6(msg), 547, `ff02::1:2%${this.iface}`);
  }

  close(): void {
    this.socket.close();
  }
}

export interface FloodResult {
  sent: number;
  answered: number;
  /** ms since the epoch: first Solicit sent, last one sent. */
  start: number;
  end: number;
}

/** `count` Solicits evenly over `seconds` (stopping at the deadline whatever), each from a new DUID: a CPE cycling identities. */
export async function flood(iface: string, count: number, seconds: number): Promise<FloodResult> {
  const cpe = await ScriptedCpe.open(iface);
  const start = Date.now();
  const gap = (seconds * 1000) / count;
  let sent = 0;
  while (sent < count && Date.now() - start < seconds * 1000 + 1000) {
    cpe.solicit(`0003000102ff${sent.toString(16).padStart(8, '0')}`, 0);
    sent++;
    await sleep(Math.max(0, start + sent * gap - Date.now()));
  }
  const end = Date.now();
  // Answers still on their way.
  await sleep(500);
  cpe.close();
  return { sent, answered: cpe.answers.length, start, end };
}

/** One Solicit with the given elapsed time; every answer within `waitMs`. */
export async function probe(iface: string, duid: string, elapsed: number, waitMs: number): Promise<Answer[]> {
  const cpe = await ScriptedCpe.open(iface);
  cpe.solicit(duid, elapsed);
  await sleep(waitMs);
  cpe.close();
  return cpe.answers;
}
