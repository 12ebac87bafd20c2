// The ad-hoc page takes the payment with Stripe's Payment Element and a deferred intent (ADR 086),
// in headless Chromium against the Stripe fake's stand-in Stripe.js (the documented interface the
// page uses, not Stripe.js itself; ADR 065). The page creates Elements with the hold's amount,
// currency and manual capture, checks the input with elements.submit() before anything is created,
// the server creates the manual-capture PaymentIntent with automatic payment methods and no card,
// and confirmPayment confirms it from the browser with /authenticated as return_url; the fake
// refuses a confirmation whose Elements options differ from the intent, as Stripe does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { ManualClock } from '../../simulator/clock.js';
import type { SimulatedStation } from '../../simulator/simulated-station.js';
import { startTestServer } from '../../testing/test-server.js';
import { startStripeFake, type StripeFake } from './stripe-fake.js';
import { ADHOC_EV, openPayPage, payWithCard, setUpAdhocCharger, type AdhocCharger } from './testing/adhoc-charger.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('ad-hoc payment with the Stripe Payment Element (deferred intent, ADR 086)', () => {
  let server: Server;
  let stripe: StripeFake;
  let browser: Browser;
  let station: SimulatedStation;
  let charger: AdhocCharger;
  const clock = new ManualClock(Date.now() - 60 * 60_000);
  const payments = async () => (await server.api.request('GET', '/api/v1/payments')).body.items as Array<{ id: string; email: string; status: string; providerRef: string }>;

  before(async () => {
    stripe = await startStripeFake('sk_test_pe', { publishableKey: 'pk_test_pe' });
    server = await startTestServer({
      ocpp: { callTimeoutSeconds: 5 },
      payments: { stripeSecretKey: 'sk_test_pe', stripeApiUrl: stripe.url, stripePublishableKey: 'pk_test_pe', stripeJsUrl: `${stripe.url}/v3/`, terminal: 'none' },
    });
    charger = await setUpAdhocCharger(server, {
      site: { id: 'SITE-PE', name: 'Payment Element site', city: 'Berlin' }, tariffId: 'ADHOC-PE', station: { id: 'PE-1', connectors: 1, seed: 86 }, clock,
    });
    ({ station, browser } = charger);
  });
  after(async () => {
    await charger?.stop();
    await server?.stop();
    await stripe?.close();
  });

  it('an incomplete card is caught by elements.submit() in the browser: no payment, no intent', async () => {
    const { page, errors } = await openPayPage(browser, server, 'PE-1', 1);
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
    await station.sessions.plugIn(1, ADHOC_EV);
    const { page, errors, violations } = await payWithCard(browser, server, 'PE-1', 1, 'pe@example.test', '4242 4242 4242 4242');
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
