// Settling at a session's end reads nothing for a session that is not an ad-hoc payment's (ADR 093),
// on PGlite and PostgreSQL (CHARGEOPS_TEST_DATABASE_URL): session.ended carries the token the
// session ended with, and only a token with PAYMENT_TOKEN_PREFIX can have a payment to settle. An
// ad-hoc payment's session is settled from the event's token and energy, without reading the
// session back; an event without the token (a session the CSMS closed, an older node) still reads it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import type { DatabaseHandle, Executor } from '../../infra/db/database.js';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { payments, sessions, stations } from '../../infra/db/schema.js';
import { databaseTargets } from '../../infra/db/test-database.js';
import type { CdrRow } from '../billing/cdr-store.js';
import type { InvoiceService } from '../invoicing/service.js';
import type { TariffService } from '../tariffs/service.js';
import type { PaymentProvider } from './port.js';
import { PAYMENT_TOKEN_PREFIX, PaymentService, type EndedSession } from './service.js';
import { createPaymentStore } from './store.js';
import { SimulatedTerminal, TerminalProvider } from './terminal.js';
import { counted } from '../../testing/statement-counter.js';

const tenant = 'default';

const sessionReads = (statements: string[]) => statements.filter((s) => /from "sessions"/.test(s)).length;

/** The service, with the settlements that observe starts kept to be awaited. */
class Observed extends PaymentService {
  readonly settling: Array<{ sessionId: string; ended: EndedSession | undefined; done: Promise<unknown> }> = [];
  override settle(tenantId: string, sessionId: string, ended?: EndedSession) {
    const done = super.settle(tenantId, sessionId, ended);
    this.settling.push({ sessionId, ended, done });
    return done;
  }
}

