// The AFIR ad-hoc flow end to end: a simulated OCPP 2.0.1 station with an EV plugged in, the
// driver's public page in headless Chromium (no login), a card pre-authorised through the Stripe
// adapter (against a local fake of Stripe's endpoints), the charge started remotely, live energy
// and cost on the page, the CDR's amount captured at unplug, an invoice numbered and emailed (a
// local SMTP sink), the receipt PDF linked from the page. And: no energy -> the hold is voided.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { tenants } from '../../infra/db/schema.js';
import { ManualClock } from '../../simulator/clock.js';
import type { SimulatedStation } from '../../simulator/simulated-station.js';
import { startTestServer, waitUntil } from '../../testing/test-server.js';
import { screenshot } from '../../../test/e2e/dashboard/browser.js';
import { startStripeFake, type StripeFake } from './stripe-fake.js';
import { ADHOC_EV, openPayPage, setUpAdhocCharger, type AdhocCharger } from './testing/adhoc-charger.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const MINUTE = 60_000;

async function startMailSink(): Promise<{ port: number; mails: Array<{ to: string[]; raw: string; original: string }>; close(): Promise<void> }> {
  const mails: Array<{ to: string[]; raw: string; original: string }> = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => { raw += chunk.toString('utf8'); });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r?\n/g, ''), original: raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('AFIR ad-hoc payment: page -> pre-authorisation -> charge -> capture -> receipt', () => {
  let server: Server;
  let stripe: StripeFake;
  let smtp: Awaited<ReturnType<typeof startMailSink>>;
  let browser: Browser;
  let station: SimulatedStation;
  let charger: AdhocCharger;
  const clock = new ManualClock(Date.now() - 3 * 60 * MINUTE);

  before(async () => {
    stripe = await startStripeFake('sk_test_e2e');
    smtp = await startMailSink();
    server = await startTestServer({
      smtp: { host: '127.0.0.1', port: smtp.port, from: 'Volt Berlin <billing@volt.test>' }, ocpp: { callTimeoutSeconds: 5 },
      payments: { stripeSecretKey: 'sk_test_e2e', stripeApiUrl: stripe.url, terminal: 'none' },
    });
    await server.db.update(tenants).set({ displayName: 'Volt Berlin', primaryColor: '#0a7d4f' }).where(eq(tenants.id, 'default'));
    // 0.40 EUR/kWh excl. VAT, 19 % in Germany.
    charger = await setUpAdhocCharger(server, {
      site: { id: 'SITE-PAY', name: 'Alexanderplatz', city: 'Berlin' }, tariffId: 'ADHOC-DE', station: { id: 'PAY-201', connectors: 2, seed: 7 }, clock,
    });
    ({ station, browser } = charger);
  });
  after(async () => {
    await charger?.stop();
    await server?.stop();
    await stripe?.close();
    await smtp?.close();
  });

  it('a driver with no app pays at the charger: tariff shown, card held, charge started, live cost, actual amount captured, receipt emailed', async () => {
    await station.sessions.plugIn(1, ADHOC_EV);
    const { page, errors } = await openPayPage(browser, server, 'PAY-201', 1);
    assert.equal(await page.locator('header strong').textContent(), 'Volt Berlin');
    assert.match(await page.locator('#tariff').innerText(), /0\.476 EUR per kWh — 0\.40 excl\. 19% VAT/);
    await page.getByLabel('Email for the receipt').fill('driver@example.test');
    await page.getByRole('button', { name: 'Pay and start charging' }).click();
    await page.getByText('Charging', { exact: true }).waitFor();
    const hold = [...stripe.intents.values()].at(-1)!;
    assert.deepEqual([hold.amount, hold.currency, hold.capture_method, hold.status], [5000, 'eur', 'manual', 'requires_capture']);

    await clock.advance(30 * MINUTE);
    // polled from here: the page's CSP refuses the eval a string predicate of waitForFunction needs
    await waitUntil(async () => Number(await page.locator('#cost').textContent()) > 0, 15_000);
    await screenshot(page, 'adhoc-charging');
    await station.sessions.unplug(1);
    await station.transactionsDelivered();
    await page.locator('#receipt-link').waitFor();
    assert.equal(await page.locator('#status').textContent(), 'Paid');
    await screenshot(page, 'adhoc-paid');
    assert.deepEqual(errors, []);

    const payments = (await server.api.request('GET', '/api/v1/payments')).body.items;
    assert.equal(payments.length, 1);
    const payment = payments[0];
    const cdr = (await server.api.request('GET', `/api/v1/cdrs?sessionId=${payment.sessionId}`)).body.items[0];
    assert.equal(payment.status, 'captured');
    assert.equal(payment.amountCaptured, cdr.totalInclVat, 'the CDR total incl. VAT is captured');
    assert.equal(hold.status, 'succeeded');
    assert.equal(hold.amount_received, Math.round(Number(cdr.totalInclVat) * 100));
    assert.ok(hold.amount_received > 0 && hold.amount_received < 5000);

    const invoice = (await server.api.request('GET', `/api/v1/invoices/${payment.invoiceId}`)).body;
    assert.equal(invoice.number, 'INV-000001');
    assert.equal(invoice.totalInclVat, cdr.totalInclVat);
    await waitUntil(async () => smtp.mails.some((m) => m.to.includes('driver@example.test')));
    const mail = smtp.mails.find((m) => m.to.includes('driver@example.test'))!;
    assert.match(mail.raw, /Invoice INV-000001/);
    assert.match(mail.raw, new RegExp(`Total incl\\. VAT: ${cdr.totalInclVat.replace('.', '\\.')} EUR`));
    assert.match(mail.raw, /\/pay\/payments\/[0-9a-f-]+\/receipt\.pdf/);
    // The receipt PDF travels with the mail (a MIME part, base64), and reads as the receipt.
    const part = /Content-Type: application\/pdf; name="?INV-000001\.pdf"?[\s\S]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+)\r\n--/.exec(mail.original);
    assert.ok(part, `a PDF attachment in ${mail.original.slice(0, 2000)}`);
    const attached = Buffer.from(part[1]!.replace(/\s+/g, ''), 'base64');
    assert.equal(attached.subarray(0, 5).toString(), '%PDF-');
    assert.match(execFileSync('pdftotext', ['-layout', '-', '-'], { input: attached }).toString('utf8'), /Receipt INV-000001/);

    const receipt = await page.request.get(`${server.baseUrl}/pay/payments/${payment.id}/receipt.pdf`);
    assert.equal(receipt.headers()['content-type'], 'application/pdf');
    const pdf = await receipt.body();
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.includes('INV-000001'));
  });

  it('no energy delivered: the pre-authorisation is voided, nothing captured, no invoice', async () => {
    await station.sessions.plugIn(2, { ...ADHOC_EV, socPercent: 100, targetSocPercent: 100 });
    const started = await fetch(`${server.baseUrl}/pay/PAY-201/2`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'full@example.test', paymentMethod: 'pm_card_visa' }) });
    assert.equal(started.status, 201, await started.clone().text());
    const { paymentId } = (await started.json()) as { paymentId: string };
    await waitUntil(async () => (await server.api.request('GET', `/api/v1/payments/${paymentId}`)).body.sessionId !== null || (await (await fetch(`${server.baseUrl}/pay/payments/${paymentId}/status`)).json() as { session: string }).session === 'active');
    await clock.advance(5 * MINUTE);
    await station.sessions.unplug(2);
    await station.transactionsDelivered();
    await waitUntil(async () => (await server.api.request('GET', `/api/v1/payments/${paymentId}`)).body.status === 'voided');
    const payment = (await server.api.request('GET', `/api/v1/payments/${paymentId}`)).body;
    assert.deepEqual([payment.amountCaptured, payment.invoiceId], ['0.00', null]);
    assert.equal(stripe.intents.get(payment.providerRef)!.status, 'canceled');
  });

  it('a declined card starts nothing and answers payment_failed; bad input is a problem response', async () => {
    const declined = await fetch(`${server.baseUrl}/pay/PAY-201/1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'd@example.test', paymentMethod: 'pm_card_chargeDeclined' }) });
    assert.equal(declined.status, 402);
    assert.equal(((await declined.json()) as { code: string }).code, 'payment_failed');
    const unknown = await fetch(`${server.baseUrl}/pay/NO-SUCH/1`);
    assert.equal(unknown.status, 404);
    const badEmail = await fetch(`${server.baseUrl}/pay/PAY-201/1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'not an email' }) });
    assert.equal(badEmail.status, 400);
  });

  it('refunds part of a captured payment through the provider, never more than captured', async () => {
    const payment = (await server.api.request('GET', '/api/v1/payments')).body.items.find((p: { status: string }) => p.status === 'captured');
    const refund = await server.api.request('POST', `/api/v1/payments/${payment.id}/refund`, { amount: '0.50' });
    assert.equal(refund.status, 200, JSON.stringify(refund.body));
    assert.deepEqual([refund.body.status, refund.body.amountRefunded], ['refunded', '0.50']);
    assert.equal(stripe.intents.get(payment.providerRef)!.refunded, 50);
    const tooMuch = await server.api.request('POST', `/api/v1/payments/${payment.id}/refund`, { amount: '999.00' });
    assert.equal(tooMuch.status, 422);
  });
});
