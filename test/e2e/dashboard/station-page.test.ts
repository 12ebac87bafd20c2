import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { RawStation, startTestServer, waitUntil } from '../../../src/testing/test-server.js';
import { launchBrowser, openPage, screenshot, signInWithApiKey } from './browser.js';
import { answerNext, call, FRAME_WAIT_MS } from './ocpp-peer.js';

/**
 * The operator's core loop in a real browser against a real ChargeOps: sign in, watch a station's
 * connector change live, start and stop a session from the UI, send any OCPP command through the
 * schema-generated form, and see a clear error for an offline station.
 */
describe('dashboard: station page in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let station: RawStation;
  const stationId = 'E2E-UI-1';

  before(async () => {
    assert.ok(existsSync('web/dist/index.html'), 'web/dist is missing: run npm run build first');
    server = await startTestServer();
    browser = await launchBrowser();
    ({ page, errors: pageErrors } = await openPage(browser));
    station = await RawStation.connect(server.baseUrl, stationId, ['ocpp1.6']);
    await call(station, 'BootNotification', { chargePointVendor: 'Acme', chargePointModel: 'E2E' });
    await call(station, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
    const token = await server.api.request('POST', '/api/v1/tokens', { idToken: 'TAG-E2E', type: 'ISO14443' });
    assert.equal(token.status, 201, JSON.stringify(token.body));
  });

  after(async () => {
    await station?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  const connectorBadge = () => page.getByTestId('connector-1-1').locator('[data-status]');

  it('signs in with an API key and shows the overview with live updates connected', async () => {
    await signInWithApiKey(page, server.baseUrl, server.api.apiKey);
    await page.getByTestId('stream-state').filter({ hasText: 'Live' }).waitFor();
    await page.getByTestId('count-Online').filter({ hasText: /^1$/ }).waitFor();
    await screenshot(page, 'overview');
  });

  it('shows Available -> Charging -> Available live while a session is started and stopped from the UI', async () => {
    await page.getByRole('link', { name: 'Stations' }).click();
    await page.getByRole('link', { name: stationId }).click();
    await page.getByRole('heading', { name: stationId }).waitFor();
    assert.equal(await connectorBadge().textContent(), 'Available');

    await page.getByLabel('Token').fill('TAG-E2E');
    await page.getByRole('button', { name: 'Start charging' }).click();
    const remoteStart = await answerNext(station, 'RemoteStartTransaction', { status: 'Accepted' });
    assert.equal(remoteStart['idTag'], 'TAG-E2E');
    await page.getByTestId('command-result').filter({ hasText: 'station answered Accepted' }).waitFor();

    const started = await call(station, 'StartTransaction', { connectorId: 1, idTag: 'TAG-E2E', meterStart: 1000, timestamp: new Date().toISOString() });
    const transactionId = (started[2] as { transactionId: number }).transactionId;
    await call(station, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
    // No reload: the badge follows the event stream.
    await connectorBadge().filter({ hasText: 'Charging' }).waitFor();
    await call(station, 'MeterValues', {
      connectorId: 1, transactionId,
      meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [
        { value: '1500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
        { value: '7200', measurand: 'Power.Active.Import', unit: 'W' },
      ] }],
    });
    await page.getByTestId('chart-latest-Power').filter({ hasText: '7200' }).waitFor();
    await screenshot(page, 'station-charging');

    await page.getByRole('button', { name: 'Stop charging' }).click();
    const remoteStop = await answerNext(station, 'RemoteStopTransaction', { status: 'Accepted' });
    assert.equal(remoteStop['transactionId'], transactionId);
    await call(station, 'StopTransaction', { transactionId, meterStop: 2500, timestamp: new Date().toISOString(), reason: 'Remote' });
    await call(station, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
    await connectorBadge().filter({ hasText: 'Available' }).waitFor();
    await page.getByTestId('no-active-session').waitFor();
    await screenshot(page, 'station-after-session');
  });

  it('sends any OCPP command through the form generated from its JSON schema', async () => {
    await page.getByLabel('Action (ocpp1.6)').selectOption('TriggerMessage');
    await page.getByLabel(/^requestedMessage/).selectOption('Heartbeat');
    await page.getByRole('button', { name: 'Send TriggerMessage' }).click();
    const trigger = await answerNext(station, 'TriggerMessage', { status: 'Accepted' });
    assert.deepEqual(trigger, { requestedMessage: 'Heartbeat' });
    await page.getByRole('form', { name: 'Send an OCPP command' }).getByTestId('command-result').filter({ hasText: 'station answered Accepted' }).waitFor();
  });

  it('shows a clear problem message when a command goes to an offline station', async () => {
    const created = await server.api.request('POST', '/api/v1/stations', { id: 'E2E-OFFLINE' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await page.goto(`${server.baseUrl}/stations/E2E-OFFLINE`);
    await page.getByText('This station is offline').waitFor();
    await page.getByRole('button', { name: 'Unlock connector' }).click();
    const alert = page.getByTestId('command-result').getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    assert.match(text ?? '', /Station is offline/);
    assert.match(text ?? '', /Station E2E-OFFLINE (is not connected|has never connected)/, 'the problem detail names the station');
    await screenshot(page, 'station-offline-error');
    assert.deepEqual(pageErrors, []);
  });

  it('shows a lost event stream and resumes it with Last-Event-ID, catching up on what it missed', async () => {
    const { page: second } = await openPage(browser);
    let streams = 0;
    let resumedFrom: string | null | undefined;
    let releaseReconnect!: () => void;
    const reconnectHeld = new Promise<void>((resolve) => { releaseReconnect = resolve; });
    // The first stream ends right after one event (as when the server restarts); the reconnect is
    // held until the test has seen the "lost" state, then goes through to the real server.
    await second.route('**/api/v1/events*', async (route) => {
      streams++;
      if (streams === 1) {
        return route.fulfill({ status: 200, contentType: 'text/event-stream', body: 'id: 1\nevent: station.heartbeat\ndata: {"type":"station.heartbeat","tenantId":"default","stationId":null,"at":"2026-01-01T00:00:00Z","data":{}}\n\n' });
      }
      resumedFrom = route.request().headers()['last-event-id'];
      await reconnectHeld;
      return route.continue();
    });
    await signInWithApiKey(second, server.baseUrl, server.api.apiKey);
    await second.getByRole('alert').filter({ hasText: 'The live connection to the server was lost' }).waitFor();
    await screenshot(second, 'stream-lost');
    // In-app navigation (a reload would start a new stream): the page loads while the stream is down.
    await second.getByRole('link', { name: 'Stations' }).click();
    await second.getByRole('link', { name: stationId }).click();
    await second.getByTestId('connector-1-1').locator('[data-status]').filter({ hasText: 'Available' }).waitFor();
    await waitUntil(() => resumedFrom !== undefined, FRAME_WAIT_MS);
    assert.equal(resumedFrom, '1', 'the reconnect sends the last id seen');
    // While the stream is down the station changes; the replay after reconnecting brings it.
    await call(station, 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Unavailable' });
    releaseReconnect();
    await second.getByTestId('stream-state').filter({ hasText: 'Live' }).waitFor();
    await second.getByTestId('connector-1-1').locator('[data-status]').filter({ hasText: 'Unavailable' }).waitFor();
    await second.context().close();
  });
});
