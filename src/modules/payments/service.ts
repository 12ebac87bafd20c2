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

/** The start of every ad-hoc payment's one-off charging token (`PAY` + 16 hex digits). */
export const PAYMENT_TOKEN_PREFIX = 'PAY';

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

/** What settling needs of an ended session: its token and the energy it delivered (decimal Wh). */
export type EndedSession = { idToken: string | null; energyWh: string };

/**
 * The token and energy of a session.ended that carries both (a session the CSMS closed, or an event
 * of a node that does not publish the token, carries less: null, the row is read).
 */
function endedAsPublished(data: Record<string, unknown>): EndedSession | null {
  const { idToken, energyWh } = data;
  if (!(idToken === null || typeof idToken === 'string')) return null;
  if (typeof energyWh !== 'string' || !/^\d+(\.\d+)?$/.test(energyWh)) return null;
  return { idToken, energyWh };
}

const toMinor = (amount: Decimal | string, currency: string) => new Decimal(amount).times(new Decimal(10).pow(currencyRules(currency).minorUnits)).toDecimalPlaces(0).toNumber();
const fromMinor = (minor: number, currency: string) => new Decimal(minor).dividedBy(new Decimal(10).pow(currencyRules(currency).minorUnits)).toFixed(currencyRules(currency).minorUnits);

export class PaymentService {
  constructor(
    private readonly db: Executor,
    private readonly store: PaymentStore,
    private readonly providers: Map<string, PaymentProvider>,
    private readonly deps: { tokens: TokenIssuer; remote: RemoteStarter; cdrs: CdrMaker; invoices: InvoiceService; tariffs: TariffService; receiptUrl: (paymentId: string) => string; authenticatedUrl: (paymentId: string) => string; log: Logger },
    private readonly settings: PaymentSettings = { holdAmount: '50', tokenMinutes: 15 },
  ) {}

  /** How long a one-off token may start a charge (the sweep waits at least this long). */
  get tokenMinutes(): number { return this.settings.tokenMinutes; }

  /** The tenant of a station (public pages know the station only); null when unknown. */
  tenantOfStation(stationId: string): Promise<string | null> {
    return this.store.stationTenant(this.db, stationId);
  }

  /** The EVSE ids of a station of the tenant (what a /pay page or label may name). */
  evsesOf(tenantId: string, stationId: string): Promise<number[]> {
    return this.store.evsesOf(this.db, tenantId, stationId);
  }

