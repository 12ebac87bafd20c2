// Issue 8's proof of the AFIR ad-hoc flow, end to end over real parts: simulated OCPP 2.0.1 stations
// over WebSocket, the driver's public page in headless Chromium, Stripe's PaymentIntents through the
// adapter against the local fake (manual capture, 3-D Secure redirect, signed webhooks), a local
// SMTP sink, and the receipt PDF read by poppler (pdftotext) and rendered to a PNG (pdftoppm) whose
// pixels are checked. Then invoice numbers under concurrent sessions, a hold voided when no energy
// flowed, and a partial refund that the reconciliation report finds credited.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { paymentWebhookEvents, sites, stations, tenants } from '../../src/infra/db/schema.js';
import { startStripeFake, type StripeFake } from '../../src/modules/payments/stripe-fake.js';
import { ManualClock } from '../../src/simulator/clock.js';
import { SimulatedStation } from '../../src/simulator/simulated-station.js';
import { startTestServer, waitUntil } from '../../src/testing/test-server.js';
import { launchBrowser, openPage, screenshot } from './dashboard/browser.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const MINUTE = 60_000;
const ARTIFACTS = join('test-artifacts', 'ad-hoc-payment');
const BRAND = { name: 'Volt Berlin', color: '#0a7d4f', rgb: [0x0a, 0x7d, 0x4f] as const };
// 0.40 EUR/kWh excl. VAT, Germany (19 %): 0.476 incl.
const TARIFF = { id: 'ADHOC-DE', currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.4, step_size: 1 }] }] };
const EV = { batteryKwh: 60, socPercent: 20, targetSocPercent: 80, acPhases: 3, acMaxAmps: 32, dcMaxKw: 50, taperStartPercent: 80, batteryVolts: 400 } as const;
const FULL_EV = { ...EV, socPercent: 100, targetSocPercent: 100 } as const;
const CONCURRENT = 6;

async function startMailSink(): Promise<{ port: number; mails: Array<{ to: string[]; raw: string }>; close(): Promise<void> }> {
  const mails: Array<{ to: string[]; raw: string }> = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => { raw += chunk.toString('utf8'); });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r?\n/g, '') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Decodes the 8-bit RGB/RGBA non-interlaced PNG pdftoppm writes (enough PNG for this check). */
function decodePng(png: Buffer): { width: number; height: number; channels: number; pixels: Buffer } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  let offset = 8;
  let width = 0, height = 0, channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('latin1');
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'bit depth 8'); assert.equal(data[12], 0, 'not interlaced');
      channels = ({ 0: 1, 2: 3, 6: 4 } as Record<number, number>)[data[9]!]!;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const paeth = () => { const p = a + b - c; const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); return pa <= pb && pa <= pc ? a : pb <= pc ? b : c; };
      const predictor = [0, a, b, (a + b) >> 1, paeth()][filter]!;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** The share of a region's pixels within `tolerance` (sum of |channel differences|) of a colour. */
function pixelsNear(image: ReturnType<typeof decodePng>, region: { x: number; y: number; width: number; height: number }, rgb: readonly number[], tolerance = 30): number {
  let near = 0;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * image.width + x) * image.channels;
      const [r, g, b] = image.channels === 1 ? [image.pixels[i]!, image.pixels[i]!, image.pixels[i]!] : [image.pixels[i]!, image.pixels[i + 1]!, image.pixels[i + 2]!];
      if (Math.abs(r - rgb[0]!) + Math.abs(g - rgb[1]!) + Math.abs(b - rgb[2]!) <= tolerance) near++;
    }
  }
  return near / (region.width * region.height);
}

