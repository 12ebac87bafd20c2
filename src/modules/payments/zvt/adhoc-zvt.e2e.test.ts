// The AFIR ad-hoc flow paid at the charger's card terminal, end to end: ChargeOps configured with
// `payments.terminal = zvt` talks ZVT over TCP to a terminal simulator, a simulated OCPP 2.0.1
// station charges. Pre-authorisation (06 22) -> remote start -> energy -> at the end Book Total
// (06 24) of exactly the CDR's amount incl. VAT; no energy -> Pre-authorisation Reversal (06 25),
// nothing booked; a declined card starts nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../../../simulator/clock.js';
import type { SimulatedStation } from '../../../simulator/simulated-station.js';
import { startTestServer, waitUntil } from '../../../testing/test-server.js';
import { ADHOC_EV as EV, setUpAdhocStation } from '../testing/adhoc-charger.js';
import { startZvtTerminalSimulator, type ZvtTerminalSimulator } from './testing/zvt-terminal-simulator.js';
import { parseZvtReference } from './zvt-terminal-link.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const MINUTE = 60_000;

describe('AFIR ad-hoc payment at a ZVT card terminal: reserve -> charge -> book the actual amount', () => {
  let server: Server;
  let terminal: ZvtTerminalSimulator;
  let station: SimulatedStation;
  const clock = new ManualClock(Date.now() - 3 * 60 * MINUTE);
  const pay = (evseId: number) => fetch(`${server.baseUrl}/pay/ZVT-201/${evseId}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'driver@example.test' }) });
  const payment = async (id: string) => (await server.api.request('GET', `/api/v1/payments/${id}`)).body;

  before(async () => {
    terminal = await startZvtTerminalSimulator({ password: '314159' });
    server = await startTestServer({
      ocpp: { callTimeoutSeconds: 5 },
      payments: { terminal: 'zvt', zvt: { host: '127.0.0.1', port: terminal.port, password: '314159', currency: 'EUR', transactionTimeoutSeconds: 30 } },
    });
    station = await setUpAdhocStation(server, {
      site: { id: 'SITE-ZVT', name: 'Autohof', city: 'Kassel' }, tariffId: 'ADHOC-ZVT', station: { id: 'ZVT-201', connectors: 2, seed: 11 }, clock,
    });
  });
  after(async () => {
    await station?.stop();
    await server?.stop();
    assert.deepEqual(terminal?.protocolErrors ?? [], [], 'ChargeOps acknowledged every terminal message');
    await terminal?.close();
  });

  it('the page asks for the card at the terminal; the reservation, the charge, and Book Total of the CDR total incl. VAT', async () => {
    const page = await (await fetch(`${server.baseUrl}/pay/ZVT-201/1`)).text();
    assert.match(page, /Present your card at the terminal when asked/);
    await station.sessions.plugIn(1, EV);
    const started = await pay(1);
    assert.equal(started.status, 201, await started.clone().text());
    const { paymentId } = (await started.json()) as { paymentId: string };
    const held = await payment(paymentId);
    assert.deepEqual([held.provider, held.status, held.amountAuthorised], ['terminal', 'authorised', '50.00']);
    const reservation = terminal.reservations.get(parseZvtReference(held.providerRef).receiptNumber)!;
    assert.deepEqual([reservation.amountMinor, reservation.currency, reservation.state], [5000, 978, 'reserved']);
    assert.deepEqual(terminal.received.slice(0, 2).map((a) => a.ins), [0x00, 0x22], 'registered with the password, then the reservation');

    await waitUntil(async () => (await (await fetch(`${server.baseUrl}/pay/payments/${paymentId}/status`)).json() as { session: string }).session === 'active');
    await clock.advance(30 * MINUTE);
    await station.sessions.unplug(1);
    await station.transactionsDelivered();
    await waitUntil(async () => (await payment(paymentId)).invoiceId !== null);
    const paid = await payment(paymentId);
    const cdr = (await server.api.request('GET', `/api/v1/cdrs?sessionId=${paid.sessionId}`)).body.items[0];
    assert.equal(paid.status, 'captured');
    assert.equal(paid.amountCaptured, cdr.totalInclVat, 'the CDR total incl. VAT is what is booked');
    assert.equal(reservation.state, 'booked');
    assert.equal(reservation.bookedMinor, Math.round(Number(cdr.totalInclVat) * 100));
    assert.ok(reservation.bookedMinor > 0 && reservation.bookedMinor < 5000, 'a partial booking: the rest of the reservation is released');
    assert.equal(terminal.received.at(-1)!.ins, 0x24);
  });

  it('no energy delivered: the reservation is reversed (06 25), nothing booked, no invoice', async () => {
    await station.sessions.plugIn(2, { ...EV, socPercent: 100, targetSocPercent: 100 });
    const started = await pay(2);
    assert.equal(started.status, 201, await started.clone().text());
    const { paymentId } = (await started.json()) as { paymentId: string };
    await waitUntil(async () => (await (await fetch(`${server.baseUrl}/pay/payments/${paymentId}/status`)).json() as { session: string }).session === 'active');
    await clock.advance(5 * MINUTE);
    await station.sessions.unplug(2);
    await station.transactionsDelivered();
    await waitUntil(async () => (await payment(paymentId)).status === 'voided');
    const voided = await payment(paymentId);
    assert.deepEqual([voided.amountCaptured, voided.invoiceId], ['0.00', null]);
    const reservation = terminal.reservations.get(parseZvtReference(voided.providerRef).receiptNumber)!;
    assert.deepEqual([reservation.state, reservation.bookedMinor], ['reversed', 0]);
    assert.equal(terminal.received.at(-1)!.ins, 0x25);
  });

  it('a card declined at the terminal starts nothing and answers payment_failed with the result code', async () => {
    terminal.present({ kind: 'decline', resultCode: 0x05 });
    const declined = await pay(1);
    assert.equal(declined.status, 402);
    const problem = (await declined.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'payment_failed');
    assert.match(problem.detail, /result code 05/);
    const failed = (await server.api.request('GET', '/api/v1/payments')).body.items[0];
    assert.deepEqual([failed.status, failed.sessionId], ['failed', null]);
  });
});