  /** Every EVSE of every station of a site of the tenant, for its sheet of /pay labels. */
  async siteEvses(tenantId: string, siteId: string) {
    const site = await this.store.site(this.db, tenantId, siteId);
    if (!site) throw new ApiError('site_not_found');
    const evses = [];
    for (const station of await this.store.stationsOfSite(this.db, tenantId, siteId)) {
      for (const evseId of await this.store.evsesOf(this.db, tenantId, station.id)) evses.push({ stationId: station.id, stationName: station.displayName, evseId });
    }
    return { site, evses };
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
   * A card that needs 3-D Secure leaves the payment pending with `actionUrl` for the driver; the
   * charge starts when the authentication completes (`confirmAuthentication`, or the webhook).
   */
  async startAdHoc(tenantId: string, input: { stationId: string; evseId: number; email?: string; provider: string; paymentMethod?: string }): Promise<PaymentRow & { actionUrl?: string; clientSecret?: string }> {
    const provider = this.providers.get(input.provider);
    if (!provider) throw new ApiError('invalid_payment', `no payment provider ${input.provider} (configured: ${[...this.providers.keys()].join(', ') || 'none'})`);
    const { currency, holdAmount } = await this.offer(tenantId, input.stationId, input.evseId);
    const id = randomUUID();
    const token = `${PAYMENT_TOKEN_PREFIX}${randomBytes(8).toString('hex').toUpperCase()}`;
    await this.store.insert(this.db, {
      id, tenantId, provider: provider.name, status: 'pending', currency, amountAuthorised: holdAmount, stationId: input.stationId, evseId: input.evseId, token, email: input.email ?? null,
    });
    const auth = await provider.preAuthorise({
      amountMinor: toMinor(holdAmount, currency), currency, reference: id, returnUrl: this.deps.authenticatedUrl(id),
      ...(input.paymentMethod ? { paymentMethod: input.paymentMethod } : {}), ...(input.email ? { email: input.email } : {}),
    }).catch(async (error: unknown) => {
      await this.store.transition(this.db, tenantId, id, 'pending', { status: 'failed', failure: (error as Error).message });
      throw new ApiError('payment_failed', (error as Error).message);
    });
    if (auth.status === 'requires_action') {
      const pending = (await this.store.setProviderRef(this.db, tenantId, id, auth.ref))!;
      return { ...pending, ...(auth.actionUrl ? { actionUrl: auth.actionUrl } : {}) };
    }
    if (auth.status === 'requires_payment_method' && auth.clientSecret) {
      // The browser confirms the card with Stripe.js, then comes back to confirmAuthentication (ADR 065).
      const pending = (await this.store.setProviderRef(this.db, tenantId, id, auth.ref))!;
      return { ...pending, clientSecret: auth.clientSecret };
    }
    if (auth.status !== 'authorised') {
      await this.store.transition(this.db, tenantId, id, 'pending', { status: 'failed', providerRef: auth.ref || null, failure: auth.failure ?? 'declined' });
      throw new ApiError('payment_failed', `the card was declined (${auth.failure ?? 'declined'})`);
    }
    const authorised = await this.authorised(tenantId, id, auth.ref);
    if (!authorised) throw new ApiError('payment_failed', 'the payment changed meanwhile');
    if (authorised.status !== 'authorised') throw new ApiError('payment_failed', authorised.failure ?? 'the charger did not start; nothing was charged to the card');
    return authorised;
  }

  /**
   * The driver is back from 3-D Secure (or the provider's webhook says so): asks the provider how
   * the authorisation ended and starts the charge or records the failure. Whoever moves the payment
   * out of `pending` first acts; the other finds nothing to do.
   */
  async confirmAuthentication(paymentId: string): Promise<PaymentRow> {
    const payment = await this.store.getAnyTenant(this.db, paymentId);
    if (!payment) throw new ApiError('payment_not_found');
    if (payment.status !== 'pending' || !payment.providerRef) return payment;
    const provider = this.providers.get(payment.provider);
    if (!provider?.authorisation) return payment;
    const state = await provider.authorisation(payment.providerRef);
    if (state.status === 'requires_action' || state.status === 'requires_payment_method') return payment;
    if (state.status === 'declined') {
      return (await this.store.transition(this.db, payment.tenantId, payment.id, 'pending', { status: 'failed', failure: state.failure ?? 'authentication failed' })) ?? payment;
    }
    return (await this.authorised(payment.tenantId, payment.id, state.ref)) ?? (await this.store.getAnyTenant(this.db, paymentId))!;
  }

  /** pending -> authorised, then the one-off token and the remote start; a refused start voids the hold. Null when someone else moved it. */
  private async authorised(tenantId: string, id: string, ref: string): Promise<PaymentRow | null> {
    const authorised = await this.store.transition(this.db, tenantId, id, 'pending', { status: 'authorised', providerRef: ref });
    if (!authorised) return null;
    await this.deps.tokens.create(tenantId, {
      idToken: authorised.token, type: 'Central', groupIdToken: null, blocked: false, expiresAt: new Date(Date.now() + this.settings.tokenMinutes * 60_000),
      language: null, owner: `ad-hoc payment ${id}`, masterPass: false,
    });
    const started = await this.deps.remote.start({ tenantId, requestedBy: `system:ad-hoc-payment:${id}` }, authorised.stationId, { idToken: authorised.token, idTokenType: 'Central', evseId: authorised.evseId });
    const accepted = started.outcome.kind === 'result' && (started.outcome.payload as { status?: string } | undefined)?.status === 'Accepted';
    if (accepted) return authorised;
    await this.providers.get(authorised.provider)!.void(ref);
    return (await this.store.transition(this.db, tenantId, id, 'authorised', { status: 'voided', failure: `the charger did not start (${started.outcome.kind}); nothing was charged to the card` })) ?? authorised;
  }

  /**
   * A provider's webhook event about a payment (already verified and recorded once): completes a
   * 3-D Secure authorisation, records a failure, or checks a capture. Returns what it did.
   */
  async onProviderEvent(provider: string, event: { type: string; ref: string; amountReceivedMinor?: number; failure?: string }): Promise<string> {
    const payment = await this.store.byProviderRef(this.db, provider, event.ref);
    if (!payment) return 'ignored: no payment with this reference';
    switch (event.type) {
      case 'payment_intent.amount_capturable_updated':
        if (payment.status !== 'pending') return `ignored: payment is ${payment.status}`;
        return `applied: ${(await this.confirmAuthentication(payment.id)).status}`;
      case 'payment_intent.payment_failed': {
        if (payment.status !== 'pending') return `ignored: payment is ${payment.status}`;
        const failed = await this.store.transition(this.db, payment.tenantId, payment.id, 'pending', { status: 'failed', failure: event.failure ?? 'payment failed' });
        return failed ? 'applied: failed' : 'ignored: changed meanwhile';
      }
      case 'payment_intent.canceled': {
        // The hold was released at the provider (expired, cancelled in its dashboard): nothing can be captured any more.
        if (payment.status !== 'authorised' && payment.status !== 'pending') return `ignored: payment is ${payment.status}`;
        const voided = await this.store.transition(this.db, payment.tenantId, payment.id, payment.status, { status: 'voided', failure: 'the authorisation was canceled at the provider' });
        return voided ? 'applied: voided' : 'ignored: changed meanwhile';
      }
      case 'payment_intent.succeeded': {
        const expected = toMinor(payment.amountCaptured, payment.currency);
        if (payment.status !== 'captured' && payment.status !== 'refunded') return `ignored: payment is ${payment.status}`;
        if (event.amountReceivedMinor !== undefined && event.amountReceivedMinor !== expected) {
          this.deps.log.warn({ paymentId: payment.id, expected, received: event.amountReceivedMinor }, 'the provider captured another amount than recorded');
          return `mismatch: provider captured ${event.amountReceivedMinor}, recorded ${expected}`;
        }
        return 'applied: capture confirmed';
      }
      default:
        return `ignored: ${event.type}`;
    }
  }

  /** EventBus subscriber: settles the payment of an ended session; failures are logged. */
  observe(event: DomainEvent): void {
    if (event.type !== 'session.ended' || typeof event.data.sessionId !== 'string') return;
    const sessionId = event.data.sessionId;
    // The session's token as it ended, when the event carries it: a token without the prefix of an
    // ad-hoc payment (an RFID card, a roaming token, none) settles nothing, with no read (ADR 093).
    const { idToken } = event.data;
    if ((idToken === null || typeof idToken === 'string') && !idToken?.startsWith(PAYMENT_TOKEN_PREFIX)) return;
    const ended = endedAsPublished(event.data);
    this.settle(event.tenantId, sessionId, ended ?? undefined).catch((error: unknown) => this.deps.log.error({ err: error, sessionId }, 'settling the ad-hoc payment failed'));
  }

  /**
   * Captures the session's CDR total (incl. VAT, at most the hold) or voids when no energy was
   * delivered; then invoices and emails the receipt. Only the settler that moves the payment out
   * of `authorised` talks to the provider, so a replayed event never captures twice.
   */
  async settle(tenantId: string, sessionId: string, ended?: EndedSession): Promise<PaymentRow | null> {
    // session.ended carries the token and energy the session ended with (committed before it is
    // published): the session row is read only when the event did not (the sweep, older nodes).
    const session = ended ?? (await this.store.session(this.db, tenantId, sessionId));
    // Every ad-hoc payment's one-off token carries the prefix, so a session charged with any other
    // token (an RFID card, a roaming token) has no payment to settle: no read per ended session.
    if (!session?.idToken?.startsWith(PAYMENT_TOKEN_PREFIX)) return null;
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
    if (payment.email) await this.deps.invoices.send(tenantId, invoice.id, payment.email, this.deps.receiptUrl(payment.id), 'Receipt');
    return done;
  }

  /** Gives back part or all of a captured payment, and credits that much of its invoice. */
  async refund(tenantId: string, id: string, amount?: string, reason?: string): Promise<PaymentRow> {
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
    // The invoice is corrected by a (partial) credit note of what went back, so finance reconciles.
    if (payment.invoiceId) {
      await this.deps.invoices.creditNote(tenantId, payment.invoiceId, reason ?? 'refund of the ad-hoc payment', { amount: give.toFixed(currencyRules(payment.currency).minorUnits) })
        .catch((error: unknown) => this.deps.log.error({ err: error, paymentId: id }, 'refunded, but the credit note failed: reconciliation will show it'));
    }
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
