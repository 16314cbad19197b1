import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { loadConfigText, type ConfigIssue } from '../../config/validate.js';
import type { Config } from '../../config/schema.js';
import { buildModel } from '../../server/model.js';
import { Dhcp6Server } from '../../server/server.js';
import { WorkQueue } from '../../server/queue.js';
import { markLiveLeases, reclaimExpired } from '../../server/reclaim.js';
import { Udp6Transport, type Datagram6 } from '../../transport/udp6.js';
import { readKernelUdpDrops } from '../../transport/kernel-drops.js';
import type { LeaseStore6 } from '../../store/types.js';
import { MemoryLeaseStore6 } from '../../store/memory/store6.js';
import { openSqliteLeaseStore6 } from '../../store/sqlite/store6.js';
import { loadOrCreateServerDuid } from './duid-file.js';

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

export function readConfig(file: string) {
  const r = loadConfigText(readFileSync(file, 'utf8'));
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
  reload(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Start serving: config, store, server, sockets, queue, timers; then drop
 * privileges. Everything is set up before the first packet is read, and a
 * failure at any step undoes the earlier ones.
 */
export async function start(file: string, log: Logger = pino({ base: undefined })): Promise<Running> {
  let { config, codec } = readConfig(file);
  log.level = config.logging.level;
  mkdirSync(config['data-directory'], { recursive: true });
  const serverDuid = loadOrCreateServerDuid(config['data-directory'], config.dhcp6.interfaces);
  const store = openStore(config);
  const model = buildModel(config, codec);
  const server = new Dhcp6Server({ model, store, serverDuid, now: () => Math.floor(Date.now() / 1000), random: Math.random });
  await markLiveLeases(store, model, server.stats);
  server.log = log;
  server.onTransaction = (t) => {
    if (t.drop) log.debug({ msgId: 'FULMAR_PKT6_DROPPED', ...t }, `${t.type} dropped: ${t.drop}`);
    else log.info({ msgId: 'FULMAR_PKT6_TRANSACTION', ...t }, `${t.type} → ${t.reply ?? 'no reply'}`);
  };

  let transport: Udp6Transport | undefined;
  const queue = new WorkQueue<Datagram6>(config.dhcp6['receive-queue'], CONCURRENCY, async (d) => {
    // Under overload, serve what is fresh: a client has retransmitted (or given up) on what waited long.
    if (performance.now() - d.receivedAt > config.dhcp6['max-queue-wait']) {
      server.stats.add('pkt6-receive-drop');
      server.stats.add('pkt6-drop-stale');
      return;
    }
    const source = d.address.replace(/%.*$/, '');
    const out = await server.handle({ data: d.data, source, sourcePort: d.port, iface: d.iface, unicast: d.unicast });
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
      onPacket: (d) => {
        if (!queue.push(d)) server.stats.add('pkt6-drop-queue-full');
      },
      onError: (e, where) => log.warn({ msgId: 'FULMAR_SOCKET_ERROR', where, err: e.message }, 'socket error'),
    });
  } catch (e) {
    await store.close();
    throw e;
  }
  dropPrivileges(config.user, log);
  const kernelAtStart = readKernelUdpDrops();
  const sweep = setInterval(() => {
    reclaimExpired(store, server.model, server.stats, Math.floor(Date.now() / 1000)).catch((e) => log.warn({ msgId: 'FULMAR_RECLAIM_FAILED', err: String(e) }, 'reclaim failed'));
    const k = readKernelUdpDrops();
    server.stats.set('pkt6-kernel-rcvbuf-drops', k.udp6RcvbufErrors - kernelAtStart.udp6RcvbufErrors);
    server.stats.set('pkt6-queue-shed', queue.shed);
  }, config.dhcp6['reclaim-interval'] * 1000);
  sweep.unref();
  log.info({ msgId: 'FULMAR_STARTED', interfaces: config.dhcp6.interfaces, addresses: config.dhcp6['listen-addresses'], port: config.dhcp6.port, serverDuid: serverDuid.hex, receiveBuffer: transport.receiveBufferSizes() }, 'serving DHCPv6');

  return {
    server,
    log,
    async reload() {
      try {
        const next = readConfig(file);
        const nextModel = buildModel(next.config, next.codec);
        await markLiveLeases(store, nextModel, server.stats);
        server.setModel(nextModel);
        ({ config, codec } = next);
        log.level = config.logging.level;
        log.info({ msgId: 'FULMAR_CONFIG_RELOADED', file }, 'configuration reloaded');
        return true;
      } catch (e) {
        const issues = e instanceof ConfigRejected ? e.issues : [{ path: '(file)', message: (e as Error).message }];
        log.error({ msgId: 'FULMAR_CONFIG_REJECTED', file, issues }, 'new configuration rejected; the running one keeps serving');
        return false;
      }
    },
    async stop() {
      clearInterval(sweep);
      transport?.close();
      transport = undefined;
      await queue.drained();
      await store.close();
      log.info({ msgId: 'FULMAR_STOPPED' }, 'stopped');
    },
  };
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
