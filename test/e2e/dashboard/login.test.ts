import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestServer } from '../../../src/testing/test-server.js';
import { launchBrowser, openPage, screenshot } from './browser.js';

/**
 * Sign-in with email and password as the identity contract (issue 4) defines it: session cookie,
 * problem messages for wrong credentials, reload keeps the session, sign-out ends it, and the
 * password-reset pages. Needs the identity API (adminEmail / adminPassword config keys).
 */
describe('dashboard: sign-in in Chromium', () => {
  const EMAIL = 'admin@e2e.test';
  const PASSWORD = 'e2e-correct-horse-battery-staple';
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  before(async () => {
    assert.ok(existsSync('web/dist/index.html'), 'web/dist is missing: run npm run build first');
    server = await startTestServer({ adminEmail: EMAIL, adminPassword: PASSWORD });
    browser = await launchBrowser();
    ({ page } = await openPage(browser, { viewport: { width: 820, height: 1180 }, colorScheme: 'dark' }));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a signed-out visitor to the login page, keeping where they wanted to go', async () => {
    await page.goto(`${server.baseUrl}/stations`);
    await page.getByRole('heading', { name: 'Sign in to ChargeOps' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
  });

  it('shows the problem title for a wrong password and changes nothing', async () => {
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    // The problem title of invalid-credentials, once (its detail repeats it).
    assert.equal((await alert.textContent())?.trim(), 'Email or password is wrong');
    assert.equal(new URL(page.url()).pathname, '/login');
    await screenshot(page, 'login-error-tablet-dark');
  });

  it('signs in with email and password, survives a reload (session cookie) and signs out', async () => {
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Stations' }).waitFor();
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'chargeops_session');
    assert.ok(session?.httpOnly, 'HttpOnly session cookie');
    await page.reload();
    await page.getByRole('heading', { name: 'Stations' }).waitFor();
    assert.match(await page.locator('.who').textContent() ?? '', new RegExp(EMAIL));
    // A write with the cookie session after the reload: the CSRF token comes from /auth/me.
    await page.getByRole('link', { name: 'Tokens' }).click();
    await page.getByLabel('New token').fill('TAG-COOKIE');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('cell', { name: 'TAG-COOKIE', exact: true }).waitFor();
    const stored = await server.api.request('GET', '/api/v1/tokens?search=TAG-COOKIE');
    assert.equal(stored.body.items.length, 1, 'the token was created through the cookie session');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to ChargeOps' }).waitFor();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: 'Sign in to ChargeOps' }).waitFor();
  });

  it('asks for a password reset without telling whether the account exists, and rejects a bad token', async () => {
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // The router renders the new page in a transition: until it shows, "Email" is still the sign-in
    // form's field (filling that one left the reset form empty and unsendable on a loaded machine).
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    const email = page.getByRole('form', { name: 'Reset your password' }).getByLabel('Email');
    await email.fill('nobody@e2e.test');
    assert.equal(await email.inputValue(), 'nobody@e2e.test');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('If an account exists for nobody@e2e.test').waitFor().catch(async (error: unknown) => {
      // Say what the page shows instead (a refusal, an empty field, another page), not only "timeout".
      const shown = await page.locator('main').innerText().catch(() => '(nothing)');
      throw new Error(`No confirmation at ${page.url()}; the page shows: ${shown}`, { cause: error });
    });
    await page.goto(`${server.baseUrl}/reset-password?token=not-a-real-token`);
    await page.getByLabel('New password', { exact: true }).fill('a-brand-new-password-1');
    await page.getByLabel('Repeat it').fill('a-brand-new-password-1');
    await page.getByRole('button', { name: 'Set password' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent() ?? '', /reset|token|link/i, 'the reset-token-invalid problem is shown');
    await screenshot(page, 'reset-token-invalid');
  });
});

/** A refused reset request (429 from the per-IP limit of ADR 037) is said on the page, not waited on. */
describe('dashboard: password reset refused by the rate limit, in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  before(async () => {
    // One call per day from an address without credentials: the page's /auth/me is that call.
    server = await startTestServer({ rateLimits: { perIp: 1, windowSeconds: 86_400 } });
    browser = await launchBrowser();
    ({ page } = await openPage(browser));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows "Too many requests" with when to retry, and keeps the form', async () => {
    await page.goto(`${server.baseUrl}/forgot-password`);
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email').fill('someone@e2e.test');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent() ?? '', /Too many requests.*retry after \d+ s/);
    assert.equal(await page.getByText('If an account exists').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Send reset link' }).isEnabled(), true, 'the form stays usable');
  });
});
