import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { loadConfig, type ConfigIssue } from '../../config/validate.js';
import type { Config } from '../../config/schema.js';
import { Dhcp6Server } from '../../server/server.js';
import { WorkQueue } from '../../server/queue.js';
import { markLiveLeases, reclaimExpired } from '../../server/reclaim.js';
import { Udp6Transport, type Datagram6 } from '../../transport/udp6.js';
import { readKernelUdpDrops } from '../../transport/kernel-drops.js';
import type { Lease6, LeaseStore6 } from '../../store/types.js';
import { MemoryLeaseStore6 } from '../../store/memory/store6.js';
import { openSqliteLeaseStore6 } from '../../store/sqlite/store6.js';
import { retireProvisioning } from '../../pipeline/setup.js';
import type { LeaseEvent } from '../../pipeline/types.js';
import { loadOrCreateServerDuid } from './duid-file.js';
import { ReconfigureService } from '../../server/reconfigure/service.js';
import { MemoryReconfigureKeyStore, type ReconfigureKeyStore } from '../../server/reconfigure/keys.js';
import { SqliteReconfigureKeyStore } from '../../store/sqlite/reconfigure-keys.js';
import { configBaseDir, parseConfigFile, prepareConfig, type Prepared } from './prepare.js';
import { logFields, toRecord } from './records.js';
import { Observers } from './observers.js';
import { startControl, type Control } from './control.js';

