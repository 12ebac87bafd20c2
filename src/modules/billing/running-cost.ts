// Running cost during a session (OCPP 2.x J / I: CostUpdated; 1.6: the OCA California Pricing
// whitepaper's RunningCost and, at the end, FinalCost DataTransfers). On session.updated the session so
// far (to its latest meter reading) is priced exactly as its CDR will be, and the total incl. VAT
// is sent to a 2.x station in a
// CostUpdated, at most once per interval per session. It listens on the EventBus after COMMIT, so
// the sessions module's write path is untouched and a slow price never delays an OCPP answer.
// The pricing context of an active session stays in memory (running-cost-context.ts, ADR 062):
// a priced meter update reads nothing from the database.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { Decimal } from '../tariffs/pricing/money.js';
import type { CdrService } from './cdr-service.js';
import { appendReading, MAX_AGE_MS, priceFromContext, type RunningContext } from './running-cost-context.js';

export type CostSender = {
  versionOf(tenantId: string, stationId: string): Promise<string>;
  send(request: { tenantId: string; stationId: string; action: string; payload: unknown; requestedBy?: string | null; sessionId?: string | null }): Promise<unknown>;
};

export class RunningCostNotifier {
  private readonly lastSent = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  /** Per active session: its pricing context, or that no tariff applies (both dropped alike). */
  private readonly contexts = new Map<string, RunningContext | { noTariff: true; loadedAt: number }>();
  private readonly pending = new Set<Promise<unknown>>();
  /** When contexts past their age are dropped next (a sweep per interval, not per miss). */
  private nextSweepAt = 0;

  constructor(
    private readonly cdrs: CdrService,
    private readonly sender: CostSender,
    private readonly log: Logger,
    private readonly intervalMs = 60_000,
    private readonly now: () => Date = () => new Date(),
    private readonly contextMaxAgeMs = MAX_AGE_MS,
  ) {}

  observe(event: DomainEvent): void {
    const sessionId = event.data.sessionId;
    if (typeof sessionId !== 'string' || !event.stationId) return;
    if (event.type === 'session.ended') {
      this.lastSent.delete(sessionId);
      this.contexts.delete(sessionId);
      // 1.6 has no final total in StopTransaction.conf: the whitepaper's FinalCost DataTransfer carries it.
      if (event.data.status !== 'closed') {
        this.finalCost(event.tenantId, event.stationId, sessionId, String(event.data.externalId ?? ''))
          .catch((error: unknown) => this.log.warn({ err: error, sessionId }, 'final cost not sent'));
      }
      return;
    }
    if (event.type !== 'session.updated' || event.data.status !== 'active') return;
    // Every update's register reading goes into the context, priced or not, so the timeline keeps
    // the charging / parking split the CDR will have.
    const context = this.contexts.get(sessionId);
    const reading = readingOf(event.data, this.now());
    if (context && !('noTariff' in context) && reading.measured) appendReading(context, reading.energyWh, reading.at);
    const last = this.lastSent.get(sessionId);
    const now = this.now().getTime();
    if (this.inFlight.has(sessionId) || (last !== undefined && now - last < this.intervalMs)) return;
    this.inFlight.add(sessionId);
    this.lastSent.set(sessionId, now);
    this.track(this.notify(event.tenantId, event.stationId, sessionId, String(event.data.externalId ?? ''), reading)
      .catch((error: unknown) => this.log.warn({ err: error, sessionId }, 'running cost not sent'))
      .finally(() => this.inFlight.delete(sessionId)));
  }

  /** A tariff, an assignment or a price schedule changed: every context is read again at its next price. */
  tariffsChanged(): void {
    this.contexts.clear();
    this.cdrs.pricingInputsChanged();
  }

  /** How many sessions have their pricing context in memory (tests, diagnostics). */
  get cachedSessions(): number {
    return this.contexts.size;
  }

