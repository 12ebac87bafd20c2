// Ad-hoc payment (AFIR): pre-authorise a card, start the charge with a one-off token, and when the
// session ends capture what its CDR says (incl. VAT) — or void when no energy was delivered —
// then invoice it and email the receipt. Refunds later from the API. ADR 041.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { ApiError } from '../../api/problem.js';
import type { Executor } from '../../infra/db/database.js';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import type { CdrRow } from '../billing/cdr-store.js';
import type { InvoiceService } from '../invoicing/service.js';
import { Decimal } from '../tariffs/pricing/money.js';
import type { TariffService } from '../tariffs/service.js';
import { currencyRules } from '../tariffs/tax/currencies.js';
import type { PaymentProvider } from './port.js';
import type { PaymentRow, PaymentStore } from './store.js';

/** The authorization module's token service, as far as ad-hoc payment needs it. */
export type TokenIssuer = {
  create(tenantId: string, fields: { idToken: string; type: string; groupIdToken: null; blocked: boolean; expiresAt: Date | null; language: null; owner: string | null; masterPass: boolean }): Promise<unknown>;
};
/** Remote start (RemoteControlService), as far as ad-hoc payment needs it. */
export type RemoteStarter = {
  start(caller: { tenantId: string; requestedBy: string | null }, stationId: string, start: { idToken: string; idTokenType?: string; evseId?: number }): Promise<{ outcome: { kind: string; payload?: unknown } }>;
};
export type CdrMaker = {
  createForSession(tenantId: string, sessionId: string): Promise<CdrRow | null>;
  priceRecorded(tenantId: string, sessionId: string, until?: Date): Promise<{ priced: { totalCost: { excl_vat: string; incl_vat: string | null }; currency: string } } | null>;
};

export type PaymentSettings = {
  /** The amount reserved on the card before the charge, in the tariff's currency (major units). */
  holdAmount: string;
  /** How long the one-off token may start a charge. */
  tokenMinutes: number;
};

const toMinor = (amount: Decimal | string, currency: string) => new Decimal(amount).times(new Decimal(10).pow(currencyRules(currency).minorUnits)).toDecimalPlaces(0).toNumber();
const fromMinor = (minor: number, currency: string) => new Decimal(minor).dividedBy(new Decimal(10).pow(currencyRules(currency).minorUnits)).toFixed(currencyRules(currency).minorUnits);

export class PaymentService {
  constructor(
    private readonly db: Executor,
    private readonly store: PaymentStore,
    private readonly providers: Map<string, PaymentProvider>,
    private readonly deps: { tokens: TokenIssuer; remote: RemoteStarter; cdrs: CdrMaker; invoices: InvoiceService; tariffs: TariffService; receiptUrl: (paymentId: string) => string; log: Logger },
    private readonly settings: PaymentSettings = { holdAmount: '50', tokenMinutes: 15 },
  ) {}

  /** The tenant of a station (public pages know the station only); null when unknown. */
  tenantOfStation(stationId: string): Promise<string | null> {
    return this.store.stationTenant(this.db, stationId);
  }

  /** The public (ad-hoc) tariff at an EVSE now, and the amount that would be reserved. */
  async offer(tenantId: string, stationId: string, evseId: number) {
    const found = await this.deps.tariffs.tariffAt(tenantId, stationId, evseId, 'public', null, new Date());
    const currency = found.tariff.currency;
    const max = (found.tariff.tariff as { max_price?: { incl_vat?: number; excl_vat?: number } }).max_price;
    const cap = max?.incl_vat ?? max?.excl_vat;
    const hold = cap !== undefined && new Decimal(String(cap)).lessThan(this.settings.holdAmount) ? new Decimal(String(cap)) : new Decimal(this.settings.holdAmount);
    return { found, currency, holdAmount: hold.toFixed(currencyRules(currency).minorUnits) };
  }

