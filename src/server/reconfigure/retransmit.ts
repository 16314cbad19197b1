import type { ReconfMsgType } from './message.js';

/** RFC 8415 §7.6: Reconfigure retransmission parameters. */
export const REC_TIMEOUT = 2000;
export const REC_MAX_RC = 8;

/**
 * §18.3.11: "If the server does not receive a Renew, Rebind, or
 * Information-request message from the client in REC_TIMEOUT milliseconds,
 * the server retransmits the Reconfigure message, doubles the REC_TIMEOUT
 * value, and waits again", up to REC_MAX_RC transmissions, with §15's ±10 %
 * randomisation. The client's answer (the server tells us through
 * answered()) ends it. Each retransmission is built afresh by `resend`, so it
 * carries a new replay value (§20.3) and goes the client's latest path.
 * At most `max` clients wait at once; past that a Reconfigure goes once.
 */
interface Pending {
  message: ReconfMsgType;
  sent: number;
  rt: number;
  timer: ReturnType<typeof setTimeout>;
}

export interface RetransmitEvents {
  retransmitted(duid: string): void;
  gaveUp(duid: string): void;
  answered(duid: string): void;
}

export class Retransmitter {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly resend: (duid: string, message: ReconfMsgType) => Promise<void>,
    private readonly events: RetransmitEvents,
    private readonly random: () => number = Math.random,
    readonly max = 100_000,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  /** After the first transmission; a Reconfigure still pending for this client is replaced. false when full. */
  start(duid: string, message: ReconfMsgType): boolean {
    this.cancel(duid);
    if (this.pending.size >= this.max) return false;
    const rt = this.jitter(REC_TIMEOUT);
    this.pending.set(duid, { message, sent: 1, rt, timer: this.arm(duid, rt) });
    return true;
  }

  /** The server saw `clientType` from this client: does it answer the pending Reconfigure? */
  answered(duid: string, clientType: string): void {
    const p = this.pending.get(duid);
    if (!p) return;
    // §18.2.11: a client told to Renew may find Rebind the way to reach a server.
    const ok = clientType === p.message || (p.message === 'renew' && clientType === 'rebind');
    if (!ok) return;
    this.cancel(duid);
    this.events.answered(duid);
  }

  close(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }

  private cancel(duid: string): void {
    const p = this.pending.get(duid);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(duid);
  }

  private arm(duid: string, ms: number): ReturnType<typeof setTimeout> {
    const t = setTimeout(() => void this.fire(duid), ms);
    t.unref?.();
    return t;
  }

  private async fire(duid: string): Promise<void> {
    const p = this.pending.get(duid);
    if (!p) return;
    if (p.sent >= REC_MAX_RC) {
      this.pending.delete(duid);
      this.events.gaveUp(duid);
      return;
    }
    p.sent++;
    p.rt = 2 * p.rt + this.rand() * p.rt;
    p.timer = this.arm(duid, p.rt);
    this.events.retransmitted(duid);
    try {
      await this.resend(duid, p.message);
    } catch {
      // A lost datagram is what retransmission is for: the next timer tries again.
    }
  }

  private rand(): number {
    return this.random() * 0.2 - 0.1;
  }

  private jitter(ms: number): number {
    return ms + this.rand() * ms;
  }
}
