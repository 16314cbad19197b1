import { DecodeError, findOption, isRelay, type ClientServerMessage6, type Duid, type Message6, type Option } from '../protocol/index.js';
import { ipv6ToBigInt, prefixContains } from '../protocol/net6.js';
import type { Lease6, LeaseChange6, LeaseStore6 } from '../store/types.js';
import { LeaseConflictError, LeaseStaleError, StoreOverloadError } from '../store/errors.js';
import type { ServerModel, SubnetModel, Reservation6, PoolModel } from './model.js';
import type { DropReason, Inbound6, Outbound6, Transaction6 } from './types.js';
import { unwrap, wrap } from './relay.js';
import { Stats, RECEIVED_STAT, SENT_STAT, leaseMoved } from './stats.js';
import { configuredOptions, pipelineOptions, requestedCodes } from './options.js';
import { iaOption, iasOf, statusOption, withdrawStale, type Granted, type IaRequest } from './ia.js';
import { Drop, hwaddrOf, selectSubnet, validate } from './classify.js';
import { markTaken, poolOfFirstGrant, releaseSlot, takeFromPools } from './pools.js';
import { hasMalformedOption } from './malformed.js';
import { summarise, type TransactionSummary } from './summary.js';
import { reclaimedNow, timersOf, version, withContext } from './lease-changes.js';
import { newContext, type PostHandlers } from '../pipeline/pipeline.js';
import { requestIds } from '../pipeline/ids.js';
import type { LeaseEvent, PipelineRequest } from '../pipeline/types.js';
import { ALWAYS_SEND } from '../pipeline/env.js';
import type { ReconfigureService } from './reconfigure/service.js';

export interface ServerDeps {
  model: ServerModel;
  store: LeaseStore6;
  /** The server's DUID in the codec's JSON form. */
  serverDuid: Duid;
  /** Unix seconds. */
  now: () => number;
  random: () => number;
  /** RFC 8415 §18.3.11/§20.4: keys in Replies, paths for Reconfigure. Absent: neither. */
  reconfigure?: ReconfigureService;
}

export type { TransactionSummary };

export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

const noLog: Logger = { debug() {}, info() {}, warn() {} };

/** Messages a client may send a server (RFC 8415 §7.3). */
const CLIENT_TYPES = new Set(['solicit', 'request', 'confirm', 'renew', 'rebind', 'release', 'decline', 'information-request']);
/** RFC 8415 §18.4: these may be unicast only to a server that sent the Server Unicast option. */
const UNICAST_CHECKED = new Set(['request', 'renew', 'release', 'decline']);
/** Messages by which a client asks for a new binding. */
const NEW_BINDING = new Set(['solicit', 'request']);
/** Attempts at allocating around conflicting leases before giving up on an IA. */
const CONFLICT_RETRIES = 3;


/**
 * The DHCPv6 state machine (RFC 8415 §16, §18.3). Takes a datagram, returns
 * the datagram to send (or nothing); never touches a socket. A reply that
 * grants or extends a lease is returned only after the store committed it.
 */
export class Dhcp6Server {
  readonly stats = new Stats();
  private readonly perClient = new Map<string, Promise<unknown>>();
  private readonly serverDuidHex: string;
  log: Logger = noLog;
  onTransaction?: (t: TransactionSummary) => void;
  /** After a commit moved leases (grant, extend, release, decline, a line's CPE swap). */
  onLease?: (e: LeaseEvent) => void;

  constructor(private deps: ServerDeps) {
    this.serverDuidHex = deps.serverDuid.hex;
  }

  get model(): ServerModel {
    return this.deps.model;
  }

  /** Swap the config; transactions already running finish on the model they started with. */
  setModel(model: ServerModel): void {
    this.deps = { ...this.deps, model };
  }

