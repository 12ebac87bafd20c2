// The sweep of unconfirmed payments (ADR 085), with both providers: holds made at the Stripe fake
// (over HTTP) and at the ZVT terminal simulator (over TCP), recorded as payments older than the
// configured age that no charge uses: they are voided at the provider, marked "voided
// automatically", and audited as an automated action by system:payment-sweep. A hold whose charge
// is running, and a fresh one, are left alone; a payment the provider never answered fails; a
// charge that ended while nobody settled it is settled.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { payments, sessions, stations } from '../../infra/db/schema.js';
import { startTestServer, waitUntil } from '../../testing/test-server.js';
import { startStripeFake, type StripeFake } from './stripe-fake.js';
import { StripeProvider } from './stripe.js';
import { ZvtClient } from './zvt/client.js';
import { startZvtTerminalSimulator, type ZvtTerminalSimulator } from './zvt/testing/zvt-terminal-simulator.js';
import { parseZvtReference, ZvtTerminalLink } from './zvt/zvt-terminal-link.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const HOURS_AGO = (h: number) => new Date(Date.now() - h * 3600_000);

describe('sweep of unconfirmed payments: holds nobody captures are voided automatically (Stripe and ZVT)', () => {
  let server: Server;
  let stripeFake: StripeFake;
  let terminal: ZvtTerminalSimulator;
  let zvtClient: ZvtClient;
  const ids: Record<string, string> = {};
  const refs: Record<string, string> = {};

  /** A payment row as the service writes it, backdated: what a crash or an abandoned page leaves behind. */
  const record = async (name: string, row: { provider: string; status: string; providerRef: string | null; createdAt: Date; token?: string }) => {
    ids[name] = randomUUID();
    await server.db.insert(payments).values({
      id: ids[name]!, tenantId: 'default', provider: row.provider, providerRef: row.providerRef, status: row.status, currency: 'EUR', amountAuthorised: '50.00',
      stationId: 'SWEEP-1', evseId: 1, token: row.token ?? `PAY${name.toUpperCase()}`, createdAt: row.createdAt, updatedAt: row.createdAt,
    });
  };
  const get = async (name: string) => (await server.api.request('GET', `/api/v1/payments/${ids[name]}`)).body;

  before(async () => {
    stripeFake = await startStripeFake('sk_test_sweep');
    terminal = await startZvtTerminalSimulator({ password: '123456' });
    // The sweep is started by the server itself, every second here; the rows are made before it can see them (it only takes rows older than 30 min).
    server = await startTestServer({
      payments: {
        stripeSecretKey: 'sk_test_sweep', stripeApiUrl: stripeFake.url, terminal: 'zvt',
        zvt: { host: '127.0.0.1', port: terminal.port, password: '123456', currency: 'EUR' }, unconfirmedSweep: { afterMinutes: 30, intervalSeconds: 1 },
      },
    });
    await server.db.insert(stations).values({ id: 'SWEEP-1', tenantId: 'default', registrationStatus: 'Accepted', securityProfile: 1 });
    const stripe = new StripeProvider({ secretKey: 'sk_test_sweep', baseUrl: stripeFake.url });
    zvtClient = new ZvtClient({ host: '127.0.0.1', port: terminal.port, password: '123456', currency: 'EUR', connectTimeoutMs: 5000, ackTimeoutMs: 5000, transactionTimeoutMs: 10_000 });
    const zvt = new ZvtTerminalLink(zvtClient);

    // Stripe: a hold whose charge never started (the server stopped between the hold and the start).
    refs['stripeHeld'] = (await stripe.preAuthorise({ amountMinor: 5000, currency: 'EUR', reference: 'a', paymentMethod: 'pm_card_visa' })).ref;
    // Stripe: a charge that ended (no energy) while the server was down: never settled.
    refs['stripeEnded'] = (await stripe.preAuthorise({ amountMinor: 5000, currency: 'EUR', reference: 'c', paymentMethod: 'pm_card_visa' })).ref;
    // Stripe: 3-D Secure started and abandoned by the driver.
    refs['stripe3ds'] = (await stripe.preAuthorise({ amountMinor: 5000, currency: 'EUR', reference: 'b', paymentMethod: 'pm_card_threeDSecure2Required', returnUrl: 'http://127.0.0.1/back' })).ref;
    // ZVT: a reservation at the terminal nobody charged with; one whose charge is running; a fresh one.
    for (const name of ['zvtHeld', 'zvtCharging', 'zvtFresh']) refs[name] = (await zvt.reserve(5000, 'EUR')).transactionId;
    await record('stripe3ds', { provider: 'stripe', status: 'pending', providerRef: refs['stripe3ds']!, createdAt: HOURS_AGO(2) });
    await record('noAnswer', { provider: 'terminal', status: 'pending', providerRef: null, createdAt: HOURS_AGO(2) });
    await record('zvtCharging', { provider: 'terminal', status: 'authorised', providerRef: refs['zvtCharging']!, createdAt: HOURS_AGO(3), token: 'PAYCHARGING' });
    await server.db.insert(sessions).values({ id: randomUUID(), tenantId: 'default', stationId: 'SWEEP-1', evseId: 1, ocppVersion: 'ocpp2.0.1', externalId: 'tx-1', status: 'active', idToken: 'PAYCHARGING', startedAt: HOURS_AGO(3) });
    await record('stripeEnded', { provider: 'stripe', status: 'authorised', providerRef: refs['stripeEnded']!, createdAt: HOURS_AGO(4), token: 'PAYENDED' });
    await server.db.insert(sessions).values({ id: 'ended-1', tenantId: 'default', stationId: 'SWEEP-1', evseId: 1, ocppVersion: 'ocpp2.0.1', externalId: 'tx-0', status: 'completed', idToken: 'PAYENDED', startedAt: HOURS_AGO(4), endedAt: HOURS_AGO(3) });
    await record('zvtFresh', { provider: 'terminal', status: 'authorised', providerRef: refs['zvtFresh']!, createdAt: new Date() });
    await record('stripeHeld', { provider: 'stripe', status: 'authorised', providerRef: refs['stripeHeld']!, createdAt: HOURS_AGO(2) });
    await record('zvtHeld', { provider: 'terminal', status: 'authorised', providerRef: refs['zvtHeld']!, createdAt: HOURS_AGO(2) });
  });
  after(async () => {
    zvtClient?.close();
    await server?.stop();
    await terminal?.close();
    await stripeFake?.close();
  });

  it('voids the unused Stripe hold and the abandoned 3-D Secure intent at Stripe (PaymentIntent canceled)', async () => {
    await waitUntil(async () => (await get('stripeHeld')).status === 'voided' && (await get('stripe3ds')).status === 'voided', 30_000);
    assert.equal(stripeFake.intents.get(refs['stripeHeld']!)!.status, 'canceled');
    assert.equal(stripeFake.intents.get(refs['stripe3ds']!)!.status, 'canceled');
    const held = await get('stripeHeld');
    assert.match(held.failure, /^voided automatically: no charge started with this pre-authorisation \(after 30 min\)$/);
    assert.equal(held.amountCaptured, '0.00');
    assert.match((await get('stripe3ds')).failure, /^voided automatically: the card holder never completed the payment/);
  });

  it('reverses the unused reservation at the ZVT terminal (06 25)', async () => {
    await waitUntil(async () => (await get('zvtHeld')).status === 'voided', 30_000);
    assert.equal(terminal.reservations.get(parseZvtReference(refs['zvtHeld']!).receiptNumber)!.state, 'reversed');
    assert.match((await get('zvtHeld')).failure, /^voided automatically/);
  });

  it('a charge that ended unsettled (server down at session end) is settled now, not voided blindly: no energy, so released', async () => {
    await waitUntil(async () => (await get('stripeEnded')).status === 'voided', 30_000);
    const ended = await get('stripeEnded');
    assert.deepEqual([ended.sessionId, ended.failure], ['ended-1', null], 'settled (the session is linked), not an automatic void');
    assert.equal(stripeFake.intents.get(refs['stripeEnded']!)!.status, 'canceled');
  });

  it('a payment the provider never answered is failed, not voided (nothing to name at the provider)', async () => {
    await waitUntil(async () => (await get('noAnswer')).status === 'failed', 30_000);
    assert.match((await get('noAnswer')).failure, /^voided automatically: abandoned before the provider answered/);
  });

  it('leaves a hold whose charge is running, and a fresh hold, alone', async () => {
    // The older rows were swept in the runs awaited above; these two were seen by the same runs.
    assert.equal((await get('zvtCharging')).status, 'authorised');
    assert.equal((await get('zvtFresh')).status, 'authorised');
    assert.equal(terminal.reservations.get(parseZvtReference(refs['zvtCharging']!).receiptNumber)!.state, 'reserved');
    assert.equal(terminal.reservations.get(parseZvtReference(refs['zvtFresh']!).receiptNumber)!.state, 'reserved');
  });

  it('shows each as an automated action in the audit log and the payments list', async () => {
    await waitUntil(async () => (await server.api.request('GET', '/api/v1/audit?actorId=system:payment-sweep')).body.items.length >= 5, 30_000);
    const entries = (await server.api.request('GET', '/api/v1/audit?actorId=system:payment-sweep')).body.items as Array<{ actorType: string; action: string; targetType: string; targetId: string }>;
    assert.ok(entries.every((e) => e.actorType === 'system' && e.targetType === 'payment'));
    assert.deepEqual(
      new Set(entries.map((e) => `${e.action} ${e.targetId}`)),
      new Set([`payment voided ${ids['stripeHeld']}`, `payment voided ${ids['stripe3ds']}`, `payment voided ${ids['zvtHeld']}`, `payment failed ${ids['noAnswer']}`, `payment settled ${ids['stripeEnded']}`]),
    );
    const list = (await server.api.request('GET', '/api/v1/payments')).body.items as Array<{ id: string; status: string; failure: string | null }>;
    const automatic = list.filter((p) => p.failure?.startsWith('voided automatically')).map((p) => p.id);
    assert.deepEqual(new Set(automatic), new Set([ids['stripeHeld'], ids['stripe3ds'], ids['zvtHeld'], ids['noAnswer']]));
  });
});
