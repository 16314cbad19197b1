import { randomBytes } from 'node:crypto';
import { findOption, standardCodec, type ClientServerMessage6, type Codec, type Duid, type Option } from '../../protocol/index.js';
import type { LeaseStore6 } from '../../store/types.js';
import type { Outbound6 } from '../types.js';
import { KEY_BYTES, ReplayCounter, keyOption } from './auth.js';
import type { ReconfigureKeyStore } from './keys.js';
import { reconfigureDatagram, type ReconfMsgType } from './message.js';
import { PathBook, type ClientPath } from './paths.js';
import { Retransmitter } from './retransmit.js';
import { targetDuids, type ReconfigureQuery } from './targets.js';

export interface ReconfigureDeps {
  keys: ReconfigureKeyStore;
  /** The server's DUID in the codec's JSON form. */
  serverDuid: Duid;
  codec?: Codec;
  /** Unix milliseconds (replay counter, pacing, lease expiry). */
  now: () => number;
  send: (out: Outbound6) => Promise<void>;
  leases: LeaseStore6;
  /** Paths remembered (LRU), default 1,000,000: about 350 bytes each for a direct client (measured), so up to ~350 MB. */
  maxPaths?: number;
  /** §18.3.11 retransmission (default on); at most this many clients wait at once. */
  maxPending?: number;
  retransmit?: boolean;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Where direct clients listen (RFC 8415 §7.2: 546); tests on loopback change it. */
  clientPort?: number;
}

export interface ReconfigureOutcome {
  /** Clients sent a Reconfigure. */
  sent: number;
  /** No key (never sent Reconfigure Accept), or its last message said it no longer accepts: skipped. */
  skipped: number;
  /** A key but no path: the client has not talked to this process since it started. */
  unreachable: number;
  /** The send itself failed (no socket, EHOSTUNREACH ...). */
  failed: number;
}

export interface ReconfigureStats {
  keysCreated: number;
  /** The key store failed: the Reply went without a key. */
  keyErrors: number;
  /** First transmissions; retransmissions are counted apart. */
  sent: number;
  retransmitted: number;
  answered: number;
  gaveUp: number;
}

/** RFC 8415 §18.3.1/§18.3.2/§18.3.4/§18.3.5/§18.3.6: the messages whose Reply may carry the key. */
const ANSWERED = new Set(['solicit', 'request', 'renew', 'rebind', 'information-request']);
/** §20.4.2: "The server selects a reconfigure key for a client during the Request/Reply, Solicit/Reply, or Information-request/Reply message exchange." */
const SELECTS_KEY = new Set(['solicit', 'request', 'information-request']);
const RECONF_ACCEPT: Option = { code: 20, name: 'reconf-accept' };
/** Subnet-wide runs: messages per second, default and bounds. */
const DEFAULT_RATE = 100;
const MAX_RATE = 10_000;

const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reconfigure (RFC 8415 §18.3.11, §20.4): keys handed out in Replies, and
 * authenticated Reconfigure messages sent on request (lease6-reconfigure).
 */
export class ReconfigureService {
  readonly stats: ReconfigureStats = { keysCreated: 0, keyErrors: 0, sent: 0, retransmitted: 0, answered: 0, gaveUp: 0 };
  private readonly paths: PathBook;
  private readonly counter: ReplayCounter;
  private readonly codec: Codec;
  private readonly retransmitter: Retransmitter | undefined;
  /** Keys being made, so two exchanges of one client at once agree on one key. */
  private readonly making = new Map<string, Promise<Buffer>>();

  constructor(private readonly deps: ReconfigureDeps) {
    this.paths = new PathBook(deps.maxPaths);
    this.counter = new ReplayCounter(deps.now);
    this.codec = deps.codec ?? standardCodec();
    if (deps.retransmit !== false) {
      const s = this.stats;
      this.retransmitter = new Retransmitter(
        (duid, message) => this.resend(duid, message),
        { retransmitted: () => s.retransmitted++, gaveUp: () => s.gaveUp++, answered: () => s.answered++ },
        deps.random,
        deps.maxPending,
      );
    }
  }

  /** Retransmissions waiting. */
  get pending(): number {
    return this.retransmitter?.size ?? 0;
  }

