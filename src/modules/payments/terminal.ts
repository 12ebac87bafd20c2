// Card-terminal adapter of the payment port: an unattended payment terminal at the charger (the
// AFIR alternative to a web page). `TerminalLink` is the device protocol (ZVT: `zvt/`, ADR 084; OPI
// or a vendor's cloud API would be others); `SimulatedTerminal` is an in-process terminal with a
// card presented, for tests and the simulator. The terminal holds the reservation; the CSMS tells
// it the final amount (capture), to release it (void), or to refund.
import { randomUUID } from 'node:crypto';
import { PaymentProviderError, type PaymentProvider, type PreAuthorisation } from './port.js';

export interface TerminalLink {
  /** Asks the driver to present a card and reserves the amount; resolves with the terminal's answer. */
  reserve(amountMinor: number, currency: string, reference: string): Promise<{ transactionId: string; approved: boolean; reason?: string }>;
  complete(transactionId: string, amountMinor: number): Promise<void>;
  release(transactionId: string): Promise<void>;
  refund(transactionId: string, amountMinor: number, refundId: string): Promise<void>;
}

export class TerminalProvider implements PaymentProvider {
  readonly name = 'terminal';
  constructor(private readonly link: TerminalLink, private readonly onClose: () => void = () => undefined) {}

  async preAuthorise(request: { amountMinor: number; currency: string; reference: string }): Promise<PreAuthorisation> {
    const answer = await this.link.reserve(request.amountMinor, request.currency, request.reference);
    return answer.approved ? { ref: answer.transactionId, status: 'authorised' } : { ref: answer.transactionId, status: 'declined', failure: answer.reason ?? 'declined by the terminal' };
  }
  capture(ref: string, amountMinor: number): Promise<void> { return this.link.complete(ref, amountMinor); }
  void(ref: string): Promise<void> { return this.link.release(ref); }
  refund(ref: string, amountMinor: number, refundId: string): Promise<void> { return this.link.refund(ref, amountMinor, refundId); }
  close(): void { this.onClose(); }
}

type Reservation = { amountMinor: number; currency: string; state: 'reserved' | 'completed' | 'released'; takenMinor: number; refundedMinor: number; refunds: Set<string> };

/** A terminal with a card presented: approves up to `limitMinor`, keeps what it was told. */
export class SimulatedTerminal implements TerminalLink {
  readonly transactions = new Map<string, Reservation>();
  constructor(private readonly limitMinor = 50_000) {}

  async reserve(amountMinor: number, currency: string): Promise<{ transactionId: string; approved: boolean; reason?: string }> {
    const transactionId = `term_${randomUUID()}`;
    if (amountMinor > this.limitMinor) return { transactionId, approved: false, reason: 'insufficient funds' };
    this.transactions.set(transactionId, { amountMinor, currency, state: 'reserved', takenMinor: 0, refundedMinor: 0, refunds: new Set() });
    return { transactionId, approved: true };
  }
  private reserved(id: string): Reservation {
    const tx = this.transactions.get(id);
    if (!tx) throw new PaymentProviderError('terminal', `no transaction ${id}`);
    return tx;
  }
  async complete(id: string, amountMinor: number): Promise<void> {
    const tx = this.reserved(id);
    if (tx.state !== 'reserved' || amountMinor > tx.amountMinor) throw new PaymentProviderError('terminal', `cannot complete ${id} (${tx.state}) with ${amountMinor}`);
    Object.assign(tx, { state: 'completed', takenMinor: amountMinor });
  }
  async release(id: string): Promise<void> {
    const tx = this.reserved(id);
    if (tx.state !== 'reserved') throw new PaymentProviderError('terminal', `cannot release ${id} (${tx.state})`);
    tx.state = 'released';
  }
  async refund(id: string, amountMinor: number, refundId: string): Promise<void> {
    const tx = this.reserved(id);
    if (tx.refunds.has(refundId)) return;
    if (tx.state !== 'completed' || tx.refundedMinor + amountMinor > tx.takenMinor) throw new PaymentProviderError('terminal', `cannot refund ${amountMinor} of ${id}`);
    tx.refunds.add(refundId);
    tx.refundedMinor += amountMinor;
  }
}