  async handle(pkt: Inbound6): Promise<Outbound6 | undefined> {
    const started = process.hrtime.bigint();
    this.stats.add('pkt6-received');
    let tx: Transaction6 | undefined;
    try {
      tx = this.begin(pkt);
      this.stats.add(RECEIVED_STAT[tx.type] ?? 'pkt6-unknown-received');
      const t = tx;
      const reply = await this.serialised(tx.duid, async () => {
        const r = await this.provision(t);
        await this.reconfigureHooks(t, r);
        return r;
      });
      if (!reply) {
        this.summarise(started, pkt, tx, undefined, undefined, undefined);
        return undefined;
      }
      this.stats.add(SENT_STAT[reply.type as string] ?? 'pkt6-unknown-sent');
      this.stats.add('pkt6-sent');
      const wrapped = wrap(tx.relays, reply);
      const out = this.deps.model.codec.encode6(wrapped);
      this.summarise(started, pkt, tx, reply, wrapped, undefined, out);
      return { data: out, destination: pkt.source, port: pkt.sourcePort, iface: pkt.iface };
    } catch (e) {
      let reason: DropReason = 'internal-error';
      if (e instanceof Drop) reason = e.reason;
      else if (e instanceof StoreOverloadError) reason = 'store-overload';
      else this.log.warn({ msgId: 'FULMAR_PKT6_INTERNAL_ERROR', err: String(e), source: pkt.source }, 'internal error serving a packet');
      this.summarise(started, pkt, tx, undefined, undefined, reason);
      return this.drop(reason, pkt);
    }
  }

  private summarise(started: bigint, pkt: Inbound6, tx: Transaction6 | undefined, reply: ClientServerMessage6 | undefined, wrapped: Message6 | undefined, drop: DropReason | undefined, out?: Buffer): void {
    if (this.onTransaction) this.onTransaction(summarise(started, pkt, tx, reply, wrapped, drop, out));
  }

  private drop(reason: DropReason, pkt: Inbound6): undefined {
    this.stats.add('pkt6-receive-drop');
    this.stats.add(`pkt6-drop-${reason}`);
    if (reason === 'parse-failed') this.stats.add('pkt6-parse-failed');
    void pkt; // logged through onTransaction, with the request's details
    return undefined;
  }

