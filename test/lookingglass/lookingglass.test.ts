import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  leaseRows,
  login,
  loginError,
  loginWithPassword,
  logout,
  newPage,
  openLookingGlass,
  openTransaction,
  screenshot,
  search,
  showSubnets,
  transactionSummaries,
} from './drive.js';
import { ADDRESS, CLIENT_DUID_COLON, PREFIX, REMOTE_ID } from './fixtures.js';
import { NO_ROLE_TOKEN, READ_TOKEN, startStubApi, type StubApi } from './stub-api.js';

/**
 * The looking glass in headless Chromium against a stub of the management
 * API. Fails (never skips) without /usr/bin/chromium: CI installs it.
 * Screenshots go to test-artifacts/lookingglass/.
 */
describe('looking glass in Chromium', () => {
  let api: StubApi;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    api = await startStubApi();
    browser = await launchChromium();
    page = await newPage(browser, errors);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows the sign-in form and refuses a wrong token', async () => {
    await openLookingGlass(page, api.url);
    expect(await page.locator('#login-form').isVisible()).toBe(true);
    expect(await page.locator('#app').isVisible()).toBe(false);
    await screenshot(page, '01-sign-in');
    await login(page, 'not-the-token');
    expect(await loginError(page)).toMatch(/refused these credentials \(HTTP 401\)/);
    await screenshot(page, '02-wrong-token');
  });

  it('says so when the account lacks the read role', async () => {
    await login(page, NO_ROLE_TOKEN);
    expect(await loginError(page)).toMatch(/HTTP 403.*read role/);
  });

  it('refuses a wrong user and password', async () => {
    await loginWithPassword(page, 'support', 'wrong');
    expect(await loginError(page)).toMatch(/HTTP 401/);
  });

  it('signs in with the token and finds a client by DUID', async () => {
    await login(page, READ_TOKEN);
    expect(await loginError(page)).toBe('');
    api.calls.length = 0;
    const status = await search(page, 'duid', CLIENT_DUID_COLON);
    expect(status).toContain('2 leases, 4 transactions');
    expect([...api.calls].sort()).toEqual(['lease6-get-by-duid', 'reservation-get', 'transactions-get']);
    const leases = await leaseRows(page);
    expect(leases.map((r) => r.slice(0, 3))).toEqual([
      [ADDRESS, 'IA_NA', 'assigned'],
      [PREFIX, 'IA_PD', 'assigned'],
    ]);
    expect(leases[0]!.join(' ')).toMatch(/in 8\d min/);
    const txs = await transactionSummaries(page);
    expect(txs).toHaveLength(4);
    expect(txs[0]).toMatch(/renew → reply/);
    expect(txs[3]).toMatch(/solicit → dropped: stale/);
    expect(await page.locator('.card', { hasText: 'Reservations' }).textContent()).toContain('cpe-4711.example.com');
    await screenshot(page, '03-duid-search');
  });

  it('decodes a relayed request and its reply option by option', async () => {
    const text = await openTransaction(page, 1);
    for (const s of ['relay 1', 'relay-forw', 'interface-id', 'eth0/1', 'remote-id', 'request', 'clientid', 'ia-na', 'iaaddr', 'ia-pd', 'iaprefix', PREFIX, ADDRESS, 'dns-servers', 'status-code', 'Success', 'Assigned 1 address and 1 prefix']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('{"');
    await page.locator('details.tx').nth(1).scrollIntoViewIfNeeded();
    await screenshot(page, '04-transaction');
  });

  it('shows the relay chain hop by hop', async () => {
    const text = await openTransaction(page, 0);
    expect(text).toContain('relay 1 · nearest server');
    expect(text).toContain('relay 2 · nearest client');
    expect(text).toContain('2001:db8:ffff::2');
    await screenshot(page, '05-two-relays');
  });

  it('finds the leases behind a remote-id through the DUIDs of its transactions', async () => {
    const status = await search(page, 'remote-id', REMOTE_ID);
    expect(status).toContain('2 leases, 4 transactions');
    expect((await leaseRows(page)).map((r) => r[0])).toEqual([ADDRESS, PREFIX]);
  });

  it('finds a client by address and by prefix', async () => {
    expect(await search(page, 'address', ADDRESS)).toContain('1 lease, 3 transactions');
    expect(await search(page, 'prefix', PREFIX)).toContain('1 lease, 3 transactions');
    expect((await leaseRows(page))[0]![0]).toBe(PREFIX);
    expect(await search(page, 'duid', 'zz')).toMatch(/hex bytes/);
  });

  it('shows per-subnet utilisation', async () => {
    const rows = await showSubnets(page);
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3', '4']);
    expect(rows[0]![1]).toContain('420 / 65,536');
    expect(rows[0]![2]).toContain('78.1%');
    expect(rows[1]![1]).toContain('<0.01%');
    expect(await page.locator('.fill.bad').count()).toBe(1);
    await screenshot(page, '06-subnets');
  });

  it('keeps the session on reload and forgets it on sign-out', async () => {
    await page.reload();
    await page.locator('#app:not([hidden])').waitFor();
    await logout(page);
    await page.reload();
    await page.locator('#login:not([hidden])').waitFor();
  });

  it('ran without script errors or CSP violations', () => {
    expect(errors).toEqual([]);
  });
});
