import { Script, createContext, runInContext } from 'node:vm';
import Fastify from 'fastify';
import { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { registerLookingGlass } from './register.js';
import { appScript } from './assets.js';
import { FORMAT_JS } from './client/format.js';

const apps: ReturnType<typeof Fastify>[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

function app(opts: { routerOptions?: { ignoreTrailingSlash: boolean } } = {}) {
  const a = Fastify(opts);
  apps.push(a);
  registerLookingGlass(a);
  return a;
}

describe('registerLookingGlass', () => {
  it('serves the page publicly with a strict content security policy', async () => {
    const res = await app().inject({ url: '/looking-glass/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.body).toContain('<form id="login-form"');
    expect(res.body).toContain('src="app.js"');
  });

  it('serves script, style and icon, and 404 for anything else', async () => {
    const a = app();
    expect((await a.inject({ url: '/looking-glass/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await a.inject({ url: '/looking-glass/app.css' })).body).toContain('.card');
    expect((await a.inject({ url: '/looking-glass/icon.svg' })).statusCode).toBe(200);
    expect((await a.inject({ url: '/looking-glass/secret.json' })).statusCode).toBe(404);
    expect((await a.inject({ url: '/looking-glass/..%2f..%2fpackage.json' })).statusCode).toBe(404);
  });

  it('answers a repeat with 304', async () => {
    const a = app();
    const first = await a.inject({ url: '/looking-glass/app.js' });
    const again = await a.inject({ url: '/looking-glass/app.js', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it.each([{}, { routerOptions: { ignoreTrailingSlash: true } }])('redirects the bare path to the page (%j)', async (opts) => {
    const res = await app(opts).inject({ url: '/looking-glass' });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/looking-glass/');
  });
});

describe('the page script', () => {
  it('parses, and never hands data to innerHTML', () => {
    const js = appScript();
    expect(() => new Script(js, { filename: 'app.js' })).not.toThrow();
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    expect(js).toContain('"25":"ia-pd"');
  });

  it('uses no undefined names and leaves nothing unused (the build cannot lint a string)', () => {
    const browser = ['document', 'location', 'history', 'sessionStorage', 'fetch', 'TextEncoder', 'btoa', 'performance', 'URL'];
    const messages = new Linter().verify(appScript(), [
      {
        languageOptions: { ecmaVersion: 2022, sourceType: 'script', globals: Object.fromEntries(browser.map((g) => [g, 'readonly'])) },
        rules: { 'no-undef': 'error', 'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }], 'no-redeclare': 'error', 'no-dupe-keys': 'error', 'no-unreachable': 'error' },
      },
    ]);
    expect(messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
  });

  it('formats identifiers, sizes and times', () => {
    const ctx = createContext({});
    runInContext(FORMAT_JS + '; this.f = { colonHex, asciiOf, count, percentText, percent, relative, duration, micros };', ctx);
    const f = (ctx as { f: Record<string, (...a: unknown[]) => unknown> }).f;
    expect(f.colonHex!('000C29-123456')).toBe('00:0c:29:12:34:56');
    expect(f.asciiOf!('657468302f31')).toBe('eth0/1');
    expect(f.asciiOf!('00ff')).toBe('');
    expect(f.count!(65536)).toBe('65,536');
    expect(f.count!(18446744073709552000)).toBe('1.84e19');
    expect(f.percentText!(f.percent!(3, 18446744073709552000))).toBe('<0.01%');
    expect(f.percentText!(f.percent!(1, 0))).toBe('\u2013');
    expect(f.relative!(10_800_000, 0)).toBe('in 3 h');
    expect(f.relative!(0, 300_000)).toBe('5 min ago');
    expect(f.duration!(3600)).toBe('3600 s (60 min)');
    expect(f.duration!(4294967295)).toBe('infinite');
    expect(f.micros!(84)).toBe('84 \u00b5s');
    expect(f.micros!(2345)).toBe('2.35 ms');
  });
});
