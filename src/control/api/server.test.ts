import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/hash.js';
import { controlSchema } from './config.js';
import { createApi } from './server.js';
import { FakeControlTarget, startTestApi, type TestApi } from './testing.js';

let t: TestApi | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const post = (api: TestApi, payload: string, headers: Record<string, string> = {}) =>
  api.api.app.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/json', authorization: api.auth.rw, ...headers }, payload });

describe('management API: envelope', () => {
  it('answers broken JSON and a missing command with result 1 and HTTP 400', async () => {
    t = await startTestApi();
    const bad = await post(t, '{"command": ');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().text).toMatch(/^body is not valid JSON: /);
    expect((await post(t, '{"arguments": {}}')).json()).toEqual({ result: 1, text: 'command: required' });
    expect((await post(t, '[1]')).json().text).toBe('the request body must be a JSON object {"command": ..., "arguments": {...}}');
    expect((await post(t, '{"command": "version-get", "extra": 1}')).json().text).toBe('unknown key(s): "extra"');
  });

  it('answers an unknown command with result 2 and accepts Kea\'s service array', async () => {
    t = await startTestApi();
    expect((await t.call('lease4-get', {})).body).toEqual({ result: 2, text: "'lease4-get' command not supported." });
    const r = await post(t, JSON.stringify({ command: 'version-get', service: ['dhcp6'] }));
    expect(r.json().result).toBe(0);
  });

  it('accepts Basic auth and Bearer NAME:SECRET, refuses a wrong token with 401 and a log line', async () => {
    t = await startTestApi();
    expect((await t.call('status-get', undefined, 'basic')).status).toBe(200);
    expect((await post(t, '{"command":"status-get"}', { authorization: `Bearer admin:${t.tokens.rw}` })).statusCode).toBe(200);
    const r = await post(t, '{"command":"status-get"}', { authorization: 'Bearer nope' });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toEqual({ result: 1, text: 'unauthorized: wrong or malformed credentials' });
    expect(t.logs.at(-1)?.obj).toMatchObject({ msgId: 'FULMAR_API_UNAUTHENTICATED', reason: 'wrong' });
    const wrongPw = `Basic ${Buffer.from('ops:guess').toString('base64')}`;
    expect((await post(t, '{"command":"status-get"}', { authorization: wrongPw })).statusCode).toBe(401);
  });

  it('logs every command with user and result', async () => {
    t = await startTestApi();
    await t.call('version-get', undefined, 'ro');
    expect(t.logs.at(-1)).toMatchObject({ level: 'info', obj: { msgId: 'FULMAR_API_COMMAND', user: 'viewer', command: 'version-get', result: 0 } });
  });
});

describe('management API: limits', () => {
  it('refuses a body over the limit with 413', async () => {
    t = await startTestApi({ 'body-limit': 1024 });
    const r = await post(t, JSON.stringify({ command: 'config-test', arguments: { pad: 'x'.repeat(2000) } }));
    expect(r.statusCode).toBe(413);
    expect(r.json()).toEqual({ result: 1, text: 'request body larger than 1024 bytes' });
  });

  it('rate-limits per client IP with 429 and Retry-After, logging the first refusal', async () => {
    t = await startTestApi({ 'rate-limit': { requests: 3, seconds: 60 } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await t.call('version-get')).status);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const r = await t.call('version-get');
    expect(r.body).toEqual({ result: 1, text: 'rate limit: at most 3 requests per 60 second(s)' });
    expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(t.logs.filter((l) => l.obj.msgId === 'FULMAR_API_RATE_LIMITED')).toHaveLength(1);
    // Another client has its own bucket.
    const other = await t.api.app.inject({ method: 'POST', url: '/', remoteAddress: '127.0.0.2', headers: { authorization: t.auth.rw }, payload: { command: 'version-get' } });
    expect(other.statusCode).toBe(200);
  });
});

describe('management API: users file', () => {
  it('refuses to start on a bad users file, naming the file and the entry', async () => {
    const target = new FakeControlTarget();
    const file = join(target.dir, 'users.json');
    writeFileSync(file, JSON.stringify({ users: [{ name: 'a', role: 'read-write', hash: hashToken('x') }, { name: 'b', role: 'admin', hash: hashToken('y') }] }));
    const config = controlSchema.parse({ port: 0, 'auth-file': 'users.json' });
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    await expect(createApi({ target, config, baseDir: target.dir, log })).rejects.toThrow(`auth file ${file}: users[1].role: must be one of "read-only", "read-write"`);
    target.cleanup();
  });

  it('re-reads the users file on config-reload; a broken one keeps the old users', async () => {
    t = await startTestApi();
    writeFileSync(t.authFile, JSON.stringify({ users: [{ name: 'admin', role: 'read-write', hash: hashToken(t.tokens.rw) }] }));
    expect((await t.call('config-reload')).body.result).toBe(0);
    expect((await t.call('version-get', undefined, 'ro')).status).toBe(401);
    writeFileSync(t.authFile, '{');
    const r = await t.call('config-reload');
    expect(r.body.text).toMatch(/^Configuration successful\. The API keeps its previous users: auth file .*users\.json: not valid JSON/);
    expect(t.logs.at(-2)?.obj.msgId).toBe('FULMAR_API_USERS_REJECTED');
    expect((await t.call('version-get')).status).toBe(200);
  });
});

describe('management API: extensions', () => {
  it('lets another module add routes behind the same guard', async () => {
    t = await startTestApi({}, [
      (app, guard) => {
        app.get('/metrics', { onRequest: guard('read') }, async () => 'ok');
        app.post('/danger', { preHandler: guard('write') }, async () => 'done');
      },
    ]);
    const get = (url: string, auth?: string, method: 'GET' | 'POST' = 'GET') => t!.api.app.inject({ method, url, headers: auth ? { authorization: auth } : {} });
    expect((await get('/metrics')).statusCode).toBe(401);
    expect((await get('/metrics', t.auth.ro)).body).toBe('ok');
    expect((await get('/danger', t.auth.ro, 'POST')).statusCode).toBe(403);
    expect((await get('/danger', t.auth.rw, 'POST')).body).toBe('done');
  });
});

describe('management API: TLS', () => {
  it('serves HTTPS with the configured certificate on a real socket', async () => {
    const target = new FakeControlTarget();
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(target.dir, 'key.pem'), '-out', join(target.dir, 'cert.pem')], { stdio: 'ignore' });
    t = await startTestApi({ tls: { cert: join(target.dir, 'cert.pem'), key: join(target.dir, 'key.pem') } });
    expect(t.api.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${t!.api.url}/`, { method: 'POST', rejectUnauthorized: false, headers: { authorization: t!.auth.rw, 'content-type': 'application/json' } }, (res) => {
        let s = '';
        res.on('data', (c) => (s += c));
        res.on('end', () => resolve(s));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ command: 'version-get' }));
    });
    expect(JSON.parse(body)).toMatchObject({ result: 0, text: '0.1.0-test' });
    target.cleanup();
  });

  it('names an unreadable certificate file', async () => {
    await expect(startTestApi({ tls: { cert: 'missing.pem', key: 'missing.key' } })).rejects.toThrow(/^control\.tls\.cert: cannot read .*missing\.pem/);
  });
});
