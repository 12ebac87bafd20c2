// The site energy view shows what is drawn, not only what is allocated (ADR 083): in Chromium against
// a real ChargeOps, a simulated 1.6 station whose two EVSEs are wired RST and STR charges two
// single-phase EVs and reports Current.Import per phase every second (MeterValues). Each EV's
// current appears on its own site phase (EVSE 1 on L1; EVSE 2's L1 is the site's L2), beside the
// grid connection's cap and the allocated load, with the figures the station's meter values carry.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { EvProfile } from '../../../src/simulator/charging-model.js';
import { SimulatedStation } from '../../../src/simulator/simulated-station.js';
import { startTestServer, waitUntil } from '../../../src/testing/test-server.js';
import { launchBrowser, openPage, screenshot, signInWithApiKey } from './browser.js';

const ONE_PHASE_EV: EvProfile = { batteryKwh: 60, socPercent: 20, targetSocPercent: 100, acPhases: 1, acMaxAmps: 16, dcMaxKw: 50, taperStartPercent: 90, batteryVolts: 400 };
const CAP_A = 40;
type Measured = { circuits: Array<{ circuitId: string; currentA: number[]; charging: number; measured: number }>; evses: Array<{ evseId: string; sessionId: string; currentA: number[] }> };
type Series = Array<{ measurand: string; phase: string | null; points: Array<{ at: string; value: string }> }>;

describe('dashboard: measured per-phase current on the site energy view (issue 7) in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let siteId = '';
  let station: SimulatedStation;
  const measured = async () => (await server.api.request('GET', `/api/v1/sites/${siteId}/energy/allocation`)).body.measured as Measured;
  const cell = (phase: string, column: number) => page.getByTestId('measured-grid').locator(`tr[data-phase="${phase}"] td`).nth(column);

  before(async () => {
    assert.ok(existsSync('web/dist/index.html'), 'web/dist is missing: run npx vite build web (or npm run build) first');
    server = await startTestServer({ ocpp: { callTimeoutSeconds: 5 } });
    for (const idToken of ['MS-A', 'MS-B']) assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken, type: 'ISO14443' })).status, 201);
    siteId = (await server.api.request('POST', '/api/v1/sites', { name: 'Measured depot', country: 'NL', timeZone: 'Europe/Amsterdam' })).body.id;
    station = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: 'MS-16', version: 'ocpp1.6', connectors: 2, seed: 5, meterIntervalSeconds: 1 });
    assert.equal((await station.start()).status, 'Accepted');
    assert.equal((await server.api.request('PUT', '/api/v1/stations/MS-16/site', { siteId })).status, 200);
    const put = await server.api.request('PUT', `/api/v1/sites/${siteId}/energy`, {
      strategy: 'equal-share', circuits: [{ id: 'grid', parentId: null, maxCurrentA: CAP_A }],
      evses: [{ stationId: 'MS-16', evseId: 1, circuitId: 'grid', phases: 3, phaseRotation: 'RST', maxCurrentA: 32 }, { stationId: 'MS-16', evseId: 2, circuitId: 'grid', phases: 3, phaseRotation: 'STR', maxCurrentA: 32 }],
      options: { debounceMs: 50, tickSeconds: 1 },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    browser = await launchBrowser();
    ({ page, errors: pageErrors } = await openPage(browser, { viewport: { width: 1100, height: 1400 } }));
    await signInWithApiKey(page, server.baseUrl, server.api.apiKey);
  });

  after(async () => {
    await station?.stop().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('OCPP 1.6 MeterValues Current.Import per phase: each single-phase EV shows on its site phase (rotation), beside the cap and the allocation', async () => {
    for (const [connector, token] of [[1, 'MS-A'], [2, 'MS-B']] as const) {
      await station.sessions.plugIn(connector, ONE_PHASE_EV);
      assert.equal(await station.sessions.swipe(connector, token), 'started');
    }
    // The API: both EVs measured, EVSE 1's current on L1, EVSE 2's (its own L1, wired STR) on L2, nothing on L3.
    let m: Measured | undefined;
    await waitUntil(async () => {
      m = await measured();
      const grid = m.circuits.find((c) => c.circuitId === 'grid');
      return grid !== undefined && grid.measured === 2 && grid.currentA[0]! > 5 && grid.currentA[1]! > 5;
    }, 30_000).catch(() => { throw new Error(`not measured on L1 and L2: ${JSON.stringify(m)}`); });
    const grid = m!.circuits.find((c) => c.circuitId === 'grid')!;
    assert.equal(grid.currentA[2], 0);
    const byEvse = new Map(m!.evses.map((e) => [e.evseId, e]));
    assert.deepEqual(byEvse.get('MS-16/1')!.currentA.map((a) => a > 0), [true, false, false]);
    assert.deepEqual(byEvse.get('MS-16/2')!.currentA.map((a) => a > 0), [false, true, false]);

    // The figures are the station's own: the latest Current.Import L1 of each session's meter values.
    for (const [evse, sitePhase] of [['MS-16/1', 0], ['MS-16/2', 1]] as const) {
      const e = byEvse.get(evse)!;
      const series = (await server.api.request('GET', `/api/v1/sessions/${e.sessionId}`)).body.meterSeries as Series;
      const l1 = series.find((s) => s.measurand === 'Current.Import' && s.phase === 'L1')!;
      const values = l1.points.map((p) => Math.round(Number(p.value) * 10) / 10);
      assert.ok(values.includes(e.currentA[sitePhase]!), `${evse}: ${e.currentA[sitePhase]} A not among its meter values ${JSON.stringify(values.slice(-5))}`);
    }

    // The page: per phase cap, allocated and measured, as the API says; each EVSE's draw on its row.
    await page.goto(`${server.baseUrl}/sites/${encodeURIComponent(siteId)}/energy`);
    await page.getByTestId('measured-grid').waitFor();
    await waitUntil(async () => {
      const now = (await measured()).circuits.find((c) => c.circuitId === 'grid')!.currentA;
      const shown = await Promise.all(['L1', 'L2', 'L3'].map((p) => cell(p, 2).innerText()));
      return shown.every((text, i) => text.startsWith(`${now[i]} A`));
    }, 20_000).catch(async () => { throw new Error(`page shows ${await page.getByTestId('measured-grid').innerText()}; API ${JSON.stringify(await measured())}`); });
    assert.equal(await cell('L1', 0).innerText(), `${CAP_A} A`);
    assert.match(await cell('L1', 1).innerText(), /^\d+(\.\d)? A$/);
    assert.equal(await cell('L3', 2).innerText(), '0 A');
    assert.match(await page.getByTestId('measured-grid').locator('caption').innerText(), /2 of 2 charging EVSEs measured/);
    const row = (evse: string) => page.getByTestId('evse-limits').locator(`tr[data-evse="${evse}"]`).getByTestId('evse-measured');
    assert.match(await row('MS-16/1').innerText(), /^L1 \d+(\.\d)? A$/);
    assert.match(await row('MS-16/2').innerText(), /^L2 \d+(\.\d)? A$/);
    await screenshot(page, 'site-energy-measured');
    assert.deepEqual(pageErrors, []);
  });
});
