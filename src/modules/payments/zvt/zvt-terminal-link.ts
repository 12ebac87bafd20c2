// The card-terminal port (`TerminalLink`) spoken as ZVT to a real terminal at the charger. ADR 084.
//   reserve  -> Pre-authorisation / Reservation (06 22): amount, currency, payment type "terminal decides"
//   complete -> Book Total (06 24): the receipt number of the reservation and the actual amount;
//               the terminal releases what is left of the reservation (a partial capture)
//   release  -> Pre-authorisation Reversal (06 25): the receipt number; nothing is taken
//   refund   -> Refund (06 31): password and amount (the card is presented again at the terminal)
// The transaction id kept by the CSMS is `zvt:<terminal id>:<receipt no>:<trace no>`: the receipt
// number is what Book Total and the reversal name; the rest makes the id unique across terminals
// and receipt-number wrap-arounds.
import { randomUUID } from 'node:crypto';
import { PaymentProviderError } from '../port.js';
import type { TerminalLink } from '../terminal.js';
import { amountBmp, Bmp, Command, currencyBmp, encodeBmp, receiptBmp } from './codec.js';
import { ZvtError, type ZvtClient } from './client.js';

/** Payment type (BMP 19) 0x40: the terminal chooses girocard, debit or credit as the card allows. */
const PAYMENT_TYPE_TERMINAL_DECIDES = 0x40;

export type ZvtReference = { terminalId: string; receiptNumber: number; traceNumber: number };

export function parseZvtReference(ref: string): ZvtReference {
  const match = /^zvt:([0-9a-f]*):(\d{1,4}):(\d{1,6})$/.exec(ref);
  if (!match) throw new PaymentProviderError('terminal', `${ref} is not a ZVT transaction reference`);
  return { terminalId: match[1]!, receiptNumber: Number(match[2]), traceNumber: Number(match[3]) };
}
export const formatZvtReference = (r: ZvtReference) => `zvt:${r.terminalId}:${r.receiptNumber}:${r.traceNumber}`;

export class ZvtTerminalLink implements TerminalLink {
  /** Refund ids already given back in this process: a retried refund is not paid twice. */
  private readonly refunded = new Set<string>();

  constructor(private readonly client: ZvtClient) {}

  async reserve(amountMinor: number, currency: string): Promise<{ transactionId: string; approved: boolean; reason?: string }> {
    const declined = (reason: string) => ({ transactionId: `zvt:declined:${randomUUID()}`, approved: false, reason });
    if (currency !== this.client.currency) return declined(`the terminal takes ${this.client.currency}, not ${currency}`);
    const data = Buffer.concat([amountBmp(amountMinor), currencyBmp(this.client.currencyCode), encodeBmp(Bmp.paymentType, Buffer.from([PAYMENT_TYPE_TERMINAL_DECIDES]))]);
    let result;
    try {
      result = await this.client.run(Command.preAuthorisation[1], data);
    } catch (error) {
      // No card presented in time (aborted), or the terminal refused the command: nothing is reserved.
      if (error instanceof ZvtError && (error.kind === 'timeout' || error.kind === 'refused')) return declined(error.message);
      throw new PaymentProviderError('terminal', (error as Error).message);
    }
    if (result.outcome === 'failed') return declined(result.reason);
    const status = result.status;
    if (status?.receiptNumber === undefined) throw new PaymentProviderError('terminal', 'the terminal approved the reservation without a receipt number');
    if (status.amountMinor !== undefined && status.amountMinor !== amountMinor) {
      // Some cards reserve less than asked (a partial approval); capturing more than that would fail later.
      await this.release(formatZvtReference({ terminalId: status.terminalId ?? '', receiptNumber: status.receiptNumber, traceNumber: status.traceNumber ?? 0 }));
      return declined(`the card allowed ${status.amountMinor} of ${amountMinor} only`);
    }
    return { transactionId: formatZvtReference({ terminalId: status.terminalId ?? '', receiptNumber: status.receiptNumber, traceNumber: status.traceNumber ?? 0 }), approved: true };
  }

  async complete(transactionId: string, amountMinor: number): Promise<void> {
    const { receiptNumber } = parseZvtReference(transactionId);
    await this.command('book total', Command.bookTotal[1], Buffer.concat([receiptBmp(receiptNumber), amountBmp(amountMinor), currencyBmp(this.client.currencyCode)]));
  }

  async release(transactionId: string): Promise<void> {
    const { receiptNumber } = parseZvtReference(transactionId);
    await this.command('pre-authorisation reversal', Command.preAuthorisationReversal[1], Buffer.concat([receiptBmp(receiptNumber), currencyBmp(this.client.currencyCode)]));
  }

  async refund(transactionId: string, amountMinor: number, refundId: string): Promise<void> {
    parseZvtReference(transactionId);
    if (this.refunded.has(refundId)) return;
    await this.command('refund', Command.refund[1], Buffer.concat([this.client.password, amountBmp(amountMinor), currencyBmp(this.client.currencyCode)]));
    this.refunded.add(refundId);
  }

  private async command(what: string, ins: number, data: Buffer): Promise<void> {
    const result = await this.client.run(ins, data).catch((error: unknown) => { throw new PaymentProviderError('terminal', `${what}: ${(error as Error).message}`); });
    if (result.outcome === 'failed') throw new PaymentProviderError('terminal', `${what}: ${result.reason}`);
  }
}
