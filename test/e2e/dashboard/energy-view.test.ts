// The site energy view in Chromium against a real ChargeOps: the topology is described in the UI
// (grid connection 40 A -> a 32 A sub-circuit -> three EVSEs), simulated 1.6 and 2.0.1 stations
// charge and obey the profiles they are sent, and the live view shows every EVSE's limit under the
// cap with the reason, updated from the event stream; a grid signal entered in the UI throttles it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { EvProfile } from '../../../src/simulator/charging-model.js';
import { SimulatedStation } from '../../../src/simulator/simulated-station.js';
import { startTestServer, waitUntil } from '../../../src/testing/test-server.js';
import { launchBrowser, openPage, screenshot, signInWithApiKey } from './browser.js';

const EV: EvProfile = { batteryKwh: 77, socPercent: 20, targetSocPercent: 100, acPhases: 3, acMaxAmps: 32, dcMaxKw: 150, taperStartPercent: 80, batteryVolts: 400 };

describe('dashboard: site energy view (issue 7) in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let siteId = '';
  const stations: SimulatedStation[] = [];

  before(async () => {
    assert.ok(existsSync('web/dist/index.html'), 'web/dist is missing: run npx vite build web (or npm run build) first');
    server = await startTestServer({ ocpp: { callTimeoutSeconds: 5 } });
    for (const idToken of ['EN-A', 'EN-B', 'EN-C']) assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken, type: 'ISO14443' })).status, 201);
    siteId = (await server.api.request('POST', '/api/v1/sites', { name: 'Energy depot', country: 'NL', timeZone: 'Europe/Amsterdam' })).body.id;
    stations.push(
      new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: 'EN-16', version: 'ocpp1.6', connectors: 2, seed: 1, meterIntervalSeconds: 3600 }),
      new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: 'EN-201', version: 'ocpp2.0.1', connectors: 1, seed: 2, meterIntervalSeconds: 3600 }),
    );
    for (const s of stations) assert.equal((await s.start()).status, 'Accepted');
    for (const id of ['EN-16', 'EN-201']) assert.equal((await server.api.request('PUT', `/api/v1/stations/${id}/site`, { siteId })).status, 200);
    browser = await launchBrowser();
    ({ page, errors: pageErrors } = await openPage(browser, { viewport: { width: 1024, height: 1300 } }));
  });

  after(async () => {
    await Promise.all(stations.map((s) => s.stop().catch(() => undefined)));
    await browser?.close();
    await server?.stop();
  });

  const limitRow = (evse: string) => page.getByTestId('evse-limits').locator(`tr[data-evse="${evse}"]`);
  const expectLimit = async (evse: string, amps: string, reason: RegExp) => {
    await limitRow(evse).getByTestId('evse-limit').filter({ hasText: new RegExp(`^${amps.replace('.', '\\.')} A`) }).waitFor();
    assert.match(await limitRow(evse).getByTestId('evse-reason').innerText(), reason);
  };

  it('an operator describes the topology in the editor: grid connection, nested circuit, EVSEs with phases and limits', async () => {
    await signInWithApiKey(page, server.baseUrl, server.api.apiKey);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sites' }).click();
    await page.getByRole('link', { name: 'Energy depot' }).click();
    await page.getByRole('link', { name: /^Energy management/ }).click();
    await page.getByRole('heading', { name: 'Energy management: Energy depot' }).waitFor();
    await page.getByText('This site has no load management yet').waitFor();

    await page.getByLabel('Circuit 1 max A per phase').fill('40');
    await page.getByRole('button', { name: 'Add circuit' }).click();
    await page.getByLabel('Circuit 2 id').fill('row-a');
    await page.getByLabel('Circuit 2 max A per phase').fill('32');
    await page.getByLabel('Debounce ms').fill('50');
    const evses = [['EN-16', '1', 'row-a'], ['EN-16', '2', 'row-a'], ['EN-201', '1', 'grid']] as const;
    for (const [i, [station, evse, circuit]] of evses.entries()) {
      // By keyboard: focus and Enter (native buttons, reachable in tab order).
      await page.getByRole('button', { name: 'Add EVSE' }).focus();
      await page.keyboard.press('Enter');
      const n = i + 1;
      await page.getByLabel(`EVSE ${n} station`).fill(station);
      await page.getByLabel(`EVSE ${n} id (1.6: connector)`).fill(evse);
      await page.getByLabel(`EVSE ${n} circuit`).selectOption(circuit);
      await page.getByLabel(`EVSE ${n} max A`).fill('32');
    }
    await page.getByRole('button', { name: 'Save topology' }).click();
    await page.getByText(/^Topology saved at/).waitFor();
    const saved = (await server.api.request('GET', `/api/v1/sites/${siteId}/energy`)).body;
    assert.deepEqual(saved.circuits.map((c: { id: string; parentId: string | null; maxCurrentA: number }) => `${c.id}<${c.parentId ?? '-'} ${c.maxCurrentA}A`), ['grid<- 40A', 'row-a<grid 32A']);
    assert.deepEqual(saved.evses.map((e: { stationId: string; evseId: number; circuitId: string; phases: number }) => `${e.stationId}/${e.evseId}@${e.circuitId}x${e.phases}`), ['EN-16/1@row-ax3', 'EN-16/2@row-ax3', 'EN-201/1@gridx3']);
  });

  it('TC_K_01: stations charging -> the live view shows each EVSE\'s limit under the cap and why, updated live', async () => {
    const [v16, v201] = stations as [SimulatedStation, SimulatedStation];
    await v16.sessions.plugIn(1, EV);
    assert.equal(await v16.sessions.swipe(1, 'EN-A'), 'started');
    await v201.sessions.plugIn(1, EV);
    assert.equal(await v201.sessions.swipe(1, 'EN-B'), 'started');
    // No reload: the energy.allocated event brings the new allocation to the open page.
    await expectLimit('EN-16/1', '20', /Shared out: circuit "grid" phase L1 is full/);
    await expectLimit('EN-201/1', '20', /Shared out: circuit "grid" phase L1 is full/);
    await page.getByRole('meter', { name: 'grid L1' }).and(page.locator('[aria-valuetext="40 of 40 A – at the cap"]')).waitFor();
    await page.getByRole('meter', { name: 'row-a L1' }).and(page.locator('[aria-valuetext^="20 of 32 A"]')).waitFor();

    await v16.sessions.plugIn(2, EV);
    assert.equal(await v16.sessions.swipe(2, 'EN-C'), 'started');
    await expectLimit('EN-16/2', '13.3', /circuit "grid" phase L1 is full/);
    await expectLimit('EN-201/1', '13.3', /circuit "grid" phase L1 is full/);
    await waitUntil(() => [v16.sessions.limitOn(1)?.amps, v16.sessions.limitOn(2)?.amps, v201.sessions.limitOn(1)?.amps].every((a) => a === 13.3), 15_000);
    await screenshot(page, 'energy-live-three-sessions');
  });

  it('a grid signal entered in the UI (cap, schedule, expiry) throttles the site; the view says the signal bound them', async () => {
    await page.getByLabel('Signal source').fill('DSO heatwave');
    await page.getByLabel('Signal cap A (one, or L1/L2/L3)').fill('24');
    await page.getByRole('button', { name: 'Add schedule step' }).click();
    await page.getByLabel('Step 1 starts after minutes').fill('0');
    await page.getByLabel('Step 1 cap A').fill('24');
    await page.getByRole('button', { name: 'Send signal' }).click();
    await page.getByTestId('signals').getByRole('cell', { name: 'DSO heatwave', exact: true }).waitFor();
    await expectLimit('EN-16/1', '8', /grid signal/);
    await expectLimit('EN-201/1', '8', /grid signal/);
    await page.getByRole('meter', { name: 'grid L1 (grid signal)' }).waitFor();
    const [v16, v201] = stations as [SimulatedStation, SimulatedStation];
    await waitUntil(() => [v16.sessions.limitOn(1)?.amps, v16.sessions.limitOn(2)?.amps, v201.sessions.limitOn(1)?.amps].every((a) => a === 8), 15_000);
    await screenshot(page, 'energy-live-grid-signal');
    // Dark theme and a tablet width render the same view.
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.setViewportSize({ width: 800, height: 1200 });
    await screenshot(page, 'energy-live-dark-tablet');
    assert.deepEqual(pageErrors, []);
  });

  it('the profile library: create, edit, remove a profile', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Charging profiles' }).click();
    await page.getByRole('heading', { name: 'Charging profile library' }).waitFor();
    await page.getByRole('button', { name: 'New profile' }).click();
    await page.getByLabel('Profile name').fill('Night cap');
    await page.getByLabel('Period 1 limit (A)').fill('16');
    await page.getByRole('button', { name: 'Add period' }).click();
    await page.getByLabel('Period 2 limit (A)').fill('10');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByTestId('profiles').getByRole('cell', { name: 'from 0 s: 16 A; from 3600 s: 10 A' }).waitFor();
    await page.getByRole('button', { name: 'Edit Night cap' }).click();
    await page.getByLabel('Profile name').fill('Night cap 2');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByTestId('profiles').getByRole('cell', { name: 'Night cap 2', exact: true }).waitFor();
    const library = (await server.api.request('GET', '/api/v1/smart-charging/profiles')).body.items;
    assert.deepEqual(library.map((p: { name: string }) => p.name), ['Night cap 2']);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove Night cap 2' }).click();
    await page.getByText('The library is empty.').waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
