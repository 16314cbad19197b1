import dgram from 'node:dgram';
import { once } from 'node:events';
import { DecodeError, findOption, standardCodec, type ClientServerMessage6, type Option } from '../../src/protocol/index.js';
import { replayOf, verifyReconfigure } from '../../src/server/reconfigure/auth.js';

/**
 * A DHCPv6 client reduced to what Reconfigure needs, over real UDP: it sends
 * Reconfigure Accept, keeps the key a Reply hands it (RFC 8415 §20.4.3), and
 * checks a Reconfigure the way §16.11 and §20.4.3 say before it answers with
 * the message the Reconfigure asks for. It knows nothing of the server's code
 * but the HMAC check, which the auth unit tests tie to node:crypto directly.
 */

export interface Verdict {
  accepted: boolean;
  /** Why a Reconfigure was discarded. */
  reason?: string;
  /** What the client sent in answer. */
  answered?: string;
}

const codec = standardCodec();
const ACCEPT: Option = { code: 20, name: 'reconf-accept' };

export class ScriptedClient {
  key?: Buffer;
  /** §20.3 RDM 0: the last replay value accepted; a Reconfigure must carry a larger one. */
  lastReplay = -1n;
  readonly verdicts: Verdict[] = [];
  private xid = 0x10;
  private server?: { address: string; port: number; serverId: Option };
  private waiting = new Map<number, (m: ClientServerMessage6) => void>();
  private onVerdict?: (v: Verdict) => void;

  private constructor(
    readonly socket: dgram.Socket,
    readonly duid: string,
  ) {
    socket.on('message', (data) => this.receive(data));
  }

  static async open(duid: string, address = '::1'): Promise<ScriptedClient> {
    const socket = dgram.createSocket({ type: 'udp6', ipv6Only: true });
    socket.bind({ address, port: 0 });
    await once(socket, 'listening');
    return new ScriptedClient(socket, duid);
  }

  get port(): number {
    return this.socket.address().port;
  }

  close(): void {
    this.socket.close();
  }

  /** Send a message (Reconfigure Accept included) to the server, or the relay in front of it; resolves to its answer. */
  async exchange(type: string, to: { address: string; port: number }, extra: Option[] = []): Promise<ClientServerMessage6> {
    const xid = this.xid++;
    const options: Option[] = [{ code: 1, name: 'clientid', value: { type: 3, hex: this.duid } }, { code: 8, name: 'elapsed-time', value: 0 }, ...extra, ACCEPT];
    if (this.server && type !== 'solicit' && type !== 'information-request' && type !== 'rebind') options.splice(1, 0, this.server.serverId);
    const answer = new Promise<ClientServerMessage6>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${type} within 5 s`)), 5000);
      this.waiting.set(xid, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
    this.socket.send(codec.encode6({ type, xid, options }), to.port, to.address);
    const reply = await answer;
    const serverId = findOption(reply.options, 2);
    if (serverId) this.server = { ...to, serverId };
    return reply;
  }

  /** The next Reconfigure's verdict. */
  nextVerdict(ms = 5000): Promise<Verdict> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no Reconfigure within ${ms} ms`)), ms);
      this.onVerdict = (v) => {
        clearTimeout(timer);
        this.onVerdict = undefined;
        resolve(v);
      };
    });
  }

  private receive(data: Buffer): void {
    const m = codec.decode6(data);
    if (m instanceof DecodeError || !('xid' in m)) return;
    if (m.type === 'reconfigure') {
      const v = this.judge(data, m);
      this.verdicts.push(v);
      this.onVerdict?.(v);
      return;
    }
    if (m.type === 'reply') this.takeKey(m);
    this.waiting.get(m.xid)?.(m);
    this.waiting.delete(m.xid);
  }

  /** §20.4.3: "The client will receive a reconfigure key from the server in the initial Reply message". */
  private takeKey(reply: ClientServerMessage6): void {
    const auth = findOption(reply.options, 11)?.value as { protocol: number; algorithm: number; rdm: number; info: string } | undefined;
    if (!auth || auth.protocol !== 3 || auth.algorithm !== 1 || auth.rdm !== 0 || !auth.info.startsWith('01') || auth.info.length !== 34) return;
    this.key = Buffer.from(auth.info.slice(2), 'hex');
  }

  /** §16.11 validation, §20.4.3 authentication, §18.2.11 the answer. */
  private judge(bytes: Buffer, m: ClientServerMessage6): Verdict {
    const clientId = findOption(m.options, 1)?.value as { hex: string } | undefined;
    if (clientId?.hex !== this.duid) return { accepted: false, reason: 'not my client id' };
    if (!findOption(m.options, 2)) return { accepted: false, reason: 'no server id' };
    const what = findOption(m.options, 19)?.value;
    if (what !== 'renew' && what !== 'rebind' && what !== 'information-request') return { accepted: false, reason: 'no valid reconf-msg' };
    if (!this.key) return { accepted: false, reason: 'no key' };
    if (!verifyReconfigure(bytes, this.key)) return { accepted: false, reason: 'HMAC mismatch' };
    const replay = replayOf(bytes)!;
    if (replay <= this.lastReplay) return { accepted: false, reason: 'replayed' };
    this.lastReplay = replay;
    // §18.2.11: answer with the message asked for, to the server that sent the Reconfigure.
    if (this.server) void this.exchange(what, this.server).catch(() => undefined);
    return { accepted: true, answered: what };
  }
}
