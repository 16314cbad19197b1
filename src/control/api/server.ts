import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type preHandlerAsyncHookHandler } from 'fastify';
import { Authenticator, type Principal } from '../auth/authenticator.js';
import { loadAuthFile } from '../auth/file.js';
import type { ControlTarget } from '../types.js';
import type { Access, CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { controlSchema, type ControlConfig } from './config.js';
import { dispatch } from './dispatch.js';
import { RateLimiter } from './rate-limit.js';

/**
 * The management API: Kea-style `POST /` commands, plus whatever routes
 * extensions add behind the same authentication (metrics, looking glass).
 * Order per request: rate limit (onRequest), authentication (route
 * onRequest, before the body is read), body limit, access check, command.
 */

export interface ApiLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A fastify hook that lets the request through only for an authenticated user allowed `access`. */
export type Guard = (access: Access) => preHandlerAsyncHookHandler;
export type ApiExtension = (app: FastifyInstance, guard: Guard) => void | Promise<void>;

export interface ApiOptions {
  target: ControlTarget;
  config: ControlConfig;
  /** Directory of the config file: relative paths in `config` are relative to it. */
  baseDir: string;
  log: ApiLogger;
  extensions?: readonly ApiExtension[];
}

export interface Api {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:8547 */
  url: string;
  /** Read the users file again (the config's `control.auth-file` if it changed); on a problem the old users stay and its text is returned. */
  reloadAuth(): Promise<string | undefined>;
  close(): Promise<void>;
}

const users = new WeakMap<FastifyRequest, Principal>();

/** The user a guard let through (for extensions that log or filter by user). */
export function userOf(request: FastifyRequest): Principal | undefined {
  return users.get(request);
}

const at = (baseDir: string, p: string) => (isAbsolute(p) ? p : resolve(baseDir, p));

async function readTls(baseDir: string, tls: { cert: string; key: string }): Promise<{ cert: Buffer; key: Buffer }> {
  const read = async (what: string, p: string) => {
    try {
      return await readFile(at(baseDir, p));
    } catch (e) {
      throw new Error(`control.tls.${what}: cannot read ${at(baseDir, p)}: ${(e as Error).message}`);
    }
  };
  return { cert: await read('cert', tls.cert), key: await read('key', tls.key) };
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function createApi(opts: ApiOptions): Promise<Api> {
  const { target, config, log } = opts;
  const baseDir = resolve(opts.baseDir);
  let authFile = at(baseDir, config['auth-file']);
  // Refuses to start on an unusable users file: the thrown message names the file and the entry.
  let auth = new Authenticator(await loadAuthFile(authFile));
  log.info({ msgId: 'FULMAR_API_USERS_LOADED', file: authFile, users: auth.size }, 'API users loaded');
  let reloadedAt = Date.now();

  const https = config.tls ? await readTls(baseDir, config.tls) : undefined;
  const app = Fastify({
    logger: false,
    bodyLimit: config['body-limit'],
    // Bounded: slow or idle clients cannot hold sockets for ever.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 5_000,
    ...(https ? { https } : {}),
  }) as unknown as FastifyInstance;
  app.server.maxConnections = 1024;

  const answer = (reply: FastifyReply, status: number, text: string) => reply.code(status).send({ result: 1, text });

  const limiter = new RateLimiter(config['rate-limit'].requests, config['rate-limit'].seconds);
  app.addHook('onRequest', async (request, reply) => {
    const took = limiter.take(request.ip);
    if (took === 'ok') return;
    if (took === 'refused') log.warn({ msgId: 'FULMAR_API_RATE_LIMITED', client: request.ip }, 'API client over its rate limit');
    reply.header('retry-after', String(limiter.retryAfter(request.ip)));
    return answer(reply, 429, `rate limit: at most ${config['rate-limit'].requests} requests per ${config['rate-limit'].seconds} second(s)`);
  });

  const guard: Guard = (access) =>
    async function fulmarGuard(request: FastifyRequest, reply: FastifyReply) {
      const outcome = await auth.authenticate(request.headers.authorization);
      if (!outcome.ok) {
        log.warn({ msgId: 'FULMAR_API_UNAUTHENTICATED', client: request.ip, url: request.url, reason: outcome.reason }, 'API request without valid credentials');
        reply.header('www-authenticate', 'Basic realm="fulmar", Bearer realm="fulmar"');
        return answer(reply, 401, outcome.reason === 'missing' ? 'unauthorized: credentials required (Basic or Bearer)' : 'unauthorized: wrong or malformed credentials');
      }
      if (access === 'write' && outcome.user.role !== 'read-write') {
        log.warn({ msgId: 'FULMAR_API_FORBIDDEN', client: request.ip, user: outcome.user.name, url: request.url }, 'read-only API user refused');
        return answer(reply, 403, `forbidden: user "${outcome.user.name}" is read-only`);
      }
      users.set(request, outcome.user);
    };

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, request, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 413) return answer(reply, 413, `request body larger than ${config['body-limit']} bytes`);
    if (status === 415) return answer(reply, 415, 'content-type must be application/json');
    if (status >= 400 && status < 500) return answer(reply, status, `body is not valid JSON: ${err.message}`);
    log.error({ msgId: 'FULMAR_API_INTERNAL_ERROR', client: request.ip, url: request.url, err: err.message }, 'API request failed');
    return answer(reply, 500, `internal error: ${err.message}`);
  });

  async function reloadAuth(): Promise<string | undefined> {
    const section = controlSchema.safeParse((target.currentConfig() as { control?: unknown } | undefined)?.control);
    const file = section.success ? at(baseDir, section.data['auth-file']) : authFile;
    try {
      auth = new Authenticator(await loadAuthFile(file));
      authFile = file;
      log.info({ msgId: 'FULMAR_API_USERS_LOADED', file, users: auth.size }, 'API users loaded');
      return undefined;
    } catch (e) {
      log.error({ msgId: 'FULMAR_API_USERS_REJECTED', file, err: (e as Error).message }, 'API users file rejected; the previous users stay');
      return (e as Error).message;
    }
  }

  const names = [...COMMANDS.keys()];
  app.post('/', { onRequest: guard('read') }, async (request, reply) => {
    const user = users.get(request)!;
    const after: (() => void)[] = [];
    const context: CommandContext = {
      names,
      baseDir,
      reloadedAt,
      afterReply: (fn) => after.push(fn),
      reloaded: async () => {
        reloadedAt = Date.now();
        return reloadAuth();
      },
    };
    const onError = (command: string, e: unknown) =>
      log.error({ msgId: 'FULMAR_API_COMMAND_FAILED', user: user.name, command, err: e instanceof Error ? e.message : String(e) }, 'API command failed unexpectedly');
    const d = await dispatch(request.body, user, { target, commands: COMMANDS, context, onError });
    if (d.status === 403) log.warn({ msgId: 'FULMAR_API_FORBIDDEN', client: request.ip, user: user.name, command: d.command }, 'read-only API user refused');
    else log.info({ msgId: 'FULMAR_API_COMMAND', client: request.ip, user: user.name, command: d.command, result: d.answer.result, text: d.answer.text }, 'API command');
    if (after.length) reply.raw.once('finish', () => after.forEach((fn) => fn()));
    return reply.code(d.status).send(d.answer);
  });

  for (const extend of opts.extensions ?? []) await extend(app, guard);

  await app.listen({ host: config.address, port: config.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `${https ? 'https' : 'http'}://${hostForUrl(config.address)}:${port}`;
  log.info({ msgId: 'FULMAR_API_LISTENING', url, tls: Boolean(https) }, 'management API listening');
  return { app, url, reloadAuth, close: () => app.close() };
}