describe('AFIR ad-hoc payment end to end (issue 8 proof)', () => {
  let server: Server;
  let stripe: StripeFake;
  let smtp: Awaited<ReturnType<typeof startMailSink>>;
  let browser: Browser;
  const clock = new ManualClock(Date.now() - 6 * 60 * MINUTE);
  const fleet: SimulatedStation[] = [];
  let station: SimulatedStation;
  const pay = (stationId: string, evseId: number, body: Record<string, string>) =>
    fetch(`${server.baseUrl}/pay/${stationId}/${evseId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const paymentOf = async (id: string) => (await server.api.request('GET', `/api/v1/payments/${id}`)).body;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stripe = await startStripeFake('sk_test_e2e', { webhookUrl: () => (server ? `${server.baseUrl}/pay/webhooks/stripe` : null), webhookSecret: 'whsec_e2e_secret' });
    smtp = await startMailSink();
    server = await startTestServer({
      smtp: { host: '127.0.0.1', port: smtp.port, from: 'Volt Berlin <billing@volt.test>' }, ocpp: { callTimeoutSeconds: 5 },
      payments: { stripeSecretKey: 'sk_test_e2e', stripeApiUrl: stripe.url, terminal: 'none', stripeWebhookSecret: 'whsec_e2e_secret', publicRateLimit: { startsPerIp: 100, readsPerIp: 100_000, windowSeconds: 600 } },
    });
    await server.db.update(tenants).set({ displayName: BRAND.name, primaryColor: BRAND.color }).where(eq(tenants.id, 'default'));
    const profile = await server.api.request('PUT', '/api/v1/finance/billing-profile', {
      legalName: 'Volt Charging GmbH', vatId: 'DE 123 456 789', address: ['Alexanderplatz 1', '10178 Berlin', 'Germany'], email: 'billing@volt.test', phone: null,
    });
    assert.equal(profile.status, 200, JSON.stringify(profile.body));
    await server.db.insert(sites).values({ id: 'SITE-PAY', tenantId: 'default', name: 'Alexanderplatz', country: 'DE', city: 'Berlin', timeZone: 'Europe/Berlin' });
    const tariff = await server.api.request('POST', '/api/v1/tariffs', { name: 'Ad hoc DE', tariff: TARIFF });
    assert.equal(tariff.status, 201, JSON.stringify(tariff.body));
    assert.equal((await server.api.request('POST', `/api/v1/tariffs/${tariff.body.id}/assignments`, { scope: 'tenant', customerGroup: 'public', validFrom: '2026-01-01T00:00:00Z' })).status, 201);
    for (let i = 0; i <= CONCURRENT; i++) {
      const id = `ADHOC-${i}`;
      const s = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: id, version: 'ocpp2.0.1', connectors: 2, clock, seed: 11 + i, meterIntervalSeconds: 60, callTimeoutMs: 5000 });
      assert.equal((await s.start()).status, 'Accepted');
      await server.db.update(stations).set({ siteId: 'SITE-PAY' }).where(eq(stations.id, id));
      fleet.push(s);
    }
    station = fleet[0]!;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    for (const s of fleet) await s.stop();
    await server?.stop();
    await stripe?.close();
    await smtp?.close();
  });

  it('a driver with no app: tariff shown -> card held -> charge started -> live cost -> stop -> actual amount captured -> receipt emailed', async () => {
    await station.sessions.plugIn(1, EV);
    const { page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 } });
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
    const response = await page.goto(`${server.baseUrl}/pay/ADHOC-0/1`);
    assert.match(response!.headers()['content-security-policy']!, /script-src 'nonce-[^']+'/);
    assert.equal(await page.locator('header strong').textContent(), BRAND.name);
    assert.match(await page.locator('#tariff').innerText(), /0\.476 EUR per kWh — 0\.40 excl\. 19% VAT/);
    await page.getByLabel('Email for the receipt').fill('driver@example.test');
    await page.getByRole('button', { name: 'Pay and start charging' }).click();
    await page.getByText('Charging', { exact: true }).waitFor();
    const hold = [...stripe.intents.values()].at(-1)!;
    assert.deepEqual([hold.amount, hold.currency, hold.capture_method, hold.status], [5000, 'eur', 'manual', 'requires_capture']);

    await clock.advance(30 * MINUTE);
    // (polled from here: the page's CSP refuses the eval a string predicate of waitForFunction needs)
    await waitUntil(async () => Number(await page.locator('#cost').textContent()) > 0, 15_000);
    const runningCost = Number(await page.locator('#cost').textContent());
    await screenshot(page, 'adhoc-e2e-charging');
    await station.sessions.unplug(1);
    await station.transactionsDelivered();
    await page.locator('#receipt-link').waitFor();
    assert.equal(await page.locator('#status').textContent(), 'Paid');
    assert.deepEqual([errors, violations], [[], []], 'no page error, no CSP violation');

    const payment = (await server.api.request('GET', '/api/v1/payments')).body.items[0];
    const cdr = (await server.api.request('GET', `/api/v1/cdrs?sessionId=${payment.sessionId}`)).body.items[0];
    assert.equal(payment.status, 'captured');
    assert.equal(payment.amountCaptured, cdr.totalInclVat, 'the CDR total incl. VAT is captured, not the hold');
    assert.ok(Number(cdr.totalInclVat) >= runningCost, 'the final cost is at least the last running cost shown');
    assert.equal(hold.status, 'succeeded');
    assert.equal(hold.amount_received, Math.round(Number(cdr.totalInclVat) * 100));
    assert.ok(hold.amount_received > 0 && hold.amount_received < 5000);
    // Stripe's webhook confirmed the capture (signed, applied once).
    await waitUntil(async () => stripe.events.some((e) => e.event.type === 'payment_intent.succeeded' && e.event.data.object.id === hold.id));
    assert.ok(stripe.events.every((e) => e.status === 200), JSON.stringify(stripe.events.map((e) => [e.event.type, e.status])));

    const invoice = (await server.api.request('GET', `/api/v1/invoices/${payment.invoiceId}`)).body;
    assert.equal(invoice.number, 'INV-000001');
    await waitUntil(async () => smtp.mails.some((m) => m.to.includes('driver@example.test')));
    const mail = smtp.mails.find((m) => m.to.includes('driver@example.test'))!;
    assert.match(mail.raw, /Invoice INV-000001/);
    assert.match(mail.raw, /VAT ID: DE123456789/);
    assert.match(mail.raw, new RegExp(`Total incl\\. VAT: ${cdr.totalInclVat.replace('.', '\\.')} EUR`));
    const receiptUrl = /https?:\/\/\S+\/pay\/payments\/[0-9a-f-]+\/receipt\.pdf/.exec(mail.raw)![0];

    // The receipt PDF: its text as poppler reads it, and page 1 rendered to a PNG and looked at.
    const pdf = Buffer.from(await (await fetch(receiptUrl.replace(/^https?:\/\/[^/]+/, server.baseUrl))).arrayBuffer());
    writeFileSync(join(ARTIFACTS, 'receipt.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(ARTIFACTS, 'receipt.pdf'), '-'], { encoding: 'utf8' });
    for (const expected of [
      'Receipt INV-000001', 'Volt Charging GmbH', 'Alexanderplatz 1', '10178 Berlin', 'VAT ID: DE123456789', 'token PAY',
      'Total incl. VAT', 'ADHOC-0', `${invoice.totalExclVat} EUR`, `${invoice.totalVat} EUR`, `${invoice.totalInclVat} EUR`,
    ]) assert.ok(text.includes(expected), `receipt text has "${expected}":\n${text}`);
    assert.match(text, new RegExp(`\\b19\\s+${invoice.totalExclVat.replace('.', '\\.')}\\s+${invoice.totalVat.replace('.', '\\.')}\\s+${invoice.totalInclVat.replace('.', '\\.')}`), 'the line: VAT rate, net, VAT, gross');
    assert.equal((Number(invoice.totalExclVat) * 100 + Number(invoice.totalVat) * 100).toFixed(0), (Number(invoice.totalInclVat) * 100).toFixed(0));
    execFileSync('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', join(ARTIFACTS, 'receipt.pdf'), join(ARTIFACTS, 'receipt')]);
    const image = decodePng(readFileSync(join(ARTIFACTS, 'receipt.png')));
    assert.ok(image.width > 400 && image.height > 600, `${image.width}x${image.height}`);
    const header = { x: 0, y: 0, width: image.width, height: Math.floor(image.height * 0.1) };
    assert.ok(pixelsNear(image, header, BRAND.rgb) > 0.6, 'the header band is in the brand colour');
    const body = { x: 0, y: Math.floor(image.height * 0.15), width: image.width, height: Math.floor(image.height * 0.4) };
    const ink = 1 - pixelsNear(image, body, [255, 255, 255], 60);
    assert.ok(ink > 0.01, `the body has text and the table heading (not blank): ${(ink * 100).toFixed(1)} % ink`);
    assert.ok(pixelsNear(image, body, [255, 255, 255], 10) > 0.5, 'the body is mostly white paper');
  });

  it(`invoice numbers stay gapless with ${CONCURRENT} sessions paid, charged and settled at the same time`, async () => {
    const others = fleet.slice(1);
    await Promise.all(others.map((s) => s.sessions.plugIn(1, EV)));
    const started = await Promise.all(others.map((s, i) => pay(s.stationId, 1, { email: `fleet${i}@example.test`, paymentMethod: 'pm_card_visa' })));
    assert.deepEqual(started.map((r) => r.status), others.map(() => 201));
    const ids = await Promise.all(started.map(async (r) => ((await r.json()) as { paymentId: string }).paymentId));
    await waitUntil(async () => (await Promise.all(ids.map(paymentOf))).every((p) => p.status === 'authorised'), 20_000);
    await clock.advance(20 * MINUTE);
    await Promise.all(others.map((s) => s.sessions.unplug(1)));
    await Promise.all(others.map((s) => s.transactionsDelivered()));
    await waitUntil(async () => (await Promise.all(ids.map(paymentOf))).every((p) => p.invoiceId !== null), 30_000);
    const numbers = (await server.api.request('GET', '/api/v1/invoices?limit=500')).body.items.map((i: { sequence: number }) => i.sequence).sort((a: number, b: number) => a - b);
    assert.deepEqual(numbers, Array.from({ length: CONCURRENT + 1 }, (_, i) => i + 1), `INV-000001..INV-00000${CONCURRENT + 1}, no gap, no duplicate`);
    for (const p of await Promise.all(ids.map(paymentOf))) {
      const invoice = (await server.api.request('GET', `/api/v1/invoices/${p.invoiceId}`)).body;
      assert.equal(invoice.totalInclVat, p.amountCaptured);
      assert.equal(stripe.intents.get(p.providerRef)!.amount_received, Math.round(Number(p.amountCaptured) * 100));
    }
  });

  it('no energy delivered: the hold is voided, nothing captured, no invoice', async () => {
    await station.sessions.plugIn(2, FULL_EV);
    const started = await pay('ADHOC-0', 2, { email: 'full@example.test', paymentMethod: 'pm_card_visa' });
    assert.equal(started.status, 201, await started.clone().text());
    const { paymentId } = (await started.json()) as { paymentId: string };
    await waitUntil(async () => ((await (await fetch(`${server.baseUrl}/pay/payments/${paymentId}/status`)).json()) as { session: string }).session === 'active', 10_000);
    await clock.advance(5 * MINUTE);
    await station.sessions.unplug(2);
    await station.transactionsDelivered();
    await waitUntil(async () => (await paymentOf(paymentId)).status === 'voided', 10_000);
    const payment = await paymentOf(paymentId);
    assert.deepEqual([payment.amountCaptured, payment.invoiceId], ['0.00', null]);
    const intent = stripe.intents.get(payment.providerRef)!;
    assert.deepEqual([intent.status, intent.amount_received], ['canceled', 0]);
    assert.ok(!stripe.requests.some((r) => r.path === `/v1/payment_intents/${intent.id}/capture`), 'capture never called');
  });

  it('3-D Secure: requires_action -> the issuer page -> back to the charger page, which starts the charge; a failed authentication starts nothing', async () => {
    const { page, errors } = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await fleet[1]!.sessions.plugIn(2, EV);
    await page.goto(`${server.baseUrl}/pay/ADHOC-1/2`);
    await page.getByLabel('Email for the receipt').fill('secure@example.test');
    await page.getByLabel('Card (Stripe payment method)').fill('pm_card_threeDSecure2Required');
    await page.getByRole('button', { name: 'Pay and start charging' }).click();
    await page.getByRole('heading', { name: /Authenticate the payment of 50\.00 EUR/ }).waitFor();
    await page.getByRole('button', { name: 'Complete authentication' }).click();
    await page.getByText('Charging', { exact: true }).waitFor();
    const secured = (await server.api.request('GET', '/api/v1/payments')).body.items.find((p: { email: string }) => p.email === 'secure@example.test');
    assert.equal(secured.status, 'authorised');
    assert.equal(stripe.intents.get(secured.providerRef)!.status, 'requires_capture');
    // The webhook of the same authorisation arrives too: recorded, and it starts nothing twice.
    await waitUntil(async () => stripe.events.some((e) => e.event.type === 'payment_intent.amount_capturable_updated' && e.event.data.object.id === secured.providerRef));
    const sessions = (await server.api.request('GET', '/api/v1/sessions?limit=500')).body.items.filter((s: { idToken?: string; stationId: string }) => s.stationId === 'ADHOC-1');
    assert.equal(sessions.filter((s: { status: string }) => s.status === 'active').length, 1, 'one charge started');
    await clock.advance(10 * MINUTE);
    await fleet[1]!.sessions.unplug(2);
    await fleet[1]!.transactionsDelivered();
    await waitUntil(async () => (await paymentOf(secured.id)).invoiceId !== null, 10_000);

    await fleet[2]!.sessions.plugIn(2, EV);
    await page.goto(`${server.baseUrl}/pay/ADHOC-2/2`);
    await page.getByLabel('Email for the receipt').fill('nope@example.test');
    await page.getByLabel('Card (Stripe payment method)').fill('pm_card_threeDSecure2Required');
    await page.getByRole('button', { name: 'Pay and start charging' }).click();
    await page.getByRole('button', { name: 'Fail authentication' }).click();
    await page.getByText(/Payment failed/).waitFor();
    const failed = (await server.api.request('GET', '/api/v1/payments')).body.items.find((p: { email: string }) => p.email === 'nope@example.test');
    assert.equal(failed.status, 'failed');
    assert.match(failed.failure, /3-D Secure/);
    assert.deepEqual(errors, []);
    await fleet[2]!.sessions.unplug(2);
  });

  it('Stripe webhooks: every event verified and applied once; a redelivery is a no-op; a forged or stale signature is refused', async () => {
    await waitUntil(async () => (await server.db.select().from(paymentWebhookEvents)).length === stripe.events.length, 10_000);
    const recorded = await server.db.select().from(paymentWebhookEvents);
    assert.equal(new Set(recorded.map((r) => r.eventId)).size, stripe.events.length);
    assert.ok(recorded.every((r) => !r.outcome.startsWith('mismatch')), JSON.stringify(recorded.map((r) => [r.type, r.outcome])));
    const first = stripe.events[0]!.event;
    assert.equal(await stripe.deliver(first), 200);
    assert.equal((await server.db.select().from(paymentWebhookEvents)).length, recorded.length, 'the redelivery recorded nothing new');
    assert.equal(await stripe.deliver({ ...first, id: 'evt_forged' }, 'whsec_not_the_secret'), 400);
    const stale = await fetch(`${server.baseUrl}/pay/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1000000000,v1=00' }, body: JSON.stringify(first) });
    assert.equal(stale.status, 400);
  });

  it('a partial refund credits that much of the invoice (CN-000001); reconciliation of the day finds no mismatch', async () => {
    const payment = (await server.api.request('GET', '/api/v1/payments?limit=500')).body.items.find((p: { email: string }) => p.email === 'driver@example.test');
    const refund = await server.api.request('POST', `/api/v1/payments/${payment.id}/refund`, { amount: '0.50', reason: 'connector fault' });
    assert.equal(refund.status, 200, JSON.stringify(refund.body));
    assert.equal(stripe.intents.get(payment.providerRef)!.refunded, 50);
    const notes = (await server.api.request('GET', '/api/v1/invoices?kind=credit_note')).body.items;
    assert.deepEqual(notes.map((n: { number: string; totalInclVat: string; reason: string; creditsInvoiceId: string }) => [n.number, n.totalInclVat, n.reason, n.creditsInvoiceId]), [['CN-000001', '-0.50', 'connector fault', payment.invoiceId]]);
    const from = new Date(clock.now().getTime() - 24 * 60 * MINUTE).toISOString();
    const to = new Date(Date.now() + 60 * MINUTE).toISOString();
    const report = (await server.api.request('GET', `/api/v1/finance/reconciliation?from=${from}&to=${to}`)).body;
    assert.deepEqual(report.mismatches, []);
    assert.ok(report.checked.payments >= CONCURRENT + 3, JSON.stringify(report.checked));
  });
});
