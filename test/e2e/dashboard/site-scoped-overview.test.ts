// A technician limited to one site opens the overview: the counts are those of their site's
// stations, and the live stream (filtered to those stations on the server, ADR 036) moves them and
// raises alerts for their stations only, while another site's faults stay invisible (issue 5 "Live",
// issue 4 item 2).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { RawStation, startTestServer } from '../../../src/testing/test-server.js';
import { launchBrowser, openPage, screenshot } from './browser.js';
import { call } from './ocpp-peer.js';

const PASSWORD = 'e2e-site-scoped-technician-1';
const status16 = (connectorId: number, status: string, errorCode = 'NoError') => ({ connectorId, errorCode, status, timestamp: new Date().toISOString() });

describe('dashboard: a site-scoped technician sees their site live on the overview (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const links: Record<string, RawStation> = {};

  before(async () => {
    assert.ok(existsSync('web/dist/index.html'), 'web/dist is missing: run npx vite build web (or npm run build) first');
    server = await startTestServer();
    browser = await launchBrowser();
    ({ page, errors: pageErrors } = await openPage(browser, { viewport: { width: 820, height: 1180 } }));
    const siteIds: Record<string, string> = {};
    for (const [key, name] of [['north', 'North depot'], ['south', 'South depot']] as const) {
      const site = await server.api.request('POST', '/api/v1/sites', { name, country: 'NL', latitude: 52.1, longitude: 5.1, timeZone: 'Europe/Amsterdam' });
      assert.equal(site.status, 201, JSON.stringify(site.body));
      siteIds[key] = site.body.id;
    }
    for (const [stationId, site] of [['SCOPED-N1', 'north'], ['SCOPED-S1', 'south']] as const) {
      assert.equal((await server.api.request('POST', '/api/v1/stations', { id: stationId })).status, 201);
      assert.equal((await server.api.request('PUT', `/api/v1/stations/${stationId}/site`, { siteId: siteIds[site] })).status, 200);
      const station = await RawStation.connect(server.baseUrl, stationId, ['ocpp1.6']);
      links[stationId] = station;
      await call(station, 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'E2E' });
      await call(station, 'StatusNotification', status16(1, 'Available'));
      await call(station, 'StatusNotification', status16(2, 'Available'));
    }
    const created = await server.api.request('POST', '/api/v1/users', { email: 'north-tech@e2e.test', name: 'North Tech', role: 'technician', siteIds: [siteIds['north']], password: PASSWORD });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });

  after(async () => {
    for (const link of Object.values(links)) await link.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const count = (label: string, value: number) => page.getByTestId(`count-${label}`).filter({ hasText: new RegExp(`^${value}$`) }).waitFor();

  it('counts only their site, and the stream moves them live', async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('Email').fill('north-tech@e2e.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Network overview' }).waitFor();
    await page.getByTestId('stream-state').filter({ hasText: 'Live' }).waitFor();
    await count('Online', 1);
    await count('Available', 2);
    await page.getByText('1 station in all.').waitFor();

    await call(links['SCOPED-N1']!, 'StatusNotification', status16(1, 'Charging'));
    await count('Charging', 1);
    await count('Available', 1);
  });

  it('raises alerts for their station and none for the other site\'s', async () => {
    // The other site's fault first: if it leaked, it would be in the feed before ours.
    await call(links['SCOPED-S1']!, 'StatusNotification', status16(2, 'Faulted', 'GroundFailure'));
    await call(links['SCOPED-N1']!, 'StatusNotification', status16(2, 'Faulted', 'HighTemperature'));
    const feed = page.getByTestId('alerts');
    await feed.getByText('connector 2/1 faulted: HighTemperature').waitFor();
    await count('Faulted', 1);
    assert.equal(await feed.getByText('GroundFailure').count(), 0, 'no alert from a station outside the technician\'s site');
    assert.equal(await feed.getByRole('link', { name: 'SCOPED-S1' }).count(), 0);
    await screenshot(page, 'overview-site-scoped-technician');
  });

  it('raised no uncaught page errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
