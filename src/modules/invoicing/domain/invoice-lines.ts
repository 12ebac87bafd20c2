// Pure invoice arithmetic: a line per CDR (its VAT is what the CDR charged, incl. minus excl.),
// totals as exact sums, a credit note as the negation, numbers as printed. No floats anywhere.
import { Decimal } from '../../tariffs/pricing/money.js';

/** What an invoice line is made from: a CDR (debit or credit) with where it was supplied. */
export type BillableCdr = {
  cdrId: string;
  kind: string;
  sessionId: string;
  stationId: string;
  evseId: number;
  siteId: string | null;
  siteName: string | null;
  country: string | null;
  /** The VAT percentage of the jurisdiction the CDR was priced in ("19"), null when unknown. */
  vatRate: string | null;
  currency: string;
  energyKwh: string;
  totalExclVat: string;
  totalInclVat: string | null;
  startedAt: Date;
  endedAt: Date;
};

export type InvoiceLine = {
  lineNo: number;
  cdrId: string | null;
  description: string;
  siteId: string | null;
  stationId: string | null;
  country: string | null;
  vatRate: string | null;
  energyKwh: string;
  exclVat: string;
  vat: string;
  inclVat: string;
};

export type InvoiceTotals = { exclVat: string; vat: string; inclVat: string };

export class InvoiceInputError extends Error {}

const fixed = (value: Decimal | string, places: number) => new Decimal(value).toFixed(places);

/** One line per CDR, oldest first. A CDR without a total incl. VAT is invoiced with zero VAT. */
export function linesFromCdrs(cdrs: BillableCdr[], minorUnits: number): InvoiceLine[] {
  const currencies = new Set(cdrs.map((c) => c.currency));
  if (currencies.size > 1) throw new InvoiceInputError(`CDRs in more than one currency (${[...currencies].join(', ')}): one invoice per currency`);
  return [...cdrs].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.cdrId.localeCompare(b.cdrId)).map((cdr, index) => {
    const excl = new Decimal(cdr.totalExclVat);
    const incl = cdr.totalInclVat === null ? excl : new Decimal(cdr.totalInclVat);
    const what = cdr.kind === 'credit' ? 'Credit for charging session' : 'Charging session';
    return {
      lineNo: index + 1,
      cdrId: cdr.cdrId,
      description: `${what} ${cdr.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cdr.siteName ?? cdr.stationId} (${cdr.stationId} EVSE ${cdr.evseId}), ${new Decimal(cdr.energyKwh).toDecimalPlaces(3).toFixed()} kWh`,
      siteId: cdr.siteId,
      stationId: cdr.stationId,
      country: cdr.country,
      vatRate: cdr.totalInclVat === null ? null : cdr.vatRate,
      energyKwh: new Decimal(cdr.energyKwh).toFixed(),
      exclVat: fixed(excl, minorUnits),
      vat: fixed(incl.minus(excl), minorUnits),
      inclVat: fixed(incl, minorUnits),
    };
  });
}

export function totalsOf(lines: InvoiceLine[], minorUnits: number): InvoiceTotals {
  const sum = (pick: (l: InvoiceLine) => string) => lines.reduce((acc, l) => acc.plus(pick(l)), new Decimal(0));
  return { exclVat: fixed(sum((l) => l.exclVat), minorUnits), vat: fixed(sum((l) => l.vat), minorUnits), inclVat: fixed(sum((l) => l.inclVat), minorUnits) };
}

/** The lines of a credit note: every line of the invoice, negated (energy too, so reports net out). */
export function creditLines(lines: InvoiceLine[], minorUnits: number, invoiceNumber: string): InvoiceLine[] {
  const negate = (value: string) => fixed(new Decimal(value).negated(), minorUnits);
  return lines.map((line) => ({
    ...line, description: `Reversal of ${invoiceNumber} line ${line.lineNo}: ${line.description}`,
    energyKwh: new Decimal(line.energyKwh).negated().toFixed(),
    exclVat: negate(line.exclVat), vat: negate(line.vat), inclVat: negate(line.inclVat),
  }));
}

/** "INV-000042" / "CN-000007": per tenant and series, no gaps. */
export function displayNumber(series: 'invoice' | 'credit_note', number: number): string {
  return `${series === 'invoice' ? 'INV' : 'CN'}-${String(number).padStart(6, '0')}`;
}

/** Amounts summed per key (finance exports), exact. */
export function sumBy<T>(rows: T[], key: (row: T) => string, amounts: (row: T) => Record<string, string>): Map<string, { first: T; sums: Record<string, Decimal>; count: number }> {
  const groups = new Map<string, { first: T; sums: Record<string, Decimal>; count: number }>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k) ?? { first: row, sums: {}, count: 0 };
    for (const [name, value] of Object.entries(amounts(row))) group.sums[name] = (group.sums[name] ?? new Decimal(0)).plus(value);
    group.count++;
    groups.set(k, group);
  }
  return groups;
}
