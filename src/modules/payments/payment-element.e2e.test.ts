// The ad-hoc page takes the payment with Stripe's Payment Element and a deferred intent (ADR 086),
// in headless Chromium against the Stripe fake's stand-in Stripe.js (the documented interface the
// page uses, not Stripe.js itself; ADR 065). The page creates Elements with the hold's amount,
// currency and manual capture, checks the input with elements.submit() before anything is created,
// the server creates the manual-capture PaymentIntent with automatic payment methods and no card,
// and confirmPayment confirms it from the browser with /authenticated as return_url; the fake
// refuses a confirmation whose Elements options differ from the intent, as Stripe does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { sites, stations } from '../../infra/db/schema.js';
import { ManualClock } from '../../simulator/clock.js';
import { SimulatedStation } from '../../simulator/simulated-station.js';
import { startTestServer } from '../../testing/test-server.js';
import { launchBrowser, openPage } from '../../../test/e2e/dashboard/browser.js';
import { startStripeFake, type StripeFake } from './stripe-fake.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const TARIFF = { id: 'ADHOC-PE', currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.4, step_size: 1 }] }] };
const EV = { batteryKwh: 60, socPercent: 20, targetSocPercent: 80, acPhases: 3, acMaxAmps: 32, dcMaxKw: 50, taperStartPercent: 80, batteryVolts: 400 } as const;

describe('ad-hoc payment with the Stripe Payment Element (deferred intent, ADR 086)', () => {
  let server: Server;
  let stripe: StripeFake;
  let browser: Browser;
  let station: SimulatedStation;
  const clock = new ManualClock(Date.now() - 60 * 60_000);
  const payments = async () => (await server.api.request('GET', '/api/v1/payments')).body.items as Array<{ id: string; email: string; status: string; providerRef: string }>;

  before(async () => {
    stripe = await startStripeFake('sk_test_pe', { publishableKey: 'pk_test_pe' });
    server = await startTestServer({
      ocpp: { callTimeoutSeconds: 5 },
      payments: { stripeSecretKey: 'sk_test_pe', stripeApiUrl: stripe.url, stripePublishableKey: 'pk_test_pe', stripeJsUrl: `${stripe.url}/v3/`, terminal: 'none' },
    });
    await server.db.insert(sites).values({ id: 'SITE-PE', tenantId: 'default', name: 'Payment Element site', country: 'DE', city: 'Berlin', timeZone: 'Europe/Berlin' });
    const tariff = await server.api.request('POST', '/api/v1/tariffs', { name: 'Ad hoc DE', tariff: TARIFF });
    assert.equal(tariff.status, 201, JSON.stringify(tariff.body));
    assert.equal((await server.api.request('POST', `/api/v1/tariffs/${tariff.body.id}/assignments`, { scope: 'tenant', customerGroup: 'public', validFrom: '2026-01-01T00:00:00Z' })).status, 201);
    station = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: 'PE-1', version: 'ocpp2.0.1', connectors: 1, clock, seed: 86, meterIntervalSeconds: 60, callTimeoutMs: 5000 });
    assert.equal((await station.start()).status, 'Accepted');
    await server.db.update(stations).set({ siteId: 'SITE-PE' }).where(eq(stations.id, 'PE-1'));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await station?.stop();
    await server?.stop();
    await stripe?.close();
  });

  it('an incomplete card is caught by elements.submit() in the browser: no payment, no intent', async () => {
    const { page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto(`${server.baseUrl}/pay/PE-1/1`);
    assert.match(await page.content(), /elements\.create\('payment'/);
    await page.getByLabel('Email for the receipt').fill('pe-empty@example.test');
    await page.getByRole('button', { name: 'Pay and start charging' }).click();
    await page.getByText('Your card number is incomplete.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Pay and start charging' }).isEnabled(), true);
    assert.deepEqual(await payments(), []);
    assert.equal(stripe.intents.size, 0);
    assert.deepEqual(errors, []);
  });

  it('card in the Payment Element -> intent with automatic payment methods, confirmed by the browser with return_url /authenticated -> the charge starts', async () => {
    await station.sessions.plugIn(1, EV);
    const { page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 } });
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
    await page.goto(`${server.baseUrl}/pay/PE-1/1`);
    await page.getByLabel('Email for the receipt').fill('pe@example.test');
    await page.getByLabel('Card number').fill('4242 4242 4242 4242');
    await page.getByRole('button', { name: 'Pay and start charging' }).click();
    await page.getByText('Charging', { exact: true }).waitFor();
    const payment = (await payments()).find((p) => p.email === 'pe@example.test')!;
    assert.equal(payment.status, 'authorised');
    const created = stripe.requests.find((r) => r.method === 'POST' && r.path === '/v1/payment_intents' && r.form['metadata[chargeops_payment]'] === payment.id)!;
    assert.deepEqual(
      [created.form['automatic_payment_methods[enabled]'], created.form['payment_method_types[]'], created.form.payment_method, created.form.capture_method],
      ['true', undefined, undefined, 'manual'],
    );
    const confirmed = stripe.requests.find((r) => r.path === `/v1/payment_intents/${payment.providerRef}/confirm`)!;
    assert.equal(confirmed.form.return_url, `${server.baseUrl}/pay/payments/${payment.id}/authenticated`);
    assert.deepEqual([confirmed.form['standin_elements[amount]'], confirmed.form['standin_elements[currency]'], confirmed.form['standin_elements[capture_method]']], ['5000', 'eur', 'manual']);
    assert.equal(stripe.intents.get(payment.providerRef)!.status, 'requires_capture');
    assert.deepEqual([errors, violations], [[], []], 'no page error, no CSP violation');
  });
});
