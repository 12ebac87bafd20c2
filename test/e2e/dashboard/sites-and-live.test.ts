import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { RawStation, startTestServer } from '../../../src/testing/test-server.js';
import { launchBrowser, openPage, screenshot, signInWithApiKey } from './browser.js';
import { call } from './ocpp-peer.js';

const status16 = (connectorId: number, status: string) => ({ connectorId, errorCode: 'NoError', status, timestamp: new Date().toISOString() });

/**
 * The overview from the network summary kept live, the sites pages, new sessions appearing in the
 * list, and TOTP enrolment, in Chromium against a real ChargeOps with a raw OCPP 1.6 station.
 */
describe('dashboard: sites, live overview counts, live sessions, TOTP in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let station: RawStation;
  let siteId = '';
  const stationId = 'E2E-SITE-1';

  before(async () => {
    assert.ok(existsSync('web/dist/index.html'), 'web/dist is missing: run npx vite build web (or npm run build) first');
    server = await startTestServer();
    browser = await launchBrowser();
    ({ page, errors: pageErrors } = await openPage(browser));
    const site = await server.api.request('POST', '/api/v1/sites', { name: 'Harbour depot', country: 'NL', city: 'Rotterdam', latitude: 51.9, longitude: 4.48, timeZone: 'Europe/Amsterdam' });
    assert.equal(site.status, 201, JSON.stringify(site.body));
    siteId = site.body.id;
    assert.equal((await server.api.request('POST', '/api/v1/stations', { id: stationId, displayName: 'Quay charger' })).status, 201);
    assert.equal((await server.api.request('PUT', `/api/v1/stations/${stationId}/site`, { siteId })).status, 200);
    station = await RawStation.connect(server.baseUrl, stationId, ['ocpp1.6']);
    await call(station, 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'E2E' });
    await call(station, 'StatusNotification', status16(1, 'Available'));
    await call(station, 'StatusNotification', status16(2, 'Available'));
  });

  after(async () => {
    await station?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const count = (label: string, value: number) => page.getByTestId(`count-${label}`).filter({ hasText: new RegExp(`^${value}$`) }).waitFor();

  it('overview counts come from the summary and change live when the station goes Charging and back', async () => {
    await signInWithApiKey(page, server.baseUrl, server.api.apiKey);
    await page.getByTestId('stream-state').filter({ hasText: 'Live' }).waitFor();
    await count('Online', 1);
    await count('Available', 2);
    await count('Charging', 0);
    await call(station, 'StatusNotification', status16(1, 'Charging'));
    await count('Charging', 1);
    await count('Available', 1);
    await screenshot(page, 'overview-live-charging');
    await call(station, 'StatusNotification', status16(1, 'Available'));
    await count('Charging', 0);
    await count('Available', 2);
    await call(station, 'StatusNotification', status16(2, 'Faulted'));
    await count('Faulted', 1);
    await page.getByTestId('alerts').getByText('connector 2/1 faulted').waitFor();
    await call(station, 'StatusNotification', status16(2, 'Available'));
    await count('Faulted', 0);
  });

  it('the map links the site; sites list -> site page shows its station and counts; an operator edits it', async () => {
    await page.getByRole('link', { name: /^Harbour depot: 1 of 1 stations online/ }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sites' }).click();
    await page.getByRole('heading', { name: 'Sites' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Harbour depot' });
    await row.getByRole('cell', { name: 'Rotterdam, NL' }).waitFor();
    await row.getByRole('link', { name: 'Harbour depot' }).click();
    await page.getByRole('heading', { name: 'Harbour depot' }).waitFor();
    assert.equal(await page.getByTestId('site-stations').textContent(), '1');
    await page.getByTestId('site-connectors-Available').filter({ hasText: /^2$/ }).waitFor();
    await page.getByTestId('site-stations-table').getByRole('link', { name: stationId }).waitFor();
    await page.getByRole('img', { name: 'Map of 1 sites' }).waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Name').fill('Harbour depot North');
    await page.getByLabel('Latitude').fill('95');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').waitFor(); // the API's problem, shown; nothing saved
    assert.equal((await server.api.request('GET', `/api/v1/sites/${siteId}`)).body.name, 'Harbour depot');
    await page.getByLabel('Latitude').fill('51.91');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Harbour depot North' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    assert.equal((await server.api.request('GET', `/api/v1/sites/${siteId}`)).body.name, 'Harbour depot North');
    await screenshot(page, 'site-page');
  });

  it('a new session appears in the sessions list without a reload, and its end updates the row', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    await page.getByText('No sessions match.').waitFor();
    const started = await call(station, 'StartTransaction', { connectorId: 1, idTag: 'TAG-LIVE', meterStart: 1000, timestamp: new Date().toISOString() });
    const transactionId = (started[2] as { transactionId: number }).transactionId;
    const row = page.getByRole('row').filter({ hasText: 'TAG-LIVE' });
    await row.getByRole('cell', { name: 'active' }).waitFor();
    await row.getByRole('link', { name: stationId }).waitFor();
    await screenshot(page, 'sessions-live-new');
    await call(station, 'StopTransaction', { transactionId, meterStop: 4500, timestamp: new Date().toISOString(), idTag: 'TAG-LIVE' });
    await row.getByRole('cell', { name: 'completed' }).waitFor();
    await row.getByRole('cell', { name: '3.50 kWh' }).waitFor();
  });

  it('a user turns on two-factor sign-in from their profile; the next sign-in asks for a code', async () => {
    const email = 'totp-user@e2e.test';
    const password = 'e2e-totp-correct-horse-battery';
    const created = await server.api.request('POST', '/api/v1/users', { email, name: 'Totp User', role: 'operator', password });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { page: userPage, errors } = await openPage(browser, { viewport: { width: 820, height: 1180 }, colorScheme: 'dark' });
    await userPage.goto(`${server.baseUrl}/login`);
    await userPage.getByLabel('Email').fill(email);
    await userPage.getByLabel('Password').fill(password);
    await userPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await userPage.getByRole('heading', { name: 'Network overview' }).waitFor().catch(async (error: unknown) => { await screenshot(userPage, 'totp-first-sign-in-failed'); throw error; });
    await userPage.getByRole('link', { name: 'Your account' }).click();
    await userPage.getByTestId('totp-state').filter({ hasText: 'off' }).waitFor();
    await userPage.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = await userPage.getByTestId('totp-secret').getAttribute('data-secret');
    assert.ok(secret && secret.length >= 16, `secret shown: ${secret}`);
    await userPage.getByLabel('Code from your authenticator app').fill('000000' === await generate({ secret }) ? '111111' : '000000');
    await userPage.getByRole('button', { name: 'Turn on' }).click();
    await userPage.getByRole('alert').waitFor(); // a wrong code: the problem is shown, 2FA stays off
    await userPage.getByLabel('Code from your authenticator app').fill(await generate({ secret }));
    await userPage.getByRole('button', { name: 'Turn on' }).click();
    await userPage.getByTestId('totp-state').filter({ hasText: 'on' }).waitFor();
    await screenshot(userPage, 'profile-totp-on-tablet-dark');
    const me = await server.api.request('GET', '/api/v1/users');
    assert.equal(me.body.items.find((u: { email: string }) => u.email === email).totpEnabled, true);

    await userPage.getByRole('button', { name: 'Sign out' }).click();
    await userPage.getByLabel('Email').fill(email);
    await userPage.getByLabel('Password').fill(password);
    await userPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    // The code of the next step: the confirming code's step is used up (no replay).
    await userPage.getByLabel('Authenticator code').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await userPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    // Back where the user signed out from.
    await userPage.getByTestId('totp-state').filter({ hasText: 'on' }).waitFor();
    assert.deepEqual(errors, []);
  });

  it('raised no uncaught page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
