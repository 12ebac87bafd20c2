// Test set-up shared by the ad-hoc payment end-to-end tests (Stripe, Payment Element, Stripe.js,
// ZVT terminal): a site in Germany, a public energy tariff assigned to the tenant, a simulated
// OCPP 2.0.1 station on that site, a headless browser, and the driver's pay page in a phone-sized
// browser page.
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { sites, stations } from '../../../infra/db/schema.js';
import type { EvProfile } from '../../../simulator/charging-model.js';
import type { ManualClock } from '../../../simulator/clock.js';
import { SimulatedStation } from '../../../simulator/simulated-station.js';
import type { startTestServer } from '../../../testing/test-server.js';
import { launchBrowser, openPage } from '../../../../test/e2e/dashboard/browser.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** An EV that takes energy for a while: 20 % -> 80 % of 60 kWh. */
export const ADHOC_EV: EvProfile = { batteryKwh: 60, socPercent: 20, targetSocPercent: 80, acPhases: 3, acMaxAmps: 32, dcMaxKw: 50, taperStartPercent: 80, batteryVolts: 400 };

export interface AdhocChargerOptions {
  site: { id: string; name: string; city: string };
  /** The OCPI id of the tariff (0.40 EUR/kWh excl. VAT, public group of the tenant). */
  tariffId: string;
  station: { id: string; connectors: number; seed: number };
  clock: ManualClock;
}

export interface AdhocCharger {
  station: SimulatedStation;
  /** Chromium for the pay page. */
  browser: Browser;
  /** Closes the browser and stops the station. */
  stop(): Promise<void>;
}

/**
 * `setUpAdhocStation`, then launches the browser the driver's pay page is opened in. The caller
 * calls `stop()` (before stopping the server).
 */
export async function setUpAdhocCharger(server: Server, options: AdhocChargerOptions): Promise<AdhocCharger> {
  const station = await setUpAdhocStation(server, options);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await station.stop().catch(() => undefined);
    throw error;
  }
  return {
    station, browser,
    async stop() {
      await browser.close();
      await station.stop();
    },
  };
}

/**
 * Creates the site, the tariff and its tenant-wide public assignment, and starts a simulated
 * OCPP 2.0.1 station (accepted) placed on the site. The caller stops the station (stopped here
 * when the set-up fails).
 */
export async function setUpAdhocStation(server: Server, options: AdhocChargerOptions): Promise<SimulatedStation> {
  const { site, station: charger, clock } = options;
  await server.db.insert(sites).values({ id: site.id, tenantId: 'default', name: site.name, country: 'DE', city: site.city, timeZone: 'Europe/Berlin' });
  const tariff = { id: options.tariffId, currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.4, step_size: 1 }] }] };
  const created = await server.api.request('POST', '/api/v1/tariffs', { name: 'Ad hoc DE', tariff });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const assigned = await server.api.request('POST', `/api/v1/tariffs/${created.body.id}/assignments`, { scope: 'tenant', customerGroup: 'public', validFrom: '2026-01-01T00:00:00Z' });
  assert.equal(assigned.status, 201, JSON.stringify(assigned.body));
  const station = new SimulatedStation({
    url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: charger.id, version: 'ocpp2.0.1', connectors: charger.connectors,
    clock, seed: charger.seed, meterIntervalSeconds: 60, callTimeoutMs: 5000,
  });
  try {
    assert.equal((await station.start()).status, 'Accepted');
    await server.db.update(stations).set({ siteId: site.id }).where(eq(stations.id, charger.id));
  } catch (error) {
    await station.stop().catch(() => undefined);
    throw error;
  }
  return station;
}

export interface PayPage {
  page: Page;
  /** Uncaught page errors. */
  errors: string[];
  /** Console messages about Content Security Policy violations. */
  violations: string[];
}

/** Opens the pay page of an EVSE (`/pay/<station>/<evse>`) in a new phone-sized browser page. */
export async function openPayPage(browser: Browser, server: Server, stationId: string, evseId: number): Promise<PayPage> {
  const { page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 } });
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(`${server.baseUrl}/pay/${stationId}/${evseId}`);
  return { page, errors, violations };
}

/** Opens the pay page, enters the email and the card number in the Payment Element, and pays. */
export async function payWithCard(browser: Browser, server: Server, stationId: string, evseId: number, email: string, cardNumber: string): Promise<PayPage> {
  const opened = await openPayPage(browser, server, stationId, evseId);
  await opened.page.getByLabel('Email for the receipt').fill(email);
  await opened.page.getByLabel('Card number').fill(cardNumber);
  await opened.page.getByRole('button', { name: 'Pay and start charging' }).click();
  return opened;
}
