// Pure: the lines of a credit note, in full or in part. An invoice may be credited several times
// (a partial refund, then the rest), never beyond what it billed: what is left of each line is its
// amount plus every earlier credit line of the same CDR. A partial amount is gross (what the driver
// gets back) and split into net and VAT at the line's rate; the last credit takes the exact rest,
// so rounding never leaves a cent behind or credits one too many.
import { Decimal } from '../../tariffs/pricing/money.js';
import { InvoiceInputError, type InvoiceLine } from './invoice-lines.js';

/** What to credit: everything left, or `amount` (gross, positive) of one line. */
export type CreditRequest = { amount?: string; lineNo?: number };

type Left = { line: InvoiceLine; exclVat: Decimal; vat: Decimal; inclVat: Decimal; energyKwh: Decimal };

const keyOf = (line: InvoiceLine) => line.cdrId ?? `line-${line.lineNo}`;

/** What is still creditable of each invoice line after the earlier credit notes' lines. */
export function remainingOf(lines: InvoiceLine[], earlierCredits: InvoiceLine[]): Left[] {
  return lines.map((line) => {
    const credited = earlierCredits.filter((c) => keyOf(c) === keyOf(line));
    const plus = (pick: (l: InvoiceLine) => string) => credited.reduce((sum, c) => sum.plus(pick(c)), new Decimal(pick(line)));
    return { line, exclVat: plus((l) => l.exclVat), vat: plus((l) => l.vat), inclVat: plus((l) => l.inclVat), energyKwh: plus((l) => l.energyKwh) };
  });
}

export function creditNoteLines(lines: InvoiceLine[], earlierCredits: InvoiceLine[], request: CreditRequest, minorUnits: number, invoiceNumber: string): InvoiceLine[] {
  const left = remainingOf(lines, earlierCredits).filter((l) => l.inclVat.greaterThan(0) || l.exclVat.greaterThan(0));
  if (left.length === 0) throw new InvoiceInputError(`invoice ${invoiceNumber} is already credited in full`);
  const fixed = (d: Decimal) => d.toFixed(minorUnits);
  const full = (l: Left, lineNo: number): InvoiceLine => ({
    ...l.line, lineNo, description: `Reversal of ${invoiceNumber} line ${l.line.lineNo}: ${l.line.description}`,
    energyKwh: l.energyKwh.negated().toFixed(), exclVat: fixed(l.exclVat.negated()), vat: fixed(l.vat.negated()), inclVat: fixed(l.inclVat.negated()),
  });
  if (request.amount === undefined) {
    if (request.lineNo !== undefined) {
      const one = left.find((l) => l.line.lineNo === request.lineNo);
      if (!one) throw new InvoiceInputError(`line ${request.lineNo} of ${invoiceNumber} has nothing left to credit`);
      return [full(one, 1)];
    }
    return left.map((l, i) => full(l, i + 1));
  }

  const amount = new Decimal(request.amount);
  if (!amount.greaterThan(0) || amount.decimalPlaces() > minorUnits) throw new InvoiceInputError(`the amount must be positive with at most ${minorUnits} decimals`);
  const target = request.lineNo !== undefined ? left.find((l) => l.line.lineNo === request.lineNo) : left.length === 1 ? left[0] : undefined;
  if (!target) {
    throw new InvoiceInputError(request.lineNo !== undefined
      ? `line ${request.lineNo} of ${invoiceNumber} has nothing left to credit`
      : `${invoiceNumber} has ${left.length} lines with an amount left: say which (lineNo)`);
  }
  if (amount.greaterThan(target.inclVat)) throw new InvoiceInputError(`at most ${fixed(target.inclVat)} is left to credit on line ${target.line.lineNo} of ${invoiceNumber}`);
  if (amount.equals(target.inclVat)) return [full(target, 1)];
  const rate = target.line.vatRate === null ? new Decimal(0) : new Decimal(target.line.vatRate);
  const net = amount.dividedBy(rate.dividedBy(100).plus(1)).toDecimalPlaces(minorUnits);
  return [{
    ...target.line, lineNo: 1, description: `Partial credit of ${invoiceNumber} line ${target.line.lineNo}: ${target.line.description}`,
    // A price correction, not energy given back: the energy stays on the invoice.
    energyKwh: '0', exclVat: fixed(net.negated()), vat: fixed(amount.minus(net).negated()), inclVat: fixed(amount.negated()),
  }];
}
