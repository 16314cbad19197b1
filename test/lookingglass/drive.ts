import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Page-driving steps for the looking glass, shared by the stub-backed test
 * here and an end-to-end run against a real server. Each step waits for the
 * page to settle, so callers read the page straight after.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = 'test-artifacts/lookingglass';

export type SearchKind = 'duid' | 'hw-address' | 'remote-id' | 'subscriber-id' | 'interface-id' | 'address' | 'prefix';

export async function launchChromium(executablePath = CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is not installed at ${executablePath}: install Debian's chromium package (apt-get install chromium) to run the looking glass tests`);
  }
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page of the size support staff use, collecting script errors and CSP violations into `errors`. */
export async function newPage(browser: Browser, errors: string[] = []): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light' });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40[13]/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return page;
}

/** Open the page; `apiUrl` is the management API's base URL, e.g. http://127.0.0.1:8000. */
export async function openLookingGlass(page: Page, apiUrl: string): Promise<void> {
  await page.goto(new URL('/looking-glass/', apiUrl).href);
  await page.locator('#login:not([hidden]), #app:not([hidden])').first().waitFor();
}

/** Submit the sign-in form and wait for the page to have the API's answer (an earlier error may still be showing until then). */
async function submitLogin(page: Page): Promise<void> {
  const answered = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.locator('#login-submit').click();
  await answered;
  await page.locator('#app:not([hidden]), #login-error:not([hidden])').first().waitFor();
  // The page renders the answer in the same task that handles it; let that task finish.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
}

export async function login(page: Page, token: string): Promise<void> {
  await page.locator('#login .tabs button[data-mode="token"]').click();
  await page.locator('#token').fill(token);
  await submitLogin(page);
}

export async function loginWithPassword(page: Page, user: string, password: string): Promise<void> {
  await page.locator('#login .tabs button[data-mode="basic"]').click();
  await page.locator('#user').fill(user);
  await page.locator('#password').fill(password);
  await submitLogin(page);
}

export async function isSignedIn(page: Page): Promise<boolean> {
  return page.locator('#app').isVisible();
}

/** The sign-in error shown, or '' when none. */
export async function loginError(page: Page): Promise<string> {
  const el = page.locator('#login-error');
  return (await el.isVisible()) ? ((await el.textContent()) ?? '') : '';
}

export async function logout(page: Page): Promise<void> {
  await page.locator('#logout').click();
  await page.locator('#login:not([hidden])').waitFor();
}

/** Search and wait for the results (or the error) to show; resolves to the status line. */
export async function search(page: Page, kind: SearchKind, value: string): Promise<string> {
  await page.locator('#tabs button[data-tab="client"]').click();
  await page.locator('#kind').selectOption(kind);
  await page.locator('#q').fill(value);
  await page.locator('#search-submit').click();
  await page.locator('#status.done, #status.error, #login:not([hidden])').first().waitFor();
  return (await page.locator('#status').textContent()) ?? '';
}

/** The lease cells, one array per row: [lease, type, state, ...]. */
export async function leaseRows(page: Page): Promise<string[][]> {
  return page.locator('tr.lease-row').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
}

/** The transactions' summary lines, newest first. */
export async function transactionSummaries(page: Page): Promise<string[]> {
  return page.locator('details.tx > summary').evaluateAll((els) => els.map((e) => (e as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()));
}

/** Open the i-th transaction (0 = newest) and resolve to its decoded text. */
export async function openTransaction(page: Page, index: number): Promise<string> {
  const tx = page.locator('details.tx').nth(index);
  if ((await tx.getAttribute('open')) === null) await tx.locator('summary').click();
  await tx.locator('.tx-body .pair').waitFor();
  return (await tx.locator('.tx-body').textContent()) ?? '';
}

export async function showSubnets(page: Page): Promise<string[][]> {
  await page.locator('#tabs button[data-tab="subnets"]').click();
  await page.locator('#tab-subnets:not([hidden])').waitFor();
  return page.locator('tr.subnet-row').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
}

/** Save a full-page PNG under test-artifacts/lookingglass/; resolves to its path. */
export async function screenshot(page: Page, name: string, dir = ARTIFACTS): Promise<string> {
  mkdirSync(dir, { recursive: true });
  // A full-page shot taken while scrolled paints the sticky header mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