  /** Transactions of one client run one after another, so a retransmission cannot double-allocate. */
  private async serialised<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.perClient.get(key);
    const run = (before ? before.then(fn, fn) : fn()) as Promise<T>;
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.perClient.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.perClient.get(key) === settled) this.perClient.delete(key);
    }
  }

  /** Decode, peel relays, validate (RFC 8415 §16) and pick the subnet. */
  private begin(pkt: Inbound6): Transaction6 {
    const model = this.deps.model;
    const request = model.codec.decode6(pkt.data);
    if (request instanceof DecodeError) throw new Drop('parse-failed');
    if (!isRelay(request) && !CLIENT_TYPES.has(request.type as string)) throw new Drop('not-for-server');
    const un = unwrap(request as Message6);
    if (!un) throw new Drop(request.type === 'relay-forw' ? 'no-relay-message' : 'not-for-server');
    const { relays, msg } = un;
    const type = msg.type as string;
    if (!CLIENT_TYPES.has(type)) throw new Drop('not-for-server');
    if (hasMalformedOption(msg.options) || relays.some((r) => hasMalformedOption(r.options))) throw new Drop('malformed-option');
    const clientId = findOption(msg.options, 1);
    const serverId = findOption(msg.options, 2);
    validate(type, clientId, serverId, this.serverDuidHex, msg);
    const duid = clientId ? (clientId.value as Duid).hex : '';
    const tx: Transaction6 = { inbound: pkt, request: request as Message6, relays, msg, type, duid, hwaddr: hwaddrOf(clientId?.value as Duid | undefined, relays) };
    tx.subnet = selectSubnet(model, tx);
    return tx;
  }

  /**
   * RFC 8415 §20.4.2: the reconfigure key goes in the Reply, stored before it
   * leaves (this runs inside the client's queue); and remember how to reach
   * the client for a later Reconfigure (§18.3.11).
   */
  private async reconfigureHooks(tx: Transaction6, reply: ClientServerMessage6 | undefined): Promise<void> {
    const rc = this.deps.reconfigure;
    if (!rc || !reply) return;
    // Most clients never send Reconfigure Accept (§21.20): they cost one option scan, no promise.
    if (findOption(tx.msg.options, 20) !== undefined) {
      const status = (findOption(reply.options, 13)?.value as { status?: string } | undefined)?.status;
      if (status !== 'UseMulticast') reply.options.push(...(await rc.replyOptions(tx.msg, tx.duid, reply.type as string)));
    }
    const pkt = tx.inbound;
    rc.rememberPath(tx.duid, { source: pkt.source, port: pkt.sourcePort, iface: pkt.iface, relays: tx.relays }, tx.msg);
  }

  /** The pipeline's handlers decide (pre), the state machine serves, the handlers edit the response (post). */
  private async provision(tx: Transaction6): Promise<ClientServerMessage6 | undefined> {
    const pipeline = this.deps.model.pipeline;
    if (!pipeline.configured) return this.serve(tx);
    const ctx = newContext(this.pipelineRequest(tx));
    tx.ctx = ctx;
    const pre = pipeline.pre(ctx);
    const posts: PostHandlers = Array.isArray(pre) ? pre : await pre;
    if (ctx.ignore !== undefined) throw new Drop(ctx.ignore as DropReason);
    const reply = await this.serve(tx);
    if (reply && posts.length) {
      ctx.response = reply;
      await pipeline.post(ctx, posts);
    }
    return reply;
  }

  private pipelineRequest(tx: Transaction6): PipelineRequest {
    const elapsed = findOption(tx.msg.options, 8)?.value;
    return {
      type: tx.type,
      msg: tx.msg,
      relays: tx.relays,
      ids: requestIds(tx.duid, tx.hwaddr, tx.relays),
      iface: tx.inbound.iface,
      source: tx.inbound.source,
      subnetId: tx.subnet?.id,
      // RFC 8415 §21.9: hundredths of a second.
      elapsedSeconds: typeof elapsed === 'number' ? elapsed / 100 : 0,
    };
  }

  private async serve(tx: Transaction6): Promise<ClientServerMessage6 | undefined> {
    if (tx.relays.length === 0 && tx.inbound.unicast && UNICAST_CHECKED.has(tx.type)) {
      // RFC 8415 §18.4: we never send the Server Unicast option, so tell the client to multicast.
      return { type: 'reply', xid: tx.msg.xid, options: [this.serverIdOption(), findOption(tx.msg.options, 1)!, statusOption('UseMulticast', 'send to ff02::1:2')] };
    }
    switch (tx.type) {
      case 'information-request':
        return this.informationRequest(tx);
      case 'confirm':
        return this.confirm(tx);
    }
    // Static assignments need no subnet: their lifetimes and options then come from the global level.
    const assigned = tx.ctx?.assigned;
    const subnet = tx.subnet ?? (assigned && (assigned.addresses.length || assigned.prefixes.length) ? this.deps.model.noSubnet : undefined);
    if (!subnet) throw new Drop('no-subnet');
    switch (tx.type) {
      case 'solicit':
        return this.solicit(tx, subnet);
      case 'request':
        return this.assignAll(tx, subnet, 'reply', true);
      case 'renew':
      case 'rebind':
        return this.extendAll(tx, subnet);
      case 'release':
        return this.releaseOrDecline(tx, subnet, 'release');
      case 'decline':
        return this.releaseOrDecline(tx, subnet, 'decline');
    }
    throw new Drop('not-for-server');
  }

  private serverIdOption(): Option {
    return { code: 2, name: 'serverid', value: this.deps.serverDuid };
  }

  /** serverid, clientid, then what the caller adds, then configured options per ORO. */
  private reply(tx: Transaction6, type: 'advertise' | 'reply', body: Option[], optionsFrom?: SubnetModel, reservation?: Reservation6, pool?: PoolModel): ClientServerMessage6 {
    const options: Option[] = [this.serverIdOption()];
    const clientId = findOption(tx.msg.options, 1);
    if (clientId) options.push(clientId);
    options.push(...body);
    // Most specific wins: reservation over pool over subnet over global.
    let set = pool?.options ?? optionsFrom?.options ?? this.deps.model.globalOptions;
    if (reservation?.options.size) set = new Map([...set, ...reservation.options]);
    const requested = requestedCodes(tx.msg);
    const configured = configuredOptions(set, requested, tx.type);
    const extra = tx.ctx?.options;
    if (extra?.length) {
      // Options from the pipeline replace configured ones of the same code.
      const chosen = pipelineOptions(extra, requested, tx.type, (o) => ALWAYS_SEND.has(o));
      const codes = new Set(extra.map((o) => o.code));
      options.push(...configured.filter((o) => !codes.has(o.code)), ...chosen);
    } else options.push(...configured);
    return { type, xid: tx.msg.xid, options };
  }

  // RFC 8415 §18.3.1: Advertise, or Reply at once when both sides agree on Rapid Commit (§21.14).
  private async solicit(tx: Transaction6, subnet: SubnetModel): Promise<ClientServerMessage6> {
    const rapid = subnet.rapidCommit && findOption(tx.msg.options, 14) !== undefined;
    return this.assignAll(tx, subnet, rapid ? 'reply' : 'advertise', rapid);
  }

  private reservationFor(tx: Transaction6, subnet: SubnetModel): Reservation6 | undefined {
    return subnet.byDuid.get(tx.duid) ?? (tx.hwaddr !== undefined ? subnet.byHwaddr.get(tx.hwaddr) : undefined);
  }

  /**
   * Give every IA what can be given (RFC 7550 behaviour, now RFC 8415 §18.3.2):
   * the client's current leases, else its reservation, else free pool
   * resources near its hints. `commit` false (Advertise) only looks: the
   * chosen slots are let go once the reply is built.
   */
  private async assignAll(tx: Transaction6, subnet: SubnetModel, type: 'advertise' | 'reply', commit: boolean): Promise<ClientServerMessage6> {
    const body: Option[] = [];
    if (type === 'reply' && tx.type === 'solicit') body.push({ code: 14, name: 'rapid-commit' });
    const preference = tx.ctx?.preference ?? subnet.preference;
    if (type === 'advertise' && preference > 0) body.push({ code: 7, name: 'preference', value: preference });
    const ias = await this.grant(tx, subnet, iasOf(tx.msg), commit);
    body.push(...ias);
    return this.reply(tx, type, body, subnet, this.reservationFor(tx, subnet), poolOfFirstGrant(subnet, ias));
  }

  /** IA options for the reply, after committing what they announce (unless only looking). */
  private async grant(tx: Transaction6, subnet: SubnetModel, ias: IaRequest[], commit: boolean): Promise<Option[]> {
    const now = this.deps.now();
    const reservation = this.reservationFor(tx, subnet);
    const { t1, t2, preferred, valid } = timersOf(subnet, tx.ctx);
    for (let attempt = 0; ; attempt++) {
      const plan = await this.plan(tx, subnet, ias, reservation, now);
      const changes: LeaseChange6[] = [];
      // A resource bound to the line leaves the CPE that had it (a swap): released in the same commit.
      for (const p of plan) for (const g of p.fresh) if (g.evict) changes.push({ op: 'update', lease: reclaimedNow(g.evict, now), expect: version(g.evict) });
      for (const p of plan) for (const g of p.fresh) changes.push({ op: 'insert', lease: this.lease(tx, subnet, p.ia, g.resource, now) });
      for (const p of plan) for (const l of p.kept) changes.push({ op: 'update', lease: withContext({ ...l, cltt: now, preferredLifetime: preferred, validLifetime: valid, expiresAt: now + valid }, tx.ctx), expect: version(l) });
      if (!commit) this.unreserve(plan);
      else if (changes.length) {
        try {
          await this.deps.store.commit(changes);
        } catch (e) {
          this.unreserve(plan);
          if (e instanceof LeaseConflictError && attempt < CONFLICT_RETRIES) {
            markTaken(subnet, e.address); // someone else holds it: never offer it again
            continue;
          }
          if (e instanceof LeaseStaleError && attempt < CONFLICT_RETRIES) continue; // changed under us (reclaim): look again
          throw e;
        }
        for (const c of changes) if (c.op === 'insert') leaseMoved(this.stats, subnet.id, c.lease.type, undefined, 'assigned');
        for (const p of plan) for (const g of p.fresh) if (g.evict) leaseMoved(this.stats, g.evict.subnetId, g.evict.type, 'assigned', 'reclaimed');
        this.announce(changes, 'granted');
      }
      return plan.map((p) => {
        const granted: Granted[] = [...p.kept.map((l) => l.address), ...p.fresh.map((g) => g.resource)].map((resource) => ({ resource, preferred, valid }));
        if (granted.length) return iaOption(p.ia, granted, t1, t2);
        return iaOption(p.ia, [], 0, 0, p.ia.type === 'pd' ? ['NoPrefixAvail', 'no prefixes available'] : ['NoAddrsAvail', 'no addresses available']);
      });
    }
  }

  private lease(tx: Transaction6, subnet: SubnetModel, ia: IaRequest, address: string, now: number): Lease6 {
    const { preferred, valid } = timersOf(subnet, tx.ctx);
    const l: Lease6 = { type: ia.type, address, duid: tx.duid, iaid: ia.iaid, subnetId: subnet.id, preferredLifetime: preferred, validLifetime: valid, cltt: now, expiresAt: now + valid, state: 'assigned' };
    if (tx.hwaddr) l.hwaddr = tx.hwaddr;
    return withContext(l, tx.ctx);
  }

  /** Tell lease listeners (plugins) what a commit did. */
  private announce(changes: readonly LeaseChange6[], fresh: 'granted' | 'extended'): void {
    const on = this.onLease;
    if (!on) return;
    for (const c of changes) {
      if (c.op === 'delete') continue;
      const l = c.lease;
      const kind = c.op === 'insert' ? fresh : l.state === 'assigned' ? 'extended' : l.state === 'declined' ? 'declined' : 'released';
      try {
        on({ kind, lease: l });
      } catch (e) {
        this.log.warn({ msgId: 'FULMAR_LEASE_LISTENER_FAILED', err: String(e) }, 'a lease listener failed');
      }
    }
  }

  private async plan(tx: Transaction6, subnet: SubnetModel, ias: IaRequest[], reservation: Reservation6 | undefined, now: number): Promise<Planned[]> {
    const out: Planned[] = [];
    const assigned = tx.ctx?.assigned;
    const reservedLeft = { na: [...(reservation?.addresses ?? []), ...(assigned?.addresses ?? [])], pd: [...(reservation?.prefixes ?? []), ...(assigned?.prefixes ?? [])] };
    const lineBound = assigned?.lineBound === true;
    for (const ia of ias) {
      const existing = (await this.deps.store.getByClient(tx.duid, ia.iaid, ia.type)).filter((l) => l.state === 'assigned' && l.subnetId === subnet.id && l.expiresAt >= now);
      if (existing.length) {
        out.push({ ia, kept: existing, fresh: [] });
        continue;
      }
      const fresh: Planned['fresh'] = [];
      const reserved = ia.type === 'ta' ? [] : reservedLeft[ia.type];
      while (reserved.length && !fresh.length) {
        const r = reserved.shift()!;
        const holder = await this.deps.store.get(ia.type, r);
        if (!holder || holder.state === 'reclaimed' || (holder.duid === tx.duid && holder.iaid === ia.iaid)) fresh.push({ resource: r, pool: undefined });
        // Taken from its holder: a line's new CPE, the same client under a new IAID, or a lease past its expiry the sweep has not reached.
        // Only a new binding (Solicit, Request) takes a line's resource: the old CPE's Renew must not take it back.
        else if (holder.state === 'assigned' && ((lineBound && NEW_BINDING.has(tx.type)) || holder.duid === tx.duid || holder.expiresAt < now)) fresh.push({ resource: r, pool: undefined, evict: holder });
      }
      if (!fresh.length && (!tx.ctx || tx.ctx.dynamic)) {
        const taken = takeFromPools(subnet, ia, this.deps.random);
        if (taken) fresh.push(taken);
      }
      out.push({ ia, kept: [], fresh });
    }
    return out;
  }

  private unreserve(plan: Planned[]): void {
    for (const p of plan) for (const f of p.fresh) f.pool?.pool.release(f.resource);
  }

  // RFC 8415 §18.3.4 (Renew) and §18.3.5 (Rebind): extend what the client holds; new bindings when it holds nothing.
  private async extendAll(tx: Transaction6, subnet: SubnetModel): Promise<ClientServerMessage6> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.extendOnce(tx, subnet);
      } catch (e) {
        // A lease changed between read and commit (the reclaim sweep): read again.
        if (e instanceof LeaseStaleError && attempt < CONFLICT_RETRIES) continue;
        throw e;
      }
    }
  }

  private async extendOnce(tx: Transaction6, subnet: SubnetModel): Promise<ClientServerMessage6> {
    const ias = iasOf(tx.msg);
    const now = this.deps.now();
    const { t1, t2, preferred, valid } = timersOf(subnet, tx.ctx);
    const changes: LeaseChange6[] = [];
    const body: Option[] = [];
    const missing: IaRequest[] = [];
    for (const ia of ias) {
      const held = (await this.deps.store.getByClient(tx.duid, ia.iaid, ia.type)).filter((l) => l.state === 'assigned' && l.subnetId === subnet.id);
      if (!held.length) {
        missing.push(ia);
        continue;
      }
      const granted: Granted[] = [];
      for (const l of held) {
        changes.push({ op: 'update', lease: withContext({ ...l, cltt: now, preferredLifetime: preferred, validLifetime: valid, expiresAt: now + valid }, tx.ctx), expect: version(l) });
        granted.push({ resource: l.address, preferred, valid });
      }
      // Addresses the client lists that are not (or no longer) its own: lifetimes 0 so it stops using them.
      for (const h of ia.hints) if (!held.some((l) => l.address === h)) granted.push({ resource: h, preferred: 0, valid: 0 });
      body.push(iaOption(ia, granted, t1, t2));
    }
    if (changes.length) {
      await this.deps.store.commit(changes);
      this.announce(changes, 'extended');
    }
    if (missing.length) {
      const fresh = await this.grant(tx, subnet, missing, true);
      // RFC 8415 §18.3.4/§18.3.5: what the client still lists but no longer holds goes back with lifetimes 0.
      fresh.forEach((o, i) => withdrawStale(o, missing[i]!));
      body.push(...fresh);
    }
    return this.reply(tx, 'reply', body, subnet, this.reservationFor(tx, subnet), poolOfFirstGrant(subnet, body));
  }

  // RFC 8415 §18.3.7 (Release) and §18.3.8 (Decline).
  private async releaseOrDecline(tx: Transaction6, subnet: SubnetModel, what: 'release' | 'decline'): Promise<ClientServerMessage6> {
    const now = this.deps.now();
    const changes: LeaseChange6[] = [];
    const body: Option[] = [];
    const freed: Lease6[] = [];
    for (const ia of iasOf(tx.msg)) {
      const held = (await this.deps.store.getByClient(tx.duid, ia.iaid, ia.type)).filter((l) => l.state === 'assigned');
      const named = held.filter((l) => ia.hints.includes(l.address));
      if (!named.length) {
        body.push(iaOption(ia, [], 0, 0, ['NoBinding', 'no such lease']));
        continue;
      }
      for (const l of named) {
        if (what === 'decline' && l.type !== 'pd') {
          changes.push({ op: 'update', lease: { ...l, state: 'declined', cltt: now, preferredLifetime: 0, validLifetime: this.deps.model.declineProbation, expiresAt: now + this.deps.model.declineProbation }, expect: version(l) });
        } else {
          changes.push({ op: 'update', lease: reclaimedNow(l, now), expect: version(l) });
          freed.push(l);
        }
      }
    }
    if (changes.length) {
      await this.deps.store.commit(changes);
      this.announce(changes, 'extended');
    }
    for (const c of changes) if (c.op === 'update') leaseMoved(this.stats, c.lease.subnetId, c.lease.type, 'assigned', c.lease.state);
    for (const l of freed) releaseSlot(this.deps.model, l);
    body.unshift(statusOption('Success', what === 'release' ? 'leases released' : 'addresses declined'));
    return this.reply(tx, 'reply', body, subnet);
  }

  // RFC 8415 §18.3.3: are the client's addresses on this link? No addresses, or no idea: no reply.
  private confirm(tx: Transaction6): ClientServerMessage6 {
    const addresses = iasOf(tx.msg)
      .filter((ia) => ia.type !== 'pd')
      .flatMap((ia) => ia.hints);
    if (!addresses.length) throw new Drop('nothing-to-confirm');
    if (!tx.subnet) throw new Drop('no-subnet');
    const net = tx.subnet.prefix;
    const onLink = addresses.every((a) => {
      const v = ipv6ToBigInt(a);
      return v !== undefined && prefixContains(net, v);
    });
    return this.reply(tx, 'reply', [onLink ? statusOption('Success', 'all addresses on link') : statusOption('NotOnLink', 'addresses not on link')], tx.subnet);
  }

  // RFC 8415 §18.3.6: configuration only, from the subnet when one is known, else global.
  private informationRequest(tx: Transaction6): ClientServerMessage6 {
    return this.reply(tx, 'reply', [], tx.subnet);
  }
}

interface Planned {
  ia: IaRequest;
  kept: Lease6[];
  /** `evict`: the live lease this resource is taken from, released in the same commit. */
  fresh: { resource: string; pool: PoolModel | undefined; evict?: Lease6 }[];
}