  /**
   * Pre-authorises the hold amount and, when the card is good, starts the charge with a one-off
   * token. A refused card or a refused start changes nothing on the card (the hold is voided).
   */
  async startAdHoc(tenantId: string, input: { stationId: string; evseId: number; email?: string; provider: string; paymentMethod?: string }): Promise<PaymentRow> {
    const provider = this.providers.get(input.provider);
    if (!provider) throw new ApiError('invalid_payment', `no payment provider ${input.provider} (configured: ${[...this.providers.keys()].join(', ') || 'none'})`);
    const { currency, holdAmount } = await this.offer(tenantId, input.stationId, input.evseId);
    const id = randomUUID();
    const token = `PAY${randomBytes(8).toString('hex').toUpperCase()}`;
    await this.store.insert(this.db, {
      id, tenantId, provider: provider.name, status: 'pending', currency, amountAuthorised: holdAmount, stationId: input.stationId, evseId: input.evseId, token, email: input.email ?? null,
    });
    const auth = await provider.preAuthorise({
      amountMinor: toMinor(holdAmount, currency), currency, reference: id,
      ...(input.paymentMethod ? { paymentMethod: input.paymentMethod } : {}), ...(input.email ? { email: input.email } : {}),
    }).catch(async (error: unknown) => {
      await this.store.transition(this.db, tenantId, id, 'pending', { status: 'failed', failure: (error as Error).message });
      throw new ApiError('payment_failed', (error as Error).message);
    });
    if (auth.status !== 'authorised') {
      await this.store.transition(this.db, tenantId, id, 'pending', { status: 'failed', providerRef: auth.ref || null, failure: auth.failure ?? 'declined' });
      throw new ApiError('payment_failed', `the card was declined (${auth.failure ?? 'declined'})`);
    }
    const authorised = (await this.store.transition(this.db, tenantId, id, 'pending', { status: 'authorised', providerRef: auth.ref }))!;
    await this.deps.tokens.create(tenantId, {
      idToken: token, type: 'Central', groupIdToken: null, blocked: false, expiresAt: new Date(Date.now() + this.settings.tokenMinutes * 60_000),
      language: null, owner: `ad-hoc payment ${id}`, masterPass: false,
    });
    const started = await this.deps.remote.start({ tenantId, requestedBy: `system:ad-hoc-payment:${id}` }, input.stationId, { idToken: token, idTokenType: 'Central', evseId: input.evseId });
    const accepted = started.outcome.kind === 'result' && (started.outcome.payload as { status?: string } | undefined)?.status === 'Accepted';
    if (!accepted) {
      await provider.void(auth.ref);
      await this.store.transition(this.db, tenantId, id, 'authorised', { status: 'voided', failure: `the station did not start (${started.outcome.kind})` });
      throw new ApiError('payment_failed', 'the charger did not start; nothing was charged to the card');
    }
    return authorised;
  }

  /** EventBus subscriber: settles the payment of an ended session; failures are logged. */
  observe(event: DomainEvent): void {
    if (event.type !== 'session.ended' || typeof event.data.sessionId !== 'string') return;
    const sessionId = event.data.sessionId;
    this.settle(event.tenantId, sessionId).catch((error: unknown) => this.deps.log.error({ err: error, sessionId }, 'settling the ad-hoc payment failed'));
  }

