// The tidy-up of unconfirmed payments (ADR 085): a hold nobody will ever capture or void must not
// stay on a driver's card for days. A pre-authorisation whose charge never started (the station
// refused late, the driver left, the server stopped between the hold and the start), or a payment
// left pending (3-D Secure abandoned, the server stopped while the provider answered) is voided at
// the provider after a configurable age, and the payment says so ("voided automatically"), with an
// audit entry by `system:payment-sweep`. A payment whose charge ended but was never settled (the
// server stopped at session end) is settled now instead: the energy was delivered, it is owed.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { PaymentProvider } from './port.js';
import type { PaymentRow, PaymentStore } from './store.js';

export type SweepAudit = {
  recordSystemAction(action: { tenantId: string | null; job: string; action: string; targetType?: string | null; targetId?: string | null; details?: unknown }): Promise<void>;
};

export type SweepOutcome = { paymentId: string; action: 'voided' | 'failed' | 'settled' | 'kept' | 'error'; detail?: string };

export const AUTOMATIC_VOID = 'voided automatically';
const JOB = 'payment-sweep';

export class UnconfirmedPaymentSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepOutcome[]> | null = null;

  constructor(
    private readonly db: Executor,
    private readonly store: PaymentStore,
    private readonly providers: Map<string, PaymentProvider>,
    private readonly deps: { settle: (tenantId: string, sessionId: string) => Promise<PaymentRow | null>; audit: SweepAudit | null; log: Logger },
    private readonly settings: { afterMinutes: number; tokenMinutes: number; batch?: number },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One timer (unref'd); overlapping runs are skipped. */
  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      if (this.running) return;
      void this.run().catch((error: unknown) => this.deps.log.error({ err: error }, 'unconfirmed payment sweep failed'));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  run(): Promise<SweepOutcome[]> {
    this.running ??= this.sweep().finally(() => { this.running = null; });
    return this.running;
  }

  private async sweep(): Promise<SweepOutcome[]> {
    // Never before the one-off token expired: a charge could still start with it.
    const ageMinutes = Math.max(this.settings.afterMinutes, this.settings.tokenMinutes);
    const before = new Date(this.now().getTime() - ageMinutes * 60_000);
    const outcomes: SweepOutcome[] = [];
    for (const payment of await this.store.unconfirmed(this.db, before, this.settings.batch ?? 100)) {
      const outcome = await this.tidy(payment, ageMinutes).catch((error: unknown): SweepOutcome => ({ paymentId: payment.id, action: 'error', detail: (error as Error).message }));
      if (outcome.action === 'error') this.deps.log.warn({ paymentId: payment.id, detail: outcome.detail }, 'unconfirmed payment not tidied; retried at the next sweep');
      outcomes.push(outcome);
    }
    return outcomes;
  }

  private async tidy(payment: PaymentRow, ageMinutes: number): Promise<SweepOutcome> {
    const id = payment.id;
    if (payment.status === 'authorised') {
      const session = await this.store.sessionByToken(this.db, payment.tenantId, payment.stationId, payment.token);
      if (session?.status === 'active') return { paymentId: id, action: 'kept', detail: 'charging' };
      if (session) {
        const settled = await this.deps.settle(payment.tenantId, session.id);
        await this.audit(payment, 'payment settled', { reason: 'the session ended but its payment was never settled', sessionId: session.id, status: settled?.status ?? null });
        return { paymentId: id, action: 'settled', detail: settled?.status ?? 'unchanged' };
      }
    }
    if (payment.status === 'pending' && !payment.providerRef) {
      // The provider never answered us: there is nothing we could name to void.
      const failed = await this.store.transition(this.db, payment.tenantId, id, 'pending', { status: 'failed', failure: `${AUTOMATIC_VOID}: abandoned before the provider answered (after ${ageMinutes} min)` });
      if (!failed) return { paymentId: id, action: 'kept', detail: 'changed meanwhile' };
      await this.audit(payment, 'payment failed', { reason: 'abandoned before the provider answered', ageMinutes });
      return { paymentId: id, action: 'failed' };
    }
    const provider = this.providers.get(payment.provider);
    if (!provider) return { paymentId: id, action: 'error', detail: `provider ${payment.provider} is not configured` };
    const reason = payment.status === 'authorised' ? 'no charge started with this pre-authorisation' : 'the card holder never completed the payment';
    const failure = `${AUTOMATIC_VOID}: ${reason} (after ${ageMinutes} min)`;
    // Claimed first, as settlement does: a settler arriving meanwhile finds it voided and takes nothing.
    const claimed = await this.store.transition(this.db, payment.tenantId, id, payment.status, { status: 'voided', failure });
    if (!claimed) return { paymentId: id, action: 'kept', detail: 'changed meanwhile' };
    try {
      await provider.void(payment.providerRef!);
    } catch (error) {
      // The hold is still there: back to where it was, so the next sweep tries again.
      await this.store.transition(this.db, payment.tenantId, id, 'voided', { status: payment.status, failure: `automatic void failed: ${(error as Error).message}` });
      throw error;
    }
    await this.audit(payment, 'payment voided', { reason, provider: payment.provider, providerRef: payment.providerRef, previousStatus: payment.status, ageMinutes });
    return { paymentId: id, action: 'voided' };
  }

  private audit(payment: PaymentRow, action: string, details: Record<string, unknown>): Promise<void> {
    return this.deps.audit?.recordSystemAction({ tenantId: payment.tenantId, job: JOB, action, targetType: 'payment', targetId: payment.id, details }) ?? Promise.resolve();
  }
}