  /**
   * Options to add to the reply to `request` (the client's message, relays
   * peeled). Only a Reply, only when the client sent Reconfigure Accept
   * (§21.20): the Authentication option with the client's key (§20.4.2) and
   * Reconfigure Accept, telling the client this server may reconfigure it.
   *
   * The key is made in the exchanges §20.4.2 names (Solicit with Rapid
   * Commit, Request, Information-request), once per DUID, and stored before
   * the Reply leaves. It is sent again in every later Reply to a client that
   * announces Reconfigure Accept, Renew and Rebind included: clients keep the
   * last Reply as their lease (dhcpcd reads its key back from it after a
   * restart), so a Renew's Reply without the key would make a restarted
   * client forget it. A Renew or Rebind from a client with no key gets no
   * key: no exchange §20.4.2 names made one.
   */
  async replyOptions(request: ClientServerMessage6, duid: string, replyType: string): Promise<Option[]> {
    const type = request.type as string;
    if (replyType !== 'reply' || !duid || !ANSWERED.has(type)) return [];
    if (!findOption(request.options, 20)) return [];
    let key: Buffer | undefined;
    try {
      key = (await this.deps.keys.get(duid)) ?? (SELECTS_KEY.has(type) ? await this.makeKey(duid) : undefined);
    } catch {
      // A broken key store must not cost the client its Reply: it goes without a key (no Reconfigure for it).
      this.stats.keyErrors++;
      return [];
    }
    if (!key) return [];
    return [keyOption(key, this.counter.next()), RECONF_ACCEPT];
  }

  /**
   * The server calls this for every client message it serves: how to reach
   * the client (kept in memory, see PathBook), whether it still accepts
   * Reconfigure, and whether the message answers a pending Reconfigure.
   */
  rememberPath(duid: string, path: ClientPath, msg?: ClientServerMessage6): void {
    if (!duid) return;
    this.paths.remember(duid, path, msg);
    if (msg) this.retransmitter?.answered(duid, msg.type as string);
  }

  /** lease6-reconfigure: send each named client an authenticated Reconfigure. */
  async reconfigure(query: ReconfigureQuery): Promise<ReconfigureOutcome> {
    const message: ReconfMsgType = query.message ?? 'renew';
    if (message !== 'renew' && message !== 'information-request') throw new Error(`message ${JSON.stringify(message)}: expected renew or information-request`);
    const asked = query.rate ?? DEFAULT_RATE;
    const rate = Number.isFinite(asked) ? Math.min(MAX_RATE, Math.max(1, asked)) : DEFAULT_RATE;
    const paced = query.subnetId !== undefined;
    const sleep = this.deps.sleep ?? sleepMs;
    const out: ReconfigureOutcome = { sent: 0, skipped: 0, unreachable: 0, failed: 0 };
    const start = this.deps.now();
    let n = 0;
    for await (const duid of targetDuids(this.deps.leases, query, Math.floor(start / 1000))) {
      const key = await this.deps.keys.get(duid);
      if (!key || !this.paths.mayReconfigure(duid)) {
        out.skipped++;
        continue;
      }
      const path = this.paths.path(duid);
      if (!path) {
        out.unreachable++;
        continue;
      }
      if (paced) {
        // Message n leaves no earlier than start + n / rate: an even pace, whatever the sends cost.
        const wait = start + (n++ * 1000) / rate - this.deps.now();
        if (wait > 0) await sleep(wait);
      }
      try {
        await this.transmit(duid, message, key, path);
        out.sent++;
        this.stats.sent++;
        this.retransmitter?.start(duid, message);
      } catch {
        out.failed++;
      }
    }
    return out;
  }

  /** Stop retransmitting (on shutdown). */
  close(): void {
    this.retransmitter?.close();
  }

  private makeKey(duid: string): Promise<Buffer> {
    let p = this.making.get(duid);
    if (!p) {
      const key = randomBytes(KEY_BYTES);
      p = this.deps.keys.put(duid, key).then(() => {
        this.stats.keysCreated++;
        return key;
      });
      const done = () => this.making.delete(duid);
      p.then(done, done);
      this.making.set(duid, p);
    }
    return p;
  }

  private async transmit(duid: string, message: ReconfMsgType, key: Buffer, path: ClientPath): Promise<void> {
    const spec = { serverDuid: this.deps.serverDuid, duid, message, key, replay: this.counter.next() };
    await this.deps.send(reconfigureDatagram(this.codec, spec, path, this.deps.clientPort));
  }

  private async resend(duid: string, message: ReconfMsgType): Promise<void> {
    const key = await this.deps.keys.get(duid);
    const path = this.paths.path(duid);
    if (key && path) await this.transmit(duid, message, key, path);
  }
}