  /**
   * Captures the session's CDR total (incl. VAT, at most the hold) or voids when no energy was
   * delivered; then invoices and emails the receipt. Only the settler that moves the payment out
   * of `authorised` talks to the provider, so a replayed event never captures twice.
   */
  async settle(tenantId: string, sessionId: string): Promise<PaymentRow | null> {
    const session = await this.store.session(this.db, tenantId, sessionId);
    if (!session?.idToken) return null;
    const payment = await this.store.byToken(this.db, tenantId, session.idToken);
    if (!payment || payment.status !== 'authorised') return payment;
    const provider = this.providers.get(payment.provider);
    if (!provider) throw new Error(`payment ${payment.id}: provider ${payment.provider} is not configured`);
    const cdr = new Decimal(session.energyWh).greaterThan(0) ? await this.deps.cdrs.createForSession(tenantId, sessionId) : null;
    const due = cdr ? new Decimal(cdr.totalInclVat ?? cdr.totalExclVat) : new Decimal(0);
    if (!cdr || due.lessThanOrEqualTo(0)) {
      const claimed = await this.store.transition(this.db, tenantId, payment.id, 'authorised', { status: 'voided', sessionId });
      if (claimed) await provider.void(payment.providerRef!);
      this.deps.log.info({ paymentId: payment.id, sessionId }, 'no energy delivered: pre-authorisation voided');
      return claimed;
    }
    const amount = Decimal.min(due, new Decimal(payment.amountAuthorised)).toFixed(currencyRules(payment.currency).minorUnits);
    const claimed = await this.store.transition(this.db, tenantId, payment.id, 'authorised', { status: 'captured', amountCaptured: amount, sessionId });
    if (!claimed) return null;
    await provider.capture(payment.providerRef!, toMinor(amount, payment.currency));
    const invoice = await this.deps.invoices.issueForCdr(tenantId, { cdrId: cdr.id, customer: { ...(payment.email ? { email: payment.email } : {}), idToken: payment.token } });
    const done = await this.store.transition(this.db, tenantId, payment.id, 'captured', { invoiceId: invoice.id });
    if (payment.email) await this.deps.invoices.send(tenantId, invoice.id, payment.email, this.deps.receiptUrl(payment.id));
    return done;
  }

  /** Gives back part or all of a captured payment (the invoice is corrected by a credit note separately). */
  async refund(tenantId: string, id: string, amount?: string): Promise<PaymentRow> {
    const payment = await this.get(tenantId, id);
    if (payment.status !== 'captured' && payment.status !== 'refunded') throw new ApiError('invalid_payment', `payment is ${payment.status}: only a captured payment can be refunded`);
    const left = new Decimal(payment.amountCaptured).minus(payment.amountRefunded);
    const give = amount === undefined ? left : new Decimal(amount);
    if (give.lessThanOrEqualTo(0) || give.greaterThan(left) || give.decimalPlaces() > currencyRules(payment.currency).minorUnits) {
      throw new ApiError('invalid_payment', `at most ${left.toFixed(currencyRules(payment.currency).minorUnits)} ${payment.currency} can be refunded`);
    }
    const refunded = new Decimal(payment.amountRefunded).plus(give).toFixed();
    const row = await this.store.addRefund(this.db, tenantId, id, payment.amountRefunded, refunded);
    if (!row) throw new ApiError('invalid_payment', 'another refund was recorded meanwhile; retry');
    await this.providers.get(payment.provider)!.refund(payment.providerRef!, toMinor(give, payment.currency), `${id}-${refunded}`);
    return row;
  }

  async get(tenantId: string, id: string): Promise<PaymentRow> {
    const row = await this.store.get(this.db, tenantId, id);
    if (!row) throw new ApiError('payment_not_found');
    return row;
  }

  list(tenantId: string, query: { limit: number; cursor?: string | undefined }) {
    return this.store.list(this.db, tenantId, query);
  }

  /** What the driver's page shows: the payment, its session's progress and running cost. */
  async progress(paymentId: string) {
    const payment = await this.store.getAnyTenant(this.db, paymentId);
    if (!payment) throw new ApiError('payment_not_found');
    const session = await this.store.sessionByToken(this.db, payment.tenantId, payment.stationId, payment.token);
    let cost: string | null = null;
    if (session && session.status === 'active') {
      const priced = await this.deps.cdrs.priceRecorded(payment.tenantId, session.id, new Date()).catch(() => null);
      if (priced) cost = new Decimal(priced.priced.totalCost.incl_vat ?? priced.priced.totalCost.excl_vat).toFixed(currencyRules(payment.currency).minorUnits);
    }
    return {
      payment, session,
      energyKwh: session ? new Decimal(session.energyWh).dividedBy(1000).toFixed(3) : '0.000',
      runningCost: cost ?? (payment.status === 'captured' || payment.status === 'refunded' ? new Decimal(payment.amountCaptured).toFixed(currencyRules(payment.currency).minorUnits) : null),
      held: fromMinor(toMinor(payment.amountAuthorised, payment.currency), payment.currency),
    };
  }
}
