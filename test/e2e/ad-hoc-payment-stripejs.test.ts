// The ad-hoc page's card entry with Stripe.js (issue 8, ADR 065), end to end in headless Chromium:
// the page loads Stripe.js (here the local fake's stand-in, implementing only the documented
// interface the page uses), mounts the Payment Element (ADR 086), the server creates the manual-capture
// PaymentIntent WITHOUT a card and hands its client secret to this page, confirmPayment
// confirms it from the browser (3-D Secure in a frame), and the charge starts, is captured at its
// CDR amount. Proves our page against Stripe.js's interface, not Stripe.js or Stripe themselves.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { payPagePolicy } from '../../src/modules/payments/pages.js';
import { startStripeFake, type StripeFake } from '../../src/modules/payments/stripe-fake.js';
import { ADHOC_EV as EV, payWithCard as payOnPage, setUpAdhocCharger, type AdhocCharger, type PayPage } from '../../src/modules/payments/testing/adhoc-charger.js';
import { ManualClock } from '../../src/simulator/clock.js';
import type { SimulatedStation } from '../../src/simulator/simulated-station.js';
import { startTestServer, waitUntil } from '../../src/testing/test-server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const MINUTE = 60_000;

describe('ad-hoc payment with Stripe.js card entry (issue 8, ADR 065)', () => {
  let server: Server;
  let stripe: StripeFake;
  let browser: Browser;
  const clock = new ManualClock(Date.now() - 6 * 60 * MINUTE);
  let station: SimulatedStation;
  let charger: AdhocCharger;
  const paymentByEmail = async (email: string) => (await server.api.request('GET', '/api/v1/payments')).body.items.find((p: { email: string }) => p.email === email);

  before(async () => {
    stripe = await startStripeFake('sk_test_js', { webhookUrl: () => (server ? `${server.baseUrl}/pay/webhooks/stripe` : null), webhookSecret: 'whsec_js_secret', publishableKey: 'pk_test_js' });
    server = await startTestServer({
      ocpp: { callTimeoutSeconds: 5 },
      payments: {
        stripeSecretKey: 'sk_test_js', stripeApiUrl: stripe.url, stripePublishableKey: 'pk_test_js', stripeJsUrl: `${stripe.url}/v3/`, terminal: 'none',
        stripeWebhookSecret: 'whsec_js_secret', publicRateLimit: { startsPerIp: 100, readsPerIp: 100_000, windowSeconds: 600 },
      },
    });
    charger = await setUpAdhocCharger(server, {
      site: { id: 'SITE-JS', name: 'Stripe.js site', city: 'Berlin' }, tariffId: 'ADHOC-JS', station: { id: 'JS-1', connectors: 3, seed: 65 }, clock,
    });
    ({ station, browser } = charger);
  });
  after(async () => {
    await charger?.stop();
    await server?.stop();
    await stripe?.close();
  });

  /** Opens the pay page of JS-1, enters email and card number in the Payment Element, and pays. */
  const payWithCard = (evseId: number, email: string, cardNumber: string): Promise<PayPage> => payOnPage(browser, server, 'JS-1', evseId, email, cardNumber);

  it('the page loads Stripe.js under its CSP (that origin only, the nonce kept) and has no payment-method text field', async () => {
    const response = await fetch(`${server.baseUrl}/pay/JS-1/1`);
    const policy = response.headers.get('content-security-policy')!;
    const html = await response.text();
    const nonce = /script-src 'nonce-([^']+)'/.exec(policy)![1]!;
    const origin = new URL(stripe.url).origin;
    assert.match(policy, new RegExp(`script-src 'nonce-[^']+' ${origin};`));
    assert.match(policy, new RegExp(`connect-src 'self' ${origin};`));
    assert.match(policy, new RegExp(`frame-src ${origin};`));
    assert.ok(html.includes(`<script nonce="${nonce}" src="${stripe.url}/v3/"></script>`), 'Stripe.js from the configured URL, with the nonce');
    assert.doesNotMatch(html, /pm_card_visa|paymentMethod/);
    // The real Stripe.js also needs Stripe's API and 3-D Secure frames (as Stripe documents for CSP).
    const real = payPagePolicy('n', { publishableKey: 'pk_live_x', url: 'https://js.stripe.com/v3/' });
    assert.match(real, /script-src 'nonce-n' https:\/\/js\.stripe\.com;/);
    assert.match(real, /connect-src 'self' https:\/\/js\.stripe\.com https:\/\/api\.stripe\.com;/);
    assert.match(real, /frame-src https:\/\/js\.stripe\.com https:\/\/hooks\.stripe\.com;/);
  });

  it('card entered in the Element -> the browser confirms the hold -> charge -> actual amount captured; the card never reaches our server', async () => {
    await station.sessions.plugIn(1, EV);
    const { page, errors, violations } = await payWithCard(1, 'js@example.test', '4242 4242 4242 4242');
    await page.getByText('Charging', { exact: true }).waitFor();
    const payment = await paymentByEmail('js@example.test');
    assert.equal(payment.status, 'authorised');
    const intent = stripe.intents.get(payment.providerRef)!;
    assert.deepEqual([intent.amount, intent.capture_method, intent.status], [5000, 'manual', 'requires_capture']);
    const created = stripe.requests.find((r) => r.method === 'POST' && r.path === '/v1/payment_intents' && r.form['metadata[chargeops_payment]'] === payment.id)!;
    assert.equal(created.form.confirm, undefined, 'the server creates the intent without confirming it');
    assert.equal(created.form.payment_method, undefined, 'and without any card');
    const confirmed = stripe.requests.find((r) => r.path === `/v1/payment_intents/${intent.id}/confirm`)!;
    assert.deepEqual([confirmed.form.key, confirmed.form['payment_method_data[card][number]']], ['pk_test_js', '4242 4242 4242 4242'], 'the browser confirmed with the publishable key');

    await clock.advance(20 * MINUTE);
    await station.sessions.unplug(1);
    await station.transactionsDelivered();
    await page.locator('#receipt-link').waitFor();
    const settled = await paymentByEmail('js@example.test');
    const cdr = (await server.api.request('GET', `/api/v1/cdrs?sessionId=${settled.sessionId}`)).body.items[0];
    assert.equal(settled.status, 'captured');
    assert.equal(intent.status, 'succeeded');
    assert.equal(intent.amount_received, Math.round(Number(cdr.totalInclVat) * 100));
    assert.ok(intent.amount_received > 0 && intent.amount_received < 5000);
    assert.deepEqual([errors, violations], [[], []], 'no page error, no CSP violation');
  });

  it('3-D Secure: confirmPayment shows the challenge in a frame; completed -> the charge starts; failed -> the page says so, nothing starts', async () => {
    await station.sessions.plugIn(2, EV);
    const secure = await payWithCard(2, 'js-3ds@example.test', '4000002500003155');
    const challenge = secure.page.frameLocator('iframe[title="3-D Secure authentication"]');
    await challenge.getByRole('heading', { name: /Authenticate the payment of 50\.00 EUR/ }).waitFor();
    await challenge.getByRole('button', { name: 'Complete authentication' }).click();
    await secure.page.getByText('Charging', { exact: true }).waitFor();
    const payment = await paymentByEmail('js-3ds@example.test');
    assert.equal(payment.status, 'authorised');
    assert.equal(stripe.intents.get(payment.providerRef)!.status, 'requires_capture');
    assert.deepEqual([secure.errors, secure.violations], [[], []]);

    await station.sessions.plugIn(3, EV);
    const failing = await payWithCard(3, 'js-3ds-fail@example.test', '4000002500003155');
    await failing.page.frameLocator('iframe[title="3-D Secure authentication"]').getByRole('button', { name: 'Fail authentication' }).click();
    await failing.page.getByText('The cardholder failed 3-D Secure authentication.').waitFor();
    assert.equal(await failing.page.getByRole('button', { name: 'Pay and start charging' }).isEnabled(), true, 'the driver may try another card');
    await waitUntil(async () => (await paymentByEmail('js-3ds-fail@example.test')).status === 'failed', 10_000);
    assert.equal((await paymentByEmail('js-3ds-fail@example.test')).sessionId, null);
  });

  it('a declined card: the page shows the bank\'s answer, no charge starts', async () => {
    const declined = await payWithCard(3, 'js-declined@example.test', '4000000000000002');
    await declined.page.getByText('Your card was declined.').waitFor();
    await waitUntil(async () => (await paymentByEmail('js-declined@example.test')).status === 'failed', 10_000);
    const sessions = (await server.api.request('GET', '/api/v1/sessions?limit=500')).body.items.filter((s: { stationId: string; status: string }) => s.stationId === 'JS-1' && s.status === 'active');
    assert.equal(sessions.length, 1, 'only the 3-D Secure charge of EVSE 2 runs');
    assert.deepEqual(declined.errors, []);
  });
});
