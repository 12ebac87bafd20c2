// Running cost during a session (OCPP 2.x J / I: CostUpdated; 1.6: the OCA California Pricing
// whitepaper's RunningCost and, at the end, FinalCost DataTransfers). On session.updated the session so
// far (to its latest meter reading) is priced exactly as its CDR will be, and the total incl. VAT
// is sent to a 2.x station in a
// CostUpdated, at most once per interval per session. It listens on the EventBus after COMMIT, so
// the sessions module's write path is untouched and a slow price never delays an OCPP answer.
import type { Logger } from 'pino';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { Decimal } from '../tariffs/pricing/money.js';
import type { CdrService } from './cdr-service.js';

export type CostSender = {
  versionOf(tenantId: string, stationId: string): Promise<string>;
  send(request: { tenantId: string; stationId: string; action: string; payload: unknown; requestedBy?: string | null; sessionId?: string | null }): Promise<unknown>;
};

export class RunningCostNotifier {
  private readonly lastSent = new Map<string, number>();
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly cdrs: CdrService,
    private readonly sender: CostSender,
    private readonly log: Logger,
    private readonly intervalMs = 60_000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  observe(event: DomainEvent): void {
    const sessionId = event.data.sessionId;
    if (typeof sessionId !== 'string' || !event.stationId) return;
    if (event.type === 'session.ended') {
      this.lastSent.delete(sessionId);
      // 1.6 has no final total in StopTransaction.conf: the whitepaper's FinalCost DataTransfer carries it.
      if (event.data.status !== 'closed') {
        this.finalCost(event.tenantId, event.stationId, sessionId, String(event.data.externalId ?? ''))
          .catch((error: unknown) => this.log.warn({ err: error, sessionId }, 'final cost not sent'));
      }
      return;
    }
    if (event.type !== 'session.updated' || event.data.status !== 'active') return;
    const last = this.lastSent.get(sessionId);
    const now = this.now().getTime();
    if (this.inFlight.has(sessionId) || (last !== undefined && now - last < this.intervalMs)) return;
    this.inFlight.add(sessionId);
    this.lastSent.set(sessionId, now);
    this.notify(event.tenantId, event.stationId, sessionId, String(event.data.externalId ?? ''))
      .catch((error: unknown) => this.log.warn({ err: error, sessionId }, 'running cost not sent'))
      .finally(() => this.inFlight.delete(sessionId));
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

  private async notify(tenantId: string, stationId: string, sessionId: string, transactionId: string): Promise<void> {
    const version = await this.sender.versionOf(tenantId, stationId);
    const result = await this.cdrs.priceRecorded(tenantId, sessionId, this.now());
    if (!result) return;
    const total = result.priced.totalCost.incl_vat ?? result.priced.totalCost.excl_vat;
    if (version === 'ocpp1.6') {
      // 1.6 has no cost message: the OCA's California Pricing whitepaper sends it in a DataTransfer
      // (a station without it answers UnknownVendorId/UnknownMessageId, which changes nothing).
      const register = new Decimal(result.session.meterStartWh ?? 0).plus(result.session.energyWh).toDecimalPlaces(0).toNumber();
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