  /** Resolves when the running costs under way are sent (tests). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async contextOf(tenantId: string, stationId: string, sessionId: string): Promise<RunningContext | null> {
    const now = this.now().getTime();
    const cached = this.contexts.get(sessionId);
    if (cached && now - cached.loadedAt < this.contextMaxAgeMs) return 'noTariff' in cached ? null : cached;
    // A session whose end this node never saw (another node, a lost event) leaves with its age. Swept
    // once per quarter of that age: sweeping on every miss walked every running session's context
    // at every session's first price (a quadratic cost, the largest allocation of a latency run).
    if (now >= this.nextSweepAt) {
      this.nextSweepAt = now + this.contextMaxAgeMs / 4;
      this.contexts.forEach((ctx, id) => { if (now - ctx.loadedAt >= this.contextMaxAgeMs) this.contexts.delete(id); });
    }
    const version = await this.sender.versionOf(tenantId, stationId);
    const loaded = await this.cdrs.runningContext(tenantId, sessionId, version, this.now(), stationId);
    if (loaded === 'no_tariff') this.contexts.set(sessionId, { noTariff: true, loadedAt: now });
    else if (loaded) this.contexts.set(sessionId, loaded);
    return loaded === 'no_tariff' ? null : loaded;
  }

  /**
   * OCA California Pricing whitepaper, FinalCost (1.6 only; 2.x has totalCost in the Ended answer):
   * the session's total incl. VAT and a line the display can show. A station without the extension
   * answers UnknownVendorId, which changes nothing.
   */
  private async finalCost(tenantId: string, stationId: string, sessionId: string, transactionId: string): Promise<void> {
    if ((await this.sender.versionOf(tenantId, stationId)) !== 'ocpp1.6') return;
    const result = await this.cdrs.priceRecorded(tenantId, sessionId);
    if (!result) return;
    const total = new Decimal(result.priced.totalCost.incl_vat ?? result.priced.totalCost.excl_vat);
    const kwh = new Decimal(result.session.energyWh).dividedBy(1000).toDecimalPlaces(2);
    const data = { transactionId: Number(transactionId), cost: total.toNumber(), priceText: `${total.toFixed(2)} ${result.priced.currency} for ${kwh.toFixed(2)} kWh` };
    await this.sender.send({
      tenantId, stationId, action: 'DataTransfer', payload: { vendorId: 'org.openchargealliance.costmsg', messageId: 'FinalCost', data: JSON.stringify(data) },
      requestedBy: 'system:final-cost', sessionId,
    });
  }

  private async notify(tenantId: string, stationId: string, sessionId: string, transactionId: string, reading: Reading): Promise<void> {
    const context = await this.contextOf(tenantId, stationId, sessionId);
    if (!context || reading.at <= context.startedAt) return;
    if (reading.measured) appendReading(context, reading.energyWh, reading.at);
    const meters = context.needsMeterSamples ? await this.cdrs.meterRows(tenantId, sessionId) : context.meters;
    const priced = priceFromContext(context, reading.energyWh, reading.at, meters);
    const total = priced.totalCost.incl_vat ?? priced.totalCost.excl_vat;
    const version = context.ocppVersion;
    if (version === 'ocpp1.6') {
      // 1.6 has no cost message: the OCA's California Pricing whitepaper sends it in a DataTransfer
      // (a station without it answers UnknownVendorId/UnknownMessageId, which changes nothing).
      const register = context.origin.plus(reading.energyWh).toDecimalPlaces(0).toNumber();
      const data = { transactionId: Number(transactionId), timestamp: this.now().toISOString(), meterValue: register, cost: Number(total), state: 'Charging' };
      await this.sender.send({
        tenantId, stationId, action: 'DataTransfer', payload: { vendorId: 'org.openchargealliance.costmsg', messageId: 'RunningCost', data: JSON.stringify(data) },
        requestedBy: 'system:running-cost', sessionId,
      });
      return;
    }
    await this.sender.send({
      tenantId, stationId, action: 'CostUpdated', payload: { totalCost: Number(total), transactionId },
      requestedBy: 'system:running-cost', sessionId,
    });
  }
}

type Reading = { energyWh: string; at: Date; measured: boolean };

/**
 * What a session.updated reports: the energy so far, and when the meter read it (measured), else
 * now (an update without a meter time is priced to now, as before ADR 062).
 */
function readingOf(data: Record<string, unknown>, now = new Date()): Reading {
  const energy = data['energyWh'];
  const energyWh = typeof energy === 'string' || typeof energy === 'number' ? String(energy) : '0';
  const at = typeof data['lastMeterAt'] === 'string' ? new Date(data['lastMeterAt']) : null;
  return at && !Number.isNaN(at.getTime()) ? { energyWh, at, measured: true } : { energyWh, at: now, measured: false };
}

/**
 * Any successful change under /api/v1/tariffs (a tariff replaced or deleted, an assignment added or
 * removed, a price schedule pushed) drops the cached pricing contexts of this node (ADR 062), and so
 * does a change to a site or to a station (its site), which the place of a session's tariff
 * resolution comes from (ADR 068).
 */
export function invalidateOnTariffChanges(app: FastifyInstance, notifier: RunningCostNotifier): void {
  app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return;
    const url = request.url;
    const tariffs = url.startsWith('/api/v1/tariffs') && !url.includes('/preview');
    const place = url.startsWith('/api/v1/sites') || (url.startsWith('/api/v1/stations') && request.method !== 'POST');
    if (tariffs || place) notifier.tariffsChanged();
  });
}