for (const target of databaseTargets()) {
  describe(`settling at a session's end reads nothing for other tokens (${target.name}, ADR 093)`, () => {
    let handle: DatabaseHandle;
    let db: Executor;
    let service: Observed;
    let terminal: SimulatedTerminal;
    const made: string[] = [];
    const ended = (sessionId: string, data: Record<string, unknown>): DomainEvent => ({
      type: 'session.ended', tenantId: tenant, stationId: 'PAY-ST', at: new Date(), data: { sessionId, externalId: `TX-${sessionId}`, evseId: 1, status: 'completed', ...data },
    });
    const session = (id: string, idToken: string | null, energyWh: string) => db.insert(sessions).values({
      id, tenantId: tenant, stationId: 'PAY-ST', evseId: 1, ocppVersion: 'ocpp2.0.1', externalId: `TX-${id}`, status: 'completed', idToken, energyWh,
      startedAt: new Date(Date.now() - 3_600_000), endedAt: new Date(),
    });
    /** An authorised payment (its hold at the simulated terminal) whose token started `sessionId`. */
    const payment = async (id: string, token: string) => {
      const hold = await new TerminalProvider(terminal).preAuthorise({ amountMinor: 5000, currency: 'EUR', reference: id });
      await db.insert(payments).values({ id, tenantId: tenant, provider: 'terminal', providerRef: hold.ref, status: 'authorised', currency: 'EUR', amountAuthorised: '50.00', stationId: 'PAY-ST', evseId: 1, token });
      return hold.ref;
    };
    const paymentRow = async (id: string) => (await db.select().from(payments).where(eq(payments.id, id)))[0]!;

    before(async () => {
      handle = await target.open();
      db = handle.db;
      await db.insert(stations).values({ id: 'PAY-ST', tenantId: tenant, registrationStatus: 'Accepted', securityProfile: 0 });
      terminal = new SimulatedTerminal();
      const providers = new Map<string, PaymentProvider>([['terminal', new TerminalProvider(terminal)]]);
      const cdr = (sessionId: string) => ({ id: `CDR-${sessionId}`, totalExclVat: '2.94', totalInclVat: '3.50' }) as CdrRow;
      service = new Observed(db, createPaymentStore(), providers, {
        tokens: { create: async () => null }, remote: { start: async () => ({ outcome: { kind: 'accepted' } }) },
        cdrs: { createForSession: async (_tenantId, sessionId) => { made.push(sessionId); return cdr(sessionId); }, priceRecorded: async () => null },
        invoices: { issueForCdr: async (_tenantId: string, input: { cdrId: string }) => ({ id: `INV-${input.cdrId}` }), send: async () => undefined } as unknown as InvoiceService,
        tariffs: {} as TariffService, receiptUrl: (id) => `http://127.0.0.1/pay/${id}/receipt.pdf`, authenticatedUrl: (id) => `http://127.0.0.1/pay/${id}`,
        log: pino({ level: 'silent' }),
      });
    });
    after(async () => { await handle.close(); });

    it('a session ended with an RFID card, or with no token: no settlement, no statement', async () => {
      await session('S-RFID', 'RFID-1', '7000');
      await session('S-NONE', null, '7000');
      const end = await counted(async () => {
        service.observe(ended('S-RFID', { idToken: 'RFID-1', energyWh: '7000' }));
        service.observe(ended('S-NONE', { idToken: null, energyWh: '7000' }));
        // a token that only contains the prefix, not at its start, is not an ad-hoc payment's either
        service.observe(ended('S-RFID', { idToken: `X${PAYMENT_TOKEN_PREFIX}1`, energyWh: '7000' }));
      });
      assert.deepEqual(service.settling, [], 'nothing to settle');
      assert.deepEqual(end.statements, []);
    });

    it('an event without the token (a session the CSMS closed, an older node): the session is read, as before', async () => {
      service.observe(ended('S-RFID', { stoppedReason: 'superseded', endedAt: new Date().toISOString() }));
      assert.equal(service.settling.length, 1);
      const settled = await counted(() => service.settling[0]!.done);
      assert.equal(settled.value, null);
      assert.equal(sessionReads(settled.statements), 1);
      assert.equal(settled.statements.length, 1, 'the session only: its token is not an ad-hoc payment\'s');
      service.settling.length = 0;
    });

    it('an ad-hoc payment with no energy delivered: voided, reading the payment but not the session', async () => {
      const token = `${PAYMENT_TOKEN_PREFIX}00000000000000A1`;
      await session('S-VOID', token, '0');
      const ref = await payment('P-VOID', token);
      service.observe(ended('S-VOID', { idToken: token, energyWh: '0' }));
      assert.deepEqual(service.settling.map((s) => [s.sessionId, s.ended]), [['S-VOID', { idToken: token, energyWh: '0' }]]);
      const settled = await counted(() => service.settling[0]!.done);
      assert.equal(sessionReads(settled.statements), 0);
      assert.equal(settled.statements.length, 2, 'the payment by its token, and its move to voided');
      assert.deepEqual([(await paymentRow('P-VOID')).status, (await paymentRow('P-VOID')).sessionId], ['voided', 'S-VOID']);
      assert.equal(terminal.transactions.get(ref)!.state, 'released');
      assert.deepEqual(made, [], 'no energy: no CDR asked for');
      service.settling.length = 0;
    });

    it('an ad-hoc payment with energy: its CDR total captured, without reading the session', async () => {
      const token = `${PAYMENT_TOKEN_PREFIX}00000000000000B2`;
      await session('S-PAID', token, '7000');
      const ref = await payment('P-PAID', token);
      service.observe(ended('S-PAID', { idToken: token, energyWh: '7000' }));
      const settled = await counted(() => service.settling[0]!.done);
      assert.equal(sessionReads(settled.statements), 0);
      assert.deepEqual(made, ['S-PAID']);
      const row = await paymentRow('P-PAID');
      assert.deepEqual([row.status, Number(row.amountCaptured), row.invoiceId], ['captured', 3.5, 'INV-CDR-S-PAID']);
      assert.deepEqual([terminal.transactions.get(ref)!.state, terminal.transactions.get(ref)!.takenMinor], ['completed', 350]);
      // the same event again (a replay): nothing is captured twice
      service.observe(ended('S-PAID', { idToken: token, energyWh: '7000' }));
      assert.equal((await service.settling[1]!.done as { status: string }).status, 'captured');
      assert.equal(terminal.transactions.get(ref)!.takenMinor, 350);
    });
  });
}