export class ConfigRejected extends Error {
  constructor(
    readonly file: string,
    readonly issues: ConfigIssue[],
  ) {
    super(`${file}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

/** Requests served at once; the rest wait in the bounded queue. */
const CONCURRENCY = 256;
/** A retired config's sources and plugins close this long after the swap, once its transactions are done. */
const RETIRE_AFTER_MS = 5_000;

/** The config file checked against the schema only (for commands that just read the lease store). */
export function readConfig(file: string): { config: Config } {
  const p = parseConfigFile(file);
  if (!p.ok) throw new ConfigRejected(file, p.issues);
  const r = loadConfig(p.raw);
  if (!r.ok) throw new ConfigRejected(file, r.issues);
  return r;
}

export function leaseDatabasePath(config: Config): string | undefined {
  const db = config.dhcp6['lease-database'];
  return db.type === 'sqlite' ? (db.path ?? join(config['data-directory'], 'leases6.sqlite')) : undefined;
}

export function openStore(config: Config): LeaseStore6 {
  const db = config.dhcp6['lease-database'];
  if (db.type === 'memory') return new MemoryLeaseStore6();
  return openSqliteLeaseStore6({ path: leaseDatabasePath(config)!, durability: db.durability });
}

export interface Running {
  server: Dhcp6Server;
  log: Logger;
  /** Re-read the config file; false (and the old config keeps serving) when it is rejected. */
  reload(): Promise<boolean>;
  stop(): Promise<void>;
  /** The management API's address, when configured. */
  controlUrl?: string;
}

/** Every live lease, page by page: plugins re-install what they manage (routes) at start. */
async function* liveLeases(store: LeaseStore6): AsyncIterable<Lease6> {
  let after: string | undefined;
  for (;;) {
    const page = await store.page(after, 1000);
    if (!page.length) return;
    for (const l of page) if (l.state === 'assigned') yield l;
    after = page[page.length - 1]!.address;
  }
}

/**
 * Start serving: config, store, provisioning, server, sockets, queue,
 * timers, management API; then drop privileges. Everything is set up before
 * the first packet is read, and a failure at any step undoes the earlier ones.
 */
export async function start(file: string, log: Logger = pino({ base: undefined })): Promise<Running> {
  const baseDir = configBaseDir(file);
  const parsed = parseConfigFile(file);
  if (!parsed.ok) throw new ConfigRejected(file, parsed.issues);
  // Handlers count into the server's statistics; the server is built after the pipeline.
  const late: { server?: Dhcp6Server } = {};
  const count = (name: string, by = 1): void => late.server?.stats.add(name, by);
  const first = await prepareConfig(parsed.raw, baseDir, { log, count });
  if (!first.ok) throw new ConfigRejected(file, first.issues);
  let current: Prepared = first.value;
  let config = current.config;
  log.level = config.logging.level;
  mkdirSync(config['data-directory'], { recursive: true });
  const serverDuid = loadOrCreateServerDuid(config['data-directory'], config.dhcp6.interfaces);
  const store = openStore(config);
  const ldb = config.dhcp6['lease-database'];
  const keys: ReconfigureKeyStore = ldb.type === 'sqlite' ? new SqliteReconfigureKeyStore({ path: join(config['data-directory'], 'reconfigure-keys.sqlite'), durability: ldb.durability }) : new MemoryReconfigureKeyStore();
  let transport: Udp6Transport | undefined;
  const reconfigure = new ReconfigureService({
    keys,
    serverDuid,
    codec: current.codec,
    leases: store,
    now: Date.now,
    async send(o) {
      if (!transport) throw new Error('not serving');
      await transport.send(o.data, o.destination, o.port, o.iface);
    },
  });
  const srv = new Dhcp6Server({ model: current.model, store, serverDuid, now: () => Math.floor(Date.now() / 1000), random: Math.random, reconfigure });
  late.server = srv;
  await store.prepare?.();
  await markLiveLeases(store, current.model, srv.stats);
  srv.log = log;

  const onLease = (e: LeaseEvent): void => {
    for (const p of current.provisioning.plugins) {
      if (!p.instance.onLease) continue;
      Promise.resolve()
        .then(() => p.instance.onLease!(e))
        .catch((err) => log.warn({ msgId: 'FULMAR_PLUGIN_LEASE_HOOK_FAILED', plugin: p.loaded.def.name, err: String(err) }, 'a plugin failed on a lease event'));
    }
  };
  srv.onLease = onLease;
  const startPlugins = async (p: Prepared): Promise<void> => {
    for (const pl of p.provisioning.plugins) {
      if (!pl.instance.start) continue;
      try {
        await pl.instance.start(liveLeases(store));
      } catch (err) {
        log.warn({ msgId: 'FULMAR_PLUGIN_START_FAILED', plugin: pl.loaded.def.name, err: String(err) }, 'a plugin failed to start');
      }
    }
  };
  await startPlugins(current);

  const observers = new Observers(log, srv.stats);
  observers.watched = config.control !== undefined;
  await observers.configure(config.events, file);
  srv.onTransaction = (t) => {
    // The line's object and text are built only when its level is on (at warn, as in benchmarks, never).
    if (t.drop) {
      if (log.isLevelEnabled('debug')) log.debug({ msgId: 'FULMAR_PKT6_DROPPED', ...logFields(t) }, `${t.type} dropped: ${t.drop}`);
    } else if (log.isLevelEnabled('info')) log.info({ msgId: 'FULMAR_PKT6_TRANSACTION', ...logFields(t) }, `${t.type} → ${t.reply ?? 'no reply'}`);
    if (observers.watched || observers.streaming) observers.observe(toRecord(t), t.requestData, t.responseData);
  };

  let serving = true;
  let enableTimer: NodeJS.Timeout | undefined;
  const queue = new WorkQueue<Datagram6>(config.dhcp6['receive-queue'], CONCURRENCY, async (d) => {
    // Under overload, serve what is fresh: a client has retransmitted (or given up) on what waited long.
    if (performance.now() - d.receivedAt > config.dhcp6['max-queue-wait']) {
      srv.stats.add('pkt6-receive-drop');
      srv.stats.add('pkt6-drop-stale');
      return;
    }
    if (!serving) {
      srv.stats.add('pkt6-receive-drop');
      srv.stats.add('pkt6-drop-disabled');
      return;
    }
    const source = d.address.replace(/%.*$/, '');
    const out = await srv.handle({ data: d.data, source, sourcePort: d.port, iface: d.iface, unicast: d.unicast });
    if (!out || !transport) return;
    // Reply to the address exactly as received, zone included, so link-local clients are reachable.
    await transport.send(out.data, d.address, out.port, d.iface, d.via);
  });
  try {
    transport = await Udp6Transport.open({
      interfaces: config.dhcp6.interfaces,
      addresses: config.dhcp6['listen-addresses'],
      port: config.dhcp6.port,
      receiveBuffer: config.dhcp6['receive-buffer'],
      io: config.dhcp6['udp-io'],
      onPacket: (d) => {
        if (!queue.push(d)) srv.stats.add('pkt6-drop-queue-full');
      },
      onDrop: (reason) => {
        srv.stats.add('pkt6-receive-drop');
        srv.stats.add(`pkt6-drop-${reason}`);
        if (log.isLevelEnabled('debug')) log.debug({ msgId: 'FULMAR_PKT6_DROPPED', drop: reason }, `datagram dropped: ${reason}`);
      },
      onError: (e, where) => log.warn({ msgId: 'FULMAR_SOCKET_ERROR', where, err: e.message }, 'socket error'),
    });
  } catch (e) {
    await observers.close();
    reconfigure.close();
    await keys.close?.();
    await store.close();
    throw e;
  }

  const reclaim = (): Promise<number> =>
    reclaimExpired(store, srv.model, srv.stats, Math.floor(Date.now() / 1000), undefined, (l) => onLease({ kind: 'expired', lease: l }));

  /** Swap in a checked config: in-flight transactions finish on the old model; leases and statistics stay. */
  const apply = async (raw: unknown, source: string): Promise<ConfigIssue[]> => {
    const next = await prepareConfig(raw, baseDir, { log, count, previous: current.provisioning });
    if (!next.ok) {
      log.error({ msgId: 'FULMAR_CONFIG_REJECTED', source, issues: next.issues }, 'new configuration rejected; the running one keeps serving');
      return next.issues;
    }
    await markLiveLeases(store, next.value.model, srv.stats);
    const needRestart = restartOnly(current.config, next.value.config);
    if (needRestart.length) log.warn({ msgId: 'FULMAR_CONFIG_NEEDS_RESTART', keys: needRestart }, 'these settings changed but take effect only at the next start');
    const old = current;
    current = next.value;
    config = current.config;
    srv.setModel(current.model);
    log.level = config.logging.level;
    await observers.configure(config.events, file);
    await startPlugins(current);
    setTimeout(() => void retireProvisioning(old.provisioning, current.provisioning), RETIRE_AFTER_MS).unref();
    log.info({ msgId: 'FULMAR_CONFIG_RELOADED', source }, 'configuration reloaded');
    return [];
  };
  const reloadFile = async (): Promise<ConfigIssue[]> => {
    const p = parseConfigFile(file);
    if (!p.ok) {
      log.error({ msgId: 'FULMAR_CONFIG_REJECTED', source: file, issues: p.issues }, 'new configuration rejected; the running one keeps serving');
      return p.issues;
    }
    return apply(p.raw, file);
  };

  let control: Control | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      clearInterval(sweep);
      clearTimeout(enableTimer);
      transport?.close();
      transport = undefined;
      await queue.drained();
      await control?.close();
      await observers.close();
      await retireProvisioning(current.provisioning, undefined);
      reconfigure.close();
      await keys.close?.();
      await store.close();
      log.info({ msgId: 'FULMAR_STOPPED' }, 'stopped');
    })());

  const kernelAtStart = readKernelUdpDrops();
  const sweep = setInterval(() => {
    reclaim().catch((e) => log.warn({ msgId: 'FULMAR_RECLAIM_FAILED', err: String(e) }, 'reclaim failed'));
    const k = readKernelUdpDrops();
    srv.stats.set('pkt6-kernel-rcvbuf-drops', k.udp6RcvbufErrors - kernelAtStart.udp6RcvbufErrors);
    srv.stats.set('pkt6-queue-shed', queue.shed);
    observers.exportStats();
  }, config.dhcp6['reclaim-interval'] * 1000);
  sweep.unref();

  if (config.control) {
    try {
      control = await startControl({
        config: config.control,
        baseDir,
        file,
        log,
        server: srv,
        store,
        observers,
        current: () => current,
        apply,
        reloadFile,
        reclaim,
        reconfigure: (q) => reconfigure.reconfigure(q),
        setServing(enabled, maxPeriod) {
          clearTimeout(enableTimer);
          serving = enabled;
          if (!enabled && maxPeriod) enableTimer = setTimeout(() => (serving = true), maxPeriod * 1000).unref();
        },
        serving: () => serving,
        shutdown: () => void stop().then(() => process.emit('SIGTERM')),
      });
    } catch (e) {
      await stop();
      throw e;
    }
  }

  dropPrivileges(config.user, log);
  if (transport.ioNote) log.warn({ msgId: 'FULMAR_UDP_IO_FALLBACK', why: transport.ioNote }, "batched socket I/O is not available; serving with Node's dgram");
  log.info({ msgId: 'FULMAR_STARTED', interfaces: config.dhcp6.interfaces, addresses: config.dhcp6['listen-addresses'], port: config.dhcp6.port, serverDuid: serverDuid.hex, receiveBuffer: transport.receiveBufferSizes(), udpIo: transport.io, control: control?.url }, 'serving DHCPv6');

  return {
    server: srv,
    log,
    controlUrl: control?.url,
    async reload() {
      const ok = (await reloadFile()).length === 0;
      await control?.reloadAuth();
      return ok;
    },
    stop,
  };
}

/** Settings bound at start (sockets, store, API listener): a reload accepts them but they wait for a restart. */
function restartOnly(a: Config, b: Config): string[] {
  const keys: [string, (c: Config) => unknown][] = [
    ['data-directory', (c) => c['data-directory']],
    ['user', (c) => c.user],
    ['dhcp6.interfaces', (c) => c.dhcp6.interfaces],
    ['dhcp6.listen-addresses', (c) => c.dhcp6['listen-addresses']],
    ['dhcp6.port', (c) => c.dhcp6.port],
    ['dhcp6.lease-database', (c) => c.dhcp6['lease-database']],
    ['dhcp6.receive-buffer', (c) => c.dhcp6['receive-buffer']],
    ['dhcp6.receive-queue', (c) => c.dhcp6['receive-queue']],
    ['dhcp6.udp-io', (c) => c.dhcp6['udp-io']],
    ['dhcp6.reclaim-interval', (c) => c.dhcp6['reclaim-interval']],
    ['control.address', (c) => c.control?.address],
    ['control.port', (c) => c.control?.port],
    ['control.tls', (c) => c.control?.tls],
  ];
  return keys.filter(([, get]) => JSON.stringify(get(a)) !== JSON.stringify(get(b))).map(([k]) => k);
}

/** DESIGN invariant 8: sockets are bound first, then the process gives up root. */
function dropPrivileges(user: string | undefined, log: Logger): void {
  if (!user || process.getuid?.() !== 0) return;
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((l) => l.split(':'))
    .find((f) => f[0] === user);
  if (!entry) throw new Error(`user "${user}" (config key "user") does not exist`);
  const uid = Number(entry[2]);
  const gid = Number(entry[3]);
  process.setgroups?.([gid]);
  process.setgid?.(gid);
  process.setuid?.(uid);
  log.info({ msgId: 'FULMAR_PRIVILEGES_DROPPED', user, uid, gid }, 'running as unprivileged user');
}
