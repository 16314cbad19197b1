import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSWORD, sampleLease, startTestApi, type TestApi } from '../../control/api/testing.js';
import { runFulmar } from '../testing.js';

const fulmar = (args: string[]) => runFulmar(args);

let t: TestApi | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('fulmar ctl against a listening API', () => {
  it('prints the answer as JSON and exits 0 on result 0', async () => {
    t = await startTestApi();
    await t.target.leases.commit([{ op: 'insert', lease: sampleLease() }]);
    const r = await fulmar(['ctl', 'lease6-get', '{"ip-address": "2001:db8:1::10"}', '--url', t.api.url, '--token', t.tokens.ro]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ result: 0, text: 'IPv6 lease found.', arguments: { 'ip-address': '2001:db8:1::10' } });
  });

  it('exits 3 on result 3 and 1 on an error, printing the answer either way', async () => {
    t = await startTestApi();
    const empty = await fulmar(['ctl', 'lease6-get', '{"ip-address": "2001:db8:1::99"}', '--url', t.api.url, '--user', 'ops', '--password', PASSWORD]);
    expect(empty.code).toBe(3);
    expect(JSON.parse(empty.stdout)).toEqual({ result: 3, text: 'Lease not found.' });
    const bad = await fulmar(['ctl', 'lease6-get', '{"ip-address": "x"}', '--url', t.api.url, '--token', t.tokens.rw]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).text).toBe('arguments.ip-address: not an IPv6 address');
  });

  it('takes the token from FULMAR_TOKEN, and shows a 401 and a 403 as result 1', async () => {
    t = await startTestApi();
    process.env.FULMAR_TOKEN = t.tokens.ro;
    try {
      expect((await fulmar(['ctl', 'version-get', '--url', t.api.url])).code).toBe(0);
      const forbidden = await fulmar(['ctl', 'shutdown', '--url', t.api.url]);
      expect(forbidden.code).toBe(1);
      expect(JSON.parse(forbidden.stdout).text).toMatch(/^forbidden: /);
    } finally {
      delete process.env.FULMAR_TOKEN;
    }
    const anonymous = await fulmar(['ctl', 'version-get', '--url', t.api.url]);
    expect(anonymous.code).toBe(1);
    expect(JSON.parse(anonymous.stdout).text).toMatch(/^unauthorized: /);
    expect(t.target.stopped).toBe(false);
  });

  it('talks HTTPS, with --insecure for a self-signed certificate', async () => {
    const probe = await startTestApi();
    const dir = probe.target.dir;
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')], { stdio: 'ignore' });
    t = await startTestApi({ tls: { cert: join(dir, 'c.pem'), key: join(dir, 'k.pem') } });
    const strict = await fulmar(['ctl', 'version-get', '--url', t.api.url, '--token', t.tokens.rw]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^fulmar: cannot reach https:/);
    expect((await fulmar(['ctl', 'version-get', '--url', t.api.url, '--token', t.tokens.rw, '--insecure'])).code).toBe(0);
    await probe.close();
  });

  it('refuses bad JSON arguments and an unreachable URL with a one-line message', async () => {
    expect((await fulmar(['ctl', 'lease6-get', '{ip'])).stderr).toMatch(/^fulmar: arguments: not valid JSON: /);
    expect((await fulmar(['ctl', 'lease6-get', '[]'])).stderr).toBe('fulmar: arguments: must be a JSON object\n');
    const r = await fulmar(['ctl', 'version-get', '--url', 'http://127.0.0.1:1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^fulmar: cannot reach http:\/\/127\.0\.0\.1:1: /);
  });
});
